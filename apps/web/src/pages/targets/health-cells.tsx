import type { TargetHealth, TargetView } from '@herald/core';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';
import { HealthDot } from '../../components/health-dot.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { formatRate } from '../../components/target-health.ts';

type Props = { target: TargetView; health: TargetHealth | undefined; unavailable: boolean };

function Unavailable() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('targetHealth.unavailable')}
    </Text>
  );
}

/** The health dot and word, and when the last delivery finished (relative, exact on hover). */
export function HealthCell({ target, health, unavailable }: Props) {
  const { t } = useTranslation();
  if (!health) return unavailable ? <Unavailable /> : null;
  const last = health.lastDelivery;
  return (
    <Stack gap={2} data-testid="target-health">
      <HealthDot state={health.state} name={target.name} withLabel />
      {last ? (
        <Text size="xs" c="dimmed">
          {last.status === 'delivered' ? t('targetHealth.delivered') : t('targetHealth.failed')}{' '}
          <RelativeTime iso={last.at} size="xs" c="dimmed" display="inline" data-testid="last-delivery-at" />
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          {t('targetHealth.noDelivery')}
        </Text>
      )}
    </Stack>
  );
}

/** The 24 h delivered share with its counts. */
export function RateCell({ health, unavailable }: Omit<Props, 'target'>) {
  const { t, i18n } = useTranslation();
  if (!health) return unavailable ? <Unavailable /> : null;
  const { delivered, failed, successRate } = health.window;
  if (successRate === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="success-rate">
        {t('targetHealth.noRate')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="success-rate">
      <Text size="sm" fw={500}>
        {formatRate(successRate, i18n.resolvedLanguage ?? i18n.language)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('targetHealth.rateCounts', { delivered, finished: delivered + failed })}
      </Text>
    </Stack>
  );
}

/** The newest failure: its platform code, its message, when, and a link to the failed deliveries. */
export function LastErrorCell({ target, health, unavailable }: Props) {
  const { t } = useTranslation();
  if (!health) return unavailable ? <Unavailable /> : null;
  const failure = health.lastFailure;
  if (!failure) {
    return (
      <Text size="sm" c="dimmed" data-testid="last-error">
        {t('targetHealth.noError')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="last-error">
      <Group gap={6} wrap="wrap">
        {failure.platformCode && (
          <Text span size="xs" fw={700} c="red.8" style={{ whiteSpace: 'nowrap' }} data-testid="platform-code">
            {t('targetHealth.code', { code: failure.platformCode })}
          </Text>
        )}
        <RelativeTime iso={failure.at} size="xs" c="dimmed" />
      </Group>
      {failure.error && (
        <Text size="xs" translate="no" style={{ overflowWrap: 'anywhere' }}>
          {failure.error}
        </Text>
      )}
      <DeliveriesLink
        size="xs"
        filters={{ target: target.id, status: 'failed' }}
        aria-label={t('targetHealth.failedDeliveriesOf', { name: target.name })}
      >
        {t('targetHealth.failedDeliveries')}
      </DeliveriesLink>
    </Stack>
  );
}
