import { type NotificationType, type Settings, UpdateSettingsInput } from '@herald/core';
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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cacheHitRateFallback, cacheHitRatePatch, cacheHitRateState } from '../../components/cache-hit-rate.ts';
import { fieldErrorsOf, schemaErrorsOf } from '../../components/field-errors.ts';
import { groupingPatch, groupingState } from '../../components/grouping.ts';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { type BindingDraft, buildBindingsInput, NO_MENTIONS } from './binding-draft.ts';
import { BindingRow } from './binding-row.tsx';
import { CacheHitRateFields } from './cache-hit-rate-fields.tsx';
import { GroupingFields } from './grouping-fields.tsx';
import { providerBalancePatch, providerBalanceState } from './provider-balance.ts';
import { ProviderBalanceFields } from './provider-balance-fields.tsx';
import { quietHoursDraftOf } from './quiet-hours.ts';
import { runSummary } from './run-summary.ts';

function withoutPrefix(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`)));
}

const SWITCH = {
  circuit_breaker: 'circuitBreakerEnabled',
  cost_alert: 'costAlertEnabled',
  daily_leaderboard: 'dailyLeaderboardEnabled',
  cache_hit_rate: 'cacheHitRateEnabled',
  provider_balance: 'providerBalanceEnabled',
} as const;

type Props = {
  type: NotificationType;
  settings: Settings;
  multiTarget: boolean;
  targets: Array<{ id: string; name: string; providerType: string; customTemplate: Record<string, unknown> | null }>;
  bindings: BindingDraft[];
};

/** One notification type: its switch, its settings, its bound targets, save and run now. */
export function TypeCard({ type, settings, multiTarget, targets, bindings: initialBindings }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const scheduled = type !== 'circuit_breaker' && type !== 'provider_balance';
  const [enabled, setEnabled] = useState(settings[SWITCH[type]]);
  const [threshold, setThreshold] = useState(Math.round(settings.costAlertThreshold * 100));
  const [interval, setInterval] = useState<number | string>(settings.costAlertCheckInterval);
  const [time, setTime] = useState(settings.dailyLeaderboardTime);
  const [topN, setTopN] = useState<number | string>(settings.dailyLeaderboardTopN);
  const [grouping, setGrouping] = useState(() => groupingState(settings));
  const [cache, setCache] = useState(() => cacheHitRateState(settings));
  const [balance, setBalance] = useState(() => providerBalanceState(settings));
  const [bindings, setBindings] = useState(initialBindings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const updateSettings = useMutation(trpc.settings.update.mutationOptions());
  const setBindingsMutation = useMutation(trpc.bindings.set.mutationOptions());
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

  const save = async () => {
    const built = multiTarget
      ? buildBindingsInput(type, bindings, scheduled, {
          invalidJson: (message) => t('notificationsPage.invalidJson', { message }),
          cronFields: t('notificationsPage.cronFields'),
          cronInvalid: t('notificationsPage.cronInvalid'),
          quietHours: {
            noDays: t('notificationsPage.quiet.noDays'),
            badTime: t('notificationsPage.quiet.badTime'),
            sameTimes: t('notificationsPage.quiet.sameTimes'),
          },
        })
      : null;
    const patch = {
      [SWITCH[type]]: enabled,
      ...(type === 'cost_alert' && { costAlertThreshold: threshold / 100, costAlertCheckInterval: Number(interval) }),
      ...(type === 'daily_leaderboard' && { dailyLeaderboardTime: time, dailyLeaderboardTopN: Number(topN) }),
      ...groupingPatch(type, grouping),
      ...(type === 'cache_hit_rate' && cacheHitRatePatch(cache)),
      ...(type === 'provider_balance' && providerBalancePatch(balance)),
    };
    const found = { ...schemaErrorsOf(UpdateSettingsInput, patch), ...built?.errors };
    setErrors(found);
    if ((built && !built.input) || Object.keys(found).length > 0) {
      notify({ color: 'red', message: t('notificationsPage.fixErrors') });
      return;
    }
    try {
      await updateSettings.mutateAsync(patch);
      if (built?.input) await setBindingsMutation.mutateAsync(built.input);
      notify({ color: 'teal', message: t('notificationsPage.saved') });
      await queryClient.invalidateQueries({ queryKey: trpc.bindings.list.queryKey() });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      notify({ color: 'red', message: t('notificationsPage.saveFailed', { message: messageOf(error) }) });
    }
  };

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
          onChange={(event) => setEnabled(event.currentTarget.checked)}
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
              <Text size="sm" c="dimmed">
                {t('notificationsPage.noBindings')}
              </Text>
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
                targetTemplate={targets.find((x) => x.id === binding.targetId)?.customTemplate ?? null}
                errors={errors}
                onChange={(next) => {
                  setBindings((all) => all.map((b, i) => (i === index ? next : b)));
                  // An edited period is checked again on save: its old errors no longer apply.
                  if (next.quietHours !== binding.quietHours) {
                    setErrors((all) => withoutPrefix(all, `bindings.${index}.quietHours`));
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
                if (target) {
                  setBindings((all) => [
                    ...all,
                    {
                      targetId: target.id,
                      targetName: target.name,
                      targetType: target.providerType,
                      isEnabled: true,
                      scheduleCron: '',
                      scheduleTimezone: '',
                      templateText: null,
                      quietHours: quietHoursDraftOf(null),
                      mentions: NO_MENTIONS,
                    },
                  ]);
                }
              }}
            />
          </Stack>
        )}
        <Group>
          <Button onClick={() => void save()} loading={updateSettings.isPending || setBindingsMutation.isPending}>
            {t('notificationsPage.save')}
          </Button>
          {scheduled && (
            <Button
              variant="default"
              loading={trigger.isPending}
              onClick={() =>
                trigger.mutate({ notificationType: type as 'cost_alert' | 'daily_leaderboard' | 'cache_hit_rate' })
              }
            >
              {t('notificationsPage.runNow')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
