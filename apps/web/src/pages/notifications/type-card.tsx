import type { NotificationType, Settings } from '@herald/core';
import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cacheHitRateFallback } from '../../components/cache-hit-rate.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconTarget } from '../../components/icons.tsx';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import type { BindingDraft } from './binding-draft.ts';
import { BindingRow } from './binding-row.tsx';
import { CacheHitRateFields } from './cache-hit-rate-fields.tsx';
import { GroupingFields } from './grouping-fields.tsx';
import { newBinding, sortBindings, type TargetRef, type TypeDraft } from './page-draft.ts';
import { ProviderBalanceFields } from './provider-balance-fields.tsx';
import { runSummary } from './run-summary.ts';

type Props = {
  type: NotificationType;
  settings: Settings;
  multiTarget: boolean;
  targets: TargetRef[];
  value: TypeDraft;
  /** Settings errors (shared field names) and this type's bindings errors (`bindings.0.…`). */
  errors: Record<string, string>;
  onChange: (next: TypeDraft) => void;
  /** A field was edited: its old errors no longer apply. */
  onClearErrors: (prefix: string) => void;
  /** The template each target starts an override from. */
  templateOf: (targetId: string) => Record<string, unknown> | null;
};

/** One notification type: its switch, its settings, its bound targets and run now (saved by the page's bar). */
export function TypeCard({
  type,
  settings,
  multiTarget,
  targets,
  value,
  errors,
  onChange,
  onClearErrors,
  templateOf,
}: Props) {
  const { t } = useTranslation();
  const scheduled = type !== 'circuit_breaker' && type !== 'provider_balance';
  const { enabled, threshold, interval, time, topN, grouping, cache, balance, bindings } = value;
  const set =
    <K extends keyof TypeDraft>(key: K) =>
    (next: TypeDraft[K]) =>
      onChange({ ...value, [key]: next });
  const setThreshold = set('threshold');
  const setInterval = set('interval');
  const setTime = set('time');
  const setTopN = set('topN');
  const setGrouping = set('grouping');
  const setCache = set('cache');
  const setBalance = set('balance');
  const setBindings = (update: (all: BindingDraft[]) => BindingDraft[]) =>
    onChange({ ...value, bindings: update(bindings) });
  const trigger = useMutation(
    trpc.notifications.trigger.mutationOptions({
      onSuccess: (outcomes) => {
        const summary = runSummary(type as 'cost_alert' | 'daily_leaderboard' | 'cache_hit_rate', outcomes, t);
        notify({ color: summary.ok ? 'teal' : 'yellow', message: summary.message });
      },
      onError: (error) =>
        notify({ color: 'red', message: t('notificationsPage.runFailed', { message: messageOf(error) }) }),
    }),
  );

  const unbound = targets.filter((target) => !bindings.some((b) => b.targetId === target.id));
  const title = t(`notificationsPage.types.${type}`);
  return (
    <Paper component="section" aria-label={title} withBorder radius="lg" p="lg" mb="xl">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Switch
          label={t('notificationsPage.typeEnabled')}
          checked={enabled}
          onChange={(event) => onChange({ ...value, enabled: event.currentTarget.checked })}
        />
      </Group>
      <Stack gap="md">
        {type === 'cost_alert' && (
          <>
            <div>
              <Text size="sm" fw={500} id="cost-threshold-label">
                {t('notificationsPage.threshold')}: {threshold} %
              </Text>
              <Slider
                aria-labelledby="cost-threshold-label"
                min={50}
                max={100}
                step={5}
                value={threshold}
                onChange={setThreshold}
                label={(value) => `${value} %`}
              />
              {errors.costAlertThreshold && (
                <Text c="red" size="sm">
                  {errors.costAlertThreshold}
                </Text>
              )}
            </div>
            <NumberInput
              label={t('notificationsPage.checkInterval')}
              min={10}
              max={1440}
              value={interval}
              onChange={setInterval}
              error={errors.costAlertCheckInterval}
            />
          </>
        )}
        {type === 'daily_leaderboard' && (
          <Group grow align="flex-start">
            <TextInput
              label={t('notificationsPage.leaderboardTime')}
              value={time}
              onChange={(event) => setTime(event.currentTarget.value)}
              error={errors.dailyLeaderboardTime}
            />
            <NumberInput
              label={t('notificationsPage.topN')}
              min={1}
              max={50}
              value={topN}
              onChange={setTopN}
              error={errors.dailyLeaderboardTopN}
            />
          </Group>
        )}
        {type === 'cache_hit_rate' && <CacheHitRateFields value={cache} errors={errors} onChange={setCache} />}
        {type === 'provider_balance' && <ProviderBalanceFields value={balance} errors={errors} onChange={setBalance} />}
        <GroupingFields type={type} value={grouping} errors={errors} onChange={setGrouping} />
        {multiTarget && (
          <Stack gap="xs">
            <Text fw={500}>{t('notificationsPage.bindings')}</Text>
            {bindings.length === 0 && (
              <EmptyState
                compact
                icon={IconTarget}
                title={t('notificationsPage.noBindings')}
                text={t('emptyStates.routing.howToBind')}
              />
            )}
            {bindings.map((binding, index) => (
              <BindingRow
                key={binding.targetId}
                binding={binding}
                type={type}
                index={index}
                scheduled={scheduled}
                systemTimezone={settings.timezone}
                fallback={
                  type === 'daily_leaderboard'
                    ? { kind: 'daily', time }
                    : type === 'cost_alert'
                      ? { kind: 'interval', minutes: Number(interval) }
                      : type === 'cache_hit_rate'
                        ? cacheHitRateFallback(cache)
                        : null
                }
                targetTemplate={templateOf(binding.targetId)}
                errors={errors}
                onChange={(next) => {
                  setBindings((all) => all.map((b, i) => (i === index ? next : b)));
                  // An edited period is checked again on save: its old errors no longer apply.
                  if (next.quietHours !== binding.quietHours) {
                    onClearErrors(`bindings.${index}.quietHours`);
                  }
                }}
                onRemove={() => setBindings((all) => all.filter((_, i) => i !== index))}
              />
            ))}
            <Select
              label={t('notificationsPage.addTarget')}
              data={unbound.map((target) => ({ value: target.id, label: target.name }))}
              value={null}
              disabled={unbound.length === 0}
              onChange={(id) => {
                const target = targets.find((x) => x.id === id);
                if (target) setBindings((all) => sortBindings([...all, newBinding(target)], targets));
              }}
            />
          </Stack>
        )}
        {scheduled && (
          <Group>
            <Button
              variant="default"
              loading={trigger.isPending}
              onClick={() =>
                trigger.mutate({ notificationType: type as 'cost_alert' | 'daily_leaderboard' | 'cache_hit_rate' })
              }
            >
              {t('notificationsPage.runNow')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
