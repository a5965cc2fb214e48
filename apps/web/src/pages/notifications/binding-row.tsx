import type { NotificationType } from '@herald/core';
import { Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomPreview } from '../../components/custom-preview.tsx';
import { TargetHealthDot } from '../../components/health-dot.tsx';
import { TemplateEditor } from '../../components/template-editor.tsx';
import { TimezoneSelect } from '../../components/timezone-select.tsx';
import { type BindingDraft, channelTypeOf, errorAt, overrideProblems, parseOverride } from './binding-draft.ts';
import { cronProblem, dailyCron, describeCron, nextRuns } from './cron.ts';
import { MentionsFields } from './mentions-fields.tsx';
import { QuietHoursFields } from './quiet-hours-fields.tsx';

type Props = {
  binding: BindingDraft;
  type: NotificationType;
  scheduled: boolean;
  /** The system time zone (settings), used when the binding has none. */
  systemTimezone: string;
  /** What runs when the binding has no cron: the type's daily time (HH:mm) or check interval (minutes). */
  fallback: { kind: 'daily'; time: string } | { kind: 'interval'; minutes: number } | null;
  /** The target's own template: where a new override starts from. */
  targetTemplate: Record<string, unknown> | null;
  errors: Record<string, string>;
  index: number;
  onChange: (next: BindingDraft) => void;
  onRemove: () => void;
};

/**
 * One bound target: its switch; for scheduled types an optional cron (in words, with the next
 * runs) and time zone; for custom targets an optional template override with a live preview.
 */
export function BindingRow({
  binding,
  type,
  scheduled,
  systemTimezone,
  fallback,
  targetTemplate,
  errors,
  index,
  onChange,
  onRemove,
}: Props) {
  const { t, i18n } = useTranslation();
  const prefix = `bindings.${index}`;
  const channel = channelTypeOf(binding.targetType);
  const tz = binding.scheduleTimezone.trim() || systemTimezone;
  const ownCron = binding.scheduleCron.trim();
  // Without a cron of its own the binding runs on the type's schedule: show that too.
  const dailyFallback = !ownCron && fallback?.kind === 'daily' ? dailyCron(fallback.time) : null;
  const cron = ownCron || dailyFallback || '';
  const problem = scheduled && cron ? cronProblem(cron, tz) : null;
  const runs = scheduled && cron && !problem ? nextRuns(cron, tz) : null;
  const words = scheduled && cron && !problem ? describeCron(cron, i18n.language) : null;
  const cronError =
    errors[`${prefix}.scheduleCron`] ??
    (problem ? t(problem === 'fields' ? 'notificationsPage.cronFields' : 'notificationsPage.cronInvalid') : undefined);
  const format = (date: Date) => {
    try {
      return new Intl.DateTimeFormat(i18n.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: tz,
      }).format(date);
    } catch {
      return date.toISOString();
    }
  };
  return (
    <Paper withBorder radius="md" p="sm" data-testid="binding-row">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>
            <TargetHealthDot targetId={binding.targetId} /> {binding.targetName}
          </Text>
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
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              value={binding.scheduleCron}
              error={cronError}
              onChange={(event) => onChange({ ...binding, scheduleCron: event.currentTarget.value })}
            />
            <TimezoneSelect
              label={t('notificationsPage.timezone')}
              value={binding.scheduleTimezone}
              systemOption={t('notificationsPage.systemZone', { zone: systemTimezone })}
              nothingFound={t('notificationsPage.nothingFound')}
              error={errors[`${prefix}.scheduleTimezone`]}
              onChange={(zone) => onChange({ ...binding, scheduleTimezone: zone })}
            />
          </Group>
        )}
        {words && (
          <Text size="sm" data-testid="cron-words">
            {ownCron ? words : t('notificationsPage.typeSchedule', { schedule: words })}
          </Text>
        )}
        {scheduled && !ownCron && fallback?.kind === 'interval' && (
          <Text size="sm" data-testid="cron-words">
            {t('notificationsPage.typeInterval', { minutes: fallback.minutes })}
          </Text>
        )}
        {runs && (
          <Text size="sm" c="dimmed" data-testid="next-runs">
            {t('notificationsPage.nextRunsIn', { zone: tz, times: runs.map(format).join(' · ') })}
          </Text>
        )}
        <QuietHoursFields
          value={binding.quietHours}
          type={type}
          zone={tz}
          errors={{
            days: errorAt(errors, `${prefix}.quietHours.days`),
            from: errors[`${prefix}.quietHours.from`],
            // A refusal of the period as a whole shows under its end.
            to: errors[`${prefix}.quietHours.to`] ?? errors[`${prefix}.quietHours`],
          }}
          onChange={(quietHours) => onChange({ ...binding, quietHours })}
        />
        {channel && (
          <MentionsFields
            channel={channel}
            type={type}
            value={binding.mentions}
            errors={errors}
            prefix={prefix}
            onChange={(mentions) => onChange({ ...binding, mentions })}
          />
        )}
        {binding.targetType === 'custom' && (
          <TemplateOverride
            binding={binding}
            type={type}
            targetTemplate={targetTemplate}
            error={errorAt(errors, `${prefix}.templateOverride`)}
            onChange={onChange}
          />
        )}
      </Stack>
    </Paper>
  );
}

const STARTER = { title: '{{title}}', text: '{{sections}}' };

function TemplateOverride({
  binding,
  type,
  targetTemplate,
  error,
  onChange,
}: {
  binding: BindingDraft;
  type: NotificationType;
  targetTemplate: Record<string, unknown> | null;
  error: string | undefined;
  onChange: (next: BindingDraft) => void;
}) {
  const { t } = useTranslation();
  const text = binding.templateText;
  const parsed = useMemo(() => (text === null ? null : parseOverride(text)), [text]);
  const template = parsed && 'template' in parsed ? parsed.template : null;
  const problems = useMemo(() => (template ? overrideProblems(template, type) : []), [template, type]);
  if (text === null) {
    return (
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange({ ...binding, templateText: JSON.stringify(targetTemplate ?? STARTER, null, 2) })}
        >
          {t('notificationsPage.overrideAdd')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('notificationsPage.overrideNone')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" data-testid="template-override">
      <TemplateEditor
        label={t('notificationsPage.overrideLabel')}
        description={t('notificationsPage.overrideDescription')}
        required={false}
        type={type}
        value={text}
        onChange={(value) => onChange({ ...binding, templateText: value })}
        error={
          error ??
          (parsed && 'error' in parsed ? t('notificationsPage.invalidJson', { message: parsed.error }) : undefined)
        }
        problems={problems}
      />
      <CustomPreview type={type} template={problems.length === 0 ? template : null} />
      <Group>
        <Button variant="subtle" color="red" size="xs" onClick={() => onChange({ ...binding, templateText: null })}>
          {t('notificationsPage.overrideRemove')}
        </Button>
      </Group>
    </Stack>
  );
}
