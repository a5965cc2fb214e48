import { type CacheWindowMode, type ResolvedWindowMode, resolveWindowMode, type Settings } from '@herald/core';
import { numberOf } from './grouping.ts';

/**
 * The cache-hit-rate alert's settings as its card edits them: number inputs may hold '' while
 * typed, and the three thresholds are percentages (5 = 5 %) where the settings keep fractions.
 */
export type CacheHitRateState = {
  windowMode: CacheWindowMode;
  checkInterval: number | string;
  lookbackDays: number | string;
  cooldownMinutes: number | string;
  absMinPercent: number | string;
  dropAbsPercent: number | string;
  dropRelPercent: number | string;
  minEligibleRequests: number | string;
  minEligibleTokens: number | string;
  topN: number | string;
};

/** The settings.update fields the card owns. */
export type CacheHitRatePatch = {
  cacheHitRateWindowMode: CacheWindowMode;
  cacheHitRateCheckInterval: number;
  cacheHitRateLookbackDays: number;
  cacheHitRateCooldownMinutes: number;
  cacheHitRateAbsMin: number;
  cacheHitRateDropAbs: number;
  cacheHitRateDropRel: number;
  cacheHitRateMinEligibleRequests: number;
  cacheHitRateMinEligibleTokens: number;
  cacheHitRateTopN: number;
};

/** Which settings field each state field is sent as, so the server's errors land at the right input. */
export const CACHE_FIELD = {
  windowMode: 'cacheHitRateWindowMode',
  checkInterval: 'cacheHitRateCheckInterval',
  lookbackDays: 'cacheHitRateLookbackDays',
  cooldownMinutes: 'cacheHitRateCooldownMinutes',
  absMinPercent: 'cacheHitRateAbsMin',
  dropAbsPercent: 'cacheHitRateDropAbs',
  dropRelPercent: 'cacheHitRateDropRel',
  minEligibleRequests: 'cacheHitRateMinEligibleRequests',
  minEligibleTokens: 'cacheHitRateMinEligibleTokens',
  topN: 'cacheHitRateTopN',
} as const satisfies Record<keyof CacheHitRateState, keyof CacheHitRatePatch>;

/** A stored fraction as the percentage shown (0.05 → 5, 0.1234 → 12.34), without float noise. */
export function percentOf(fraction: number): number {
  return Math.round(fraction * 10_000) / 100;
}

/**
 * A typed percentage as the fraction sent: two decimals of a percent are exactly four of the
 * fraction (12.34 → 0.1234, not 0.12340000000000001, which the schema would call five). More
 * decimals than that round to four; an empty field stays NaN so the schema refuses it, and a
 * value out of range is sent as it is so the schema says which range.
 */
export function fractionOf(percent: number | string): number {
  const n = numberOf(percent);
  return Number.isFinite(n) ? Math.round(n * 100) / 10_000 : n;
}

export function cacheHitRateState(settings: Settings): CacheHitRateState {
  return {
    windowMode: settings.cacheHitRateWindowMode,
    checkInterval: settings.cacheHitRateCheckInterval,
    lookbackDays: settings.cacheHitRateLookbackDays,
    cooldownMinutes: settings.cacheHitRateCooldownMinutes,
    absMinPercent: percentOf(settings.cacheHitRateAbsMin),
    dropAbsPercent: percentOf(settings.cacheHitRateDropAbs),
    dropRelPercent: percentOf(settings.cacheHitRateDropRel),
    minEligibleRequests: settings.cacheHitRateMinEligibleRequests,
    minEligibleTokens: settings.cacheHitRateMinEligibleTokens,
    topN: settings.cacheHitRateTopN,
  };
}

export function cacheHitRatePatch(state: CacheHitRateState): CacheHitRatePatch {
  return {
    cacheHitRateWindowMode: state.windowMode,
    cacheHitRateCheckInterval: numberOf(state.checkInterval),
    cacheHitRateLookbackDays: numberOf(state.lookbackDays),
    cacheHitRateCooldownMinutes: numberOf(state.cooldownMinutes),
    cacheHitRateAbsMin: fractionOf(state.absMinPercent),
    cacheHitRateDropAbs: fractionOf(state.dropAbsPercent),
    cacheHitRateDropRel: fractionOf(state.dropRelPercent),
    cacheHitRateMinEligibleRequests: numberOf(state.minEligibleRequests),
    cacheHitRateMinEligibleTokens: numberOf(state.minEligibleTokens),
    cacheHitRateTopN: numberOf(state.topN),
  };
}

/** The window a check looks at with these settings; null while the interval is not a valid one. */
export function effectiveWindow(
  state: Pick<CacheHitRateState, 'windowMode' | 'checkInterval'>,
): ResolvedWindowMode | null {
  if (state.windowMode !== 'auto') return state.windowMode;
  const interval = intervalMinutes(state);
  return interval === null ? null : resolveWindowMode('auto', interval);
}

/** The check interval as typed, when it is a valid one (1–1440 whole minutes). */
function intervalMinutes(state: Pick<CacheHitRateState, 'checkInterval'>): number | null {
  const interval = numberOf(state.checkInterval);
  return Number.isInteger(interval) && interval >= 1 && interval <= 1440 ? interval : null;
}

/** What a binding without a cron of its own follows: the check interval; null while it is not a valid one. */
export function cacheHitRateFallback(
  state: Pick<CacheHitRateState, 'checkInterval'>,
): { kind: 'interval'; minutes: number } | null {
  const minutes = intervalMinutes(state);
  return minutes === null ? null : { kind: 'interval', minutes };
}

/** A window mode's key in the catalogue's `windows` (i18next reads the dot of '1.5h' as a nesting). */
export function windowKey(mode: CacheWindowMode): 'auto' | '5m' | '30m' | '1h' | '90m' {
  return mode === '1.5h' ? '90m' : mode;
}
