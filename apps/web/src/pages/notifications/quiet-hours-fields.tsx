import { type NotificationType, WEEKDAYS } from '@herald/core';
import { Checkbox, Chip, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeDays, type QuietHoursDraft, quietHoursComplete, spansMidnight, weekdayName } from './quiet-hours.ts';

type Props = {
  value: QuietHoursDraft;
  type: NotificationType;
  /** The zone the period is read in: the binding's, else the system's. */
  zone: string;
  /** Errors keyed `days`, `from`, `to`. */
  errors: Partial<Record<'days' | 'from' | 'to', string>>;
  onChange: (next: QuietHoursDraft) => void;
};

/** A binding's quiet hours: on which days, from when to when, and whether urgent alerts go through. */
export function QuietHoursFields({ value, type, zone, errors, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const daysLabelId = useId();
  const set = (patch: Partial<QuietHoursDraft>) => onChange({ ...value, ...patch });
  const days = describeDays(value.days, i18n.language) ?? t('notificationsPage.quiet.everyDay');
  const overnight = spansMidnight(value.from, value.to);
  // Only breaker alerts and 100 % quota alerts are urgent; a leaderboard never is.
  const urgentApplies = type !== 'daily_leaderboard';
  return (
    <Stack gap="xs" data-testid="quiet-hours">
      <Switch
        label={t('notificationsPage.quiet.label')}
        description={t('notificationsPage.quiet.description')}
        checked={value.enabled}
        onChange={(event) => set({ enabled: event.currentTarget.checked })}
      />
      {value.enabled && (
        <Stack gap="xs" pl="md">
          <div>
            <Text size="sm" fw={500} id={daysLabelId} mb={4}>
              {t('notificationsPage.quiet.days')}
            </Text>
            <Chip.Group
              multiple
              value={value.days.map(String)}
              onChange={(picked) => set({ days: picked.map(Number).sort((a, b) => a - b) })}
            >
              <Group gap={6} role="group" aria-labelledby={daysLabelId}>
                {WEEKDAYS.map((day) => (
                  <Chip key={day} value={String(day)} size="xs">
                    {weekdayName(day, i18n.language)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.days && (
              <Text c="red" size="sm" mt={4}>
                {errors.days}
              </Text>
            )}
          </div>
          <Group grow align="flex-start">
            <TextInput
              label={t('notificationsPage.quiet.from')}
              placeholder="22:00"
              maxLength={5}
              value={value.from}
              error={errors.from}
              onChange={(event) => set({ from: event.currentTarget.value })}
            />
            <TextInput
              label={t('notificationsPage.quiet.to')}
              placeholder="07:00"
              maxLength={5}
              value={value.to}
              error={errors.to}
              onChange={(event) => set({ to: event.currentTarget.value })}
            />
          </Group>
          {quietHoursComplete(value) && (
            <Text size="sm" data-testid="quiet-hours-summary">
              {t(overnight ? 'notificationsPage.quiet.summaryOvernight' : 'notificationsPage.quiet.summary', {
                days,
                from: value.from.trim(),
                to: value.to.trim(),
                zone,
              })}
            </Text>
          )}
          {urgentApplies && (
            <Checkbox
              label={t('notificationsPage.quiet.bypassUrgent')}
              description={t('notificationsPage.quiet.bypassUrgentDescription')}
              checked={value.bypassUrgent}
              onChange={(event) => set({ bypassUrgent: event.currentTarget.checked })}
            />
          )}
          <Text size="xs" c="dimmed">
            {t('notificationsPage.quiet.explain', { zone })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
