/** How long the current window is: fixed, or picked from the check interval (`auto`). */
export const CACHE_WINDOW_MODES = ['auto', '5m', '30m', '1h', '1.5h'] as const;
export type CacheWindowMode = (typeof CACHE_WINDOW_MODES)[number];
export type ResolvedWindowMode = Exclude<CacheWindowMode, 'auto'>;

export const WINDOW_MINUTES: Record<ResolvedWindowMode, number> = { '5m': 5, '30m': 30, '1h': 60, '1.5h': 90 };

/** `auto`: a check every ≤5 min looks at 5 min, ≤30 at 30 min, ≤60 at an hour, else 1.5 h. */
export function resolveWindowMode(mode: CacheWindowMode, checkIntervalMinutes: number): ResolvedWindowMode {
  if (mode !== 'auto') return mode;
  const n = Math.max(1, Math.trunc(checkIntervalMinutes));
  return n <= 5 ? '5m' : n <= 30 ? '30m' : n <= 60 ? '1h' : '1.5h';
}

export type TimeRange = { start: Date; end: Date };

export type CheckRanges = {
  current: TimeRange;
  /** The window just before the current one. */
  prev: TimeRange;
  /** Today (local midnight) up to the current window; null when empty (just after midnight). */
  today: TimeRange | null;
  /** Whole days before today; null when the lookback is 0. */
  historical: TimeRange | null;
};

/**
 * The four sample ranges of one check, half-open [start, end). `todayStart` is local midnight
 * and `lookbackStart` the midnight `lookbackDays` calendar days before it, both resolved by the
 * caller in the check's time zone (a DST day has 23 or 25 hours).
 */
export function checkRanges(now: Date, windowMinutes: number, todayStart: Date, lookbackStart: Date): CheckRanges {
  const d = windowMinutes * 60_000;
  const currentStart = new Date(now.getTime() - d);
  const todayEnd = new Date(Math.max(todayStart.getTime(), currentStart.getTime()));
  return {
    current: { start: currentStart, end: now },
    prev: { start: new Date(now.getTime() - 2 * d), end: currentStart },
    today: todayEnd > todayStart ? { start: todayStart, end: todayEnd } : null,
    historical: lookbackStart < todayStart ? { start: lookbackStart, end: todayStart } : null,
  };
}

/** What a usage record says about its cache TTL. */
export type CacheTtlHints = {
  cacheCreation1hTokens?: number | null;
  cacheCreation5mTokens?: number | null;
  /** The TTL the hub applied: '5m', '1h', 'mixed', or 'Nh' / 'Nm' / 'Ns'. */
  cacheTtlApplied?: string | null;
};

/** The fallback when a record says nothing: an hour, the longest cache the platforms offer. */
export const DEFAULT_CACHE_TTL_SECONDS = 3_600;

/** How long after a request its follow-up can still hit the cache, in seconds (first hint wins). */
export function cacheTtlSeconds(h: CacheTtlHints): number {
  if ((h.cacheCreation1hTokens ?? 0) > 0) return 3_600;
  if ((h.cacheCreation5mTokens ?? 0) > 0) return 300;
  const t = h.cacheTtlApplied?.trim().toLowerCase();
  if (t === '1h' || t === 'mixed') return 3_600;
  if (t === '5m') return 300;
  const m = t ? /^(\d{1,9})([hms])$/.exec(t) : null;
  if (m) {
    const n = Number(m[1]);
    const [seconds, cap] =
      m[2] === 'h' ? [n * 3_600, 168 * 3_600] : m[2] === 'm' ? [n * 60, 10_080 * 60] : [n, 604_800];
    if (seconds <= cap) return seconds;
  }
  return DEFAULT_CACHE_TTL_SECONDS;
}
