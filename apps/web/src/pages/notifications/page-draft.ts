import {
  LEGACY_WEBHOOK_FIELDS,
  type LegacyWebhookField,
  NOTIFICATION_TYPES,
  type NotificationType,
  type Settings,
} from '@herald/core';
import { type CacheHitRateState, cacheHitRatePatch, cacheHitRateState } from '../../components/cache-hit-rate.ts';
import { type GroupingState, groupingPatch, groupingState } from '../../components/grouping.ts';
import { type BindingDraft, NO_MENTIONS } from './binding-draft.ts';
import { type ProviderBalanceState, providerBalancePatch, providerBalanceState } from './provider-balance.ts';
import { quietHoursDraftOf } from './quiet-hours.ts';

/** The settings switch of each type. */
export const TYPE_SWITCH = {
  circuit_breaker: 'circuitBreakerEnabled',
  cost_alert: 'costAlertEnabled',
  daily_leaderboard: 'dailyLeaderboardEnabled',
  cache_hit_rate: 'cacheHitRateEnabled',
  provider_balance: 'providerBalanceEnabled',
} as const;

/** One type as the page edits it: its settings and its bindings. */
export type TypeDraft = {
  enabled: boolean;
  /** Percent, as the slider shows it. */
  threshold: number;
  interval: number | string;
  time: string;
  topN: number | string;
  grouping: GroupingState;
  cache: CacheHitRateState;
  balance: ProviderBalanceState;
  bindings: BindingDraft[];
};

export type GeneralDraft = {
  enabled: boolean;
  paceDigests: boolean;
  mode: 'legacy' | 'multi';
  /** Typed legacy URLs; untouched fields are kept as stored. */
  urls: Partial<Record<LegacyWebhookField, string>>;
};

/** Everything the page's one Save sends. */
export type PageDraft = { general: GeneralDraft; types: Record<NotificationType, TypeDraft> };

export type TargetRef = { id: string; name: string; providerType: string };

