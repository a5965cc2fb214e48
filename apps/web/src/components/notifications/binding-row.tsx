import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nextRuns, simpleCron } from './cron.ts';

export type BindingDraft = {
  targetId: string;
  targetName: string;
  isEnabled: boolean;
  scheduleCron: string;
  scheduleTimezone: string;
  /** Kept as loaded and sent back: saving replaces the type's bindings. */
  templateOverride?: Record<string, unknown> | null;
};

type Props = {
  binding: BindingDraft;
  scheduled: boolean;
  errors: Record<string, string>;
  index: number;
  onChange: (next: BindingDraft) => void;
  onRemove: () => void;
};

/** One bound target: its switch and, for scheduled types, an optional cron and time zone with the next runs. */
export function BindingRow({ binding, scheduled, errors, index, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const tz = binding.scheduleTimezone.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const runs = scheduled && binding.scheduleCron.trim() ? nextRuns(binding.scheduleCron, tz) : null;
  const simple = scheduled ? simpleCron(binding.scheduleCron) : null;
  const format = (date: Date) => {
    try {
      return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }).format(
        date,
      );
    } catch {
      return date.toISOString();
    }
  };
  const prefix = `bindings.${index}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="binding-row">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>{binding.targetName}</Text>
          <Group gap="sm">
            <Switch
              label={t('notificationsPage.bindingEnabled')}
              checked={binding.isEnabled}
              onChange={(event) => onChange({ ...binding, isEnabled: event.currentTarget.checked })}
            />
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {t('notificationsPage.remove')}
            </Button>
          </Group>
        </Group>
        {errors[`${prefix}.targetId`] && (
          <Text c="red" size="sm">
            {errors[`${prefix}.targetId`]}
          </Text>
        )}
        {scheduled && (
          <Group grow align="flex-start">
            <TextInput
              label={t('notificationsPage.cron')}
              placeholder="30 9 * * 1-5"
              ff="monospace"
              value={binding.scheduleCron}
              error={errors[`${prefix}.scheduleCron`]}
              onChange={(event) => onChange({ ...binding, scheduleCron: event.currentTarget.value })}
            />
            <TextInput
              label={t('notificationsPage.timezone')}
              placeholder="Asia/Shanghai"
              value={binding.scheduleTimezone}
              error={errors[`${prefix}.scheduleTimezone`]}
              onChange={(event) => onChange({ ...binding, scheduleTimezone: event.currentTarget.value })}
            />
          </Group>
        )}
        {simple && (
          <Text size="sm">
            {t(simple.kind === 'daily' ? 'notificationsPage.cronDaily' : 'notificationsPage.cronWeekdays', {
              time: simple.time,
            })}
          </Text>
        )}
        {runs && (
          <Text size="sm" c="dimmed" data-testid="next-runs">
            {t('notificationsPage.nextRuns', { times: runs.map(format).join(' · ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
