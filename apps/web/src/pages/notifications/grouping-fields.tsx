import type { NotificationType } from '@herald/core';
import { Group, NumberInput, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupingState } from '../../components/grouping.ts';
import { unitSuffix } from '../../lib/unit-suffix.ts';

type Props = {
  type: NotificationType;
  value: GroupingState;
  /** Field errors keyed by the settings field. */
  errors: Record<string, string>;
  onChange: (next: GroupingState) => void;
};

/** How a type's alerts are grouped into digests, and (cost alerts) whether recoveries are sent. */
export function GroupingFields({ type, value, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const seconds = unitSuffix(i18n.resolvedLanguage ?? i18n.language, 'second');
  const set = (patch: Partial<GroupingState>) => onChange({ ...value, ...patch });
  if (type === 'circuit_breaker') {
    return (
      <NumberInput
        label={t('notificationsPage.grouping.waitLabel')}
        description={t('notificationsPage.grouping.breakerWaitDescription')}
        min={0}
        max={600}
        allowDecimal={false}
        clampBehavior="none"
        suffix={seconds}
        value={value.circuitBreakerGroupWaitSeconds}
        onChange={(v) => set({ circuitBreakerGroupWaitSeconds: v })}
        error={errors.circuitBreakerGroupWaitSeconds}
      />
    );
  }
  if (type === 'cost_alert') {
    return (
      <>
        <Group grow align="flex-start">
          <NumberInput
            label={t('notificationsPage.grouping.waitLabel')}
            description={t('notificationsPage.grouping.costWaitDescription')}
            min={0}
            max={600}
            allowDecimal={false}
            clampBehavior="none"
            suffix={seconds}
            value={value.costAlertGroupWaitSeconds}
            onChange={(v) => set({ costAlertGroupWaitSeconds: v })}
            error={errors.costAlertGroupWaitSeconds}
          />
          <NumberInput
            label={t('notificationsPage.grouping.thresholdLabel')}
            description={t('notificationsPage.grouping.thresholdDescription')}
            min={1}
            max={1000}
            allowDecimal={false}
            clampBehavior="none"
            value={value.costAlertDigestThreshold}
            onChange={(v) => set({ costAlertDigestThreshold: v })}
            error={errors.costAlertDigestThreshold}
          />
        </Group>
        <Switch
          label={t('notificationsPage.grouping.recoveryLabel')}
          description={t('notificationsPage.grouping.recoveryDescription')}
          checked={value.costAlertRecoveryEnabled}
          onChange={(event) => set({ costAlertRecoveryEnabled: event.currentTarget.checked })}
        />
      </>
    );
  }
  return null;
}