/** Targets by name, then id: the order the grid and the bindings keep across reloads and saves. */
export function sortTargets<T extends TargetRef>(targets: readonly T[]): T[] {
  return [...targets].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Bindings in their targets' order (bindings.set recreates rows, so their own created order moves). */
export function sortBindings(bindings: readonly BindingDraft[], targets: readonly TargetRef[]): BindingDraft[] {
  const rank = new Map(sortTargets(targets).map((t, i) => [t.id, i]));
  const at = (b: BindingDraft) => rank.get(b.targetId) ?? Number.MAX_SAFE_INTEGER;
  return [...bindings].sort((a, b) => at(a) - at(b) || a.targetName.localeCompare(b.targetName));
}

export function pageDraftOf(
  settings: Settings,
  bindings: Record<NotificationType, BindingDraft[]>,
  targets: readonly TargetRef[],
): PageDraft {
  const types = Object.fromEntries(
    NOTIFICATION_TYPES.map((type) => [
      type,
      {
        enabled: settings[TYPE_SWITCH[type]],
        threshold: Math.round(settings.costAlertThreshold * 100),
        interval: settings.costAlertCheckInterval,
        time: settings.dailyLeaderboardTime,
        topN: settings.dailyLeaderboardTopN,
        grouping: groupingState(settings),
        cache: cacheHitRateState(settings),
        balance: providerBalanceState(settings),
        bindings: sortBindings(bindings[type] ?? [], targets),
      } satisfies TypeDraft,
    ]),
  ) as Record<NotificationType, TypeDraft>;
  return {
    general: {
      enabled: settings.enabled,
      paceDigests: settings.paceDigests,
      mode: settings.useLegacyMode ? 'legacy' : 'multi',
      urls: {},
    },
    types,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs from the stored state: the general part, types whose settings or bindings changed. */
export type PageDiff = {
  general: boolean;
  settings: NotificationType[];
  bindings: NotificationType[];
};

export function diffPage(base: PageDraft, draft: PageDraft): PageDiff {
  const generalOf = (g: GeneralDraft) => ({ ...g, urls: typedUrls(g.urls) });
  const settingsOf = ({ bindings: _, ...rest }: TypeDraft) => rest;
  return {
    general: !same(generalOf(base.general), generalOf(draft.general)),
    settings: NOTIFICATION_TYPES.filter((t) => !same(settingsOf(base.types[t]), settingsOf(draft.types[t]))),
    bindings: NOTIFICATION_TYPES.filter((t) => !same(base.types[t].bindings, draft.types[t].bindings)),
  };
}

/** How many things are unsaved (the bar's count). */
export function changeCount(diff: PageDiff): number {
  return (diff.general ? 1 : 0) + new Set([...diff.settings, ...diff.bindings]).size;
}

function typedUrls(urls: GeneralDraft['urls']): GeneralDraft['urls'] {
  return Object.fromEntries(
    LEGACY_WEBHOOK_FIELDS.map((f) => [f, urls[f]?.trim()] as const).filter(([, url]) => url),
  ) as GeneralDraft['urls'];
}

/** The settings.update input for what changed; empty when nothing did. */
export function settingsPatch(draft: PageDraft, diff: PageDiff): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (diff.general) {
    const g = draft.general;
    Object.assign(patch, {
      enabled: g.enabled,
      useLegacyMode: g.mode === 'legacy',
      paceDigests: g.paceDigests,
      ...typedUrls(g.urls),
    });
  }
  for (const type of diff.settings) Object.assign(patch, typePatch(type, draft.types[type]));
  return patch;
}

/** The settings fields one type's card owns. */
export function typePatch(type: NotificationType, d: TypeDraft): Record<string, unknown> {
  return {
    [TYPE_SWITCH[type]]: d.enabled,
    ...(type === 'cost_alert' && { costAlertThreshold: d.threshold / 100, costAlertCheckInterval: Number(d.interval) }),
    ...(type === 'daily_leaderboard' && { dailyLeaderboardTime: d.time, dailyLeaderboardTopN: Number(d.topN) }),
    ...groupingPatch(type, d.grouping),
    ...(type === 'cache_hit_rate' && cacheHitRatePatch(d.cache)),
    ...(type === 'provider_balance' && providerBalancePatch(d.balance)),
  };
}

/** Whether the grid shows the cell on: a binding exists and is enabled. */
export function isRouted(draft: TypeDraft, targetId: string): boolean {
  return draft.bindings.some((b) => b.targetId === targetId && b.isEnabled);
}

/**
 * The grid's switch: on enables the binding (added when there is none); off disables a stored
 * binding (its cron, quiet hours and template are kept) and drops one added since the last save.
 */
export function setRouted(
  draft: TypeDraft,
  base: TypeDraft,
  target: TargetRef,
  on: boolean,
  targets: readonly TargetRef[],
): TypeDraft {
  const existing = draft.bindings.find((b) => b.targetId === target.id);
  const stored = base.bindings.some((b) => b.targetId === target.id);
  let bindings: BindingDraft[];
  if (existing) {
    bindings =
      !on && !stored
        ? draft.bindings.filter((b) => b.targetId !== target.id)
        : draft.bindings.map((b) => (b.targetId === target.id ? { ...b, isEnabled: on } : b));
  } else if (on) {
    bindings = sortBindings([...draft.bindings, newBinding(target)], targets);
  } else {
    return draft;
  }
  return { ...draft, bindings };
}

export function newBinding(target: TargetRef): BindingDraft {
  return {
    targetId: target.id,
    targetName: target.name,
    targetType: target.providerType,
    isEnabled: true,
    scheduleCron: '',
    scheduleTimezone: '',
    templateText: null,
    quietHours: quietHoursDraftOf(null),
    mentions: NO_MENTIONS,
  };
}
