import {
  type CacheHitRateAnomaly,
  type CacheWindowMode,
  type CheckRanges,
  checkRanges,
  type DecisionSettings,
  decideCacheHitRateAnomalies,
  type ResolvedWindowMode,
  resolveWindowMode,
  WINDOW_MINUTES,
} from '@herald/core';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Executor } from '../db/database.ts';
import { cacheSamples, cacheSignal } from '../db/repos/cache-metrics.ts';

/** The reference hub's defaults and ranges for the cache-hit-rate alert. */
export const CACHE_ALERT_DEFAULTS = {
  windowMode: 'auto' as CacheWindowMode,
  checkIntervalMinutes: 5,
  lookbackDays: 7,
  minEligibleRequests: 20,
  minEligibleTokens: 0,
  absMin: 0.05,
  dropRel: 0.3,
  dropAbs: 0.1,
  cooldownMinutes: 30,
  topN: 10,
};

export type CacheCheckSettings = DecisionSettings & {
  windowMode: CacheWindowMode;
  checkIntervalMinutes: number;
  lookbackDays: number;
  cooldownMinutes: number;
};

export type CacheCheck = {
  mode: ResolvedWindowMode;
  ranges: CheckRanges;
  anomalies: CacheHitRateAnomaly[];
  /** Of the current window's requests: how many had a model, and a session and sequence. */
  signal: { total: number; withModel: number; withSession: number };
};

/** Local midnight today and `days` calendar days before it, in `timeZone` (23- and 25-hour days included). */
export function localDayStarts(now: Date, timeZone: string, days: number): { todayStart: Date; lookbackStart: Date } {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const at = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime({ timeZone }).toInstant().epochMilliseconds);
  return { todayStart: at(today), lookbackStart: at(today.subtract({ days: Math.min(90, Math.max(0, days)) })) };
}

/**
 * One check: the four samples read from the usage log, then the rule (core). Before any cooldown:
 * top N are taken first, as the reference does, and `filterCooldown` removes the recent ones.
 */
export async function checkCacheHitRate(
  db: Executor,
  s: CacheCheckSettings,
  now: Date,
  timeZone: string,
): Promise<CacheCheck> {
  const mode = resolveWindowMode(s.windowMode, s.checkIntervalMinutes);
  const { todayStart, lookbackStart } = localDayStarts(now, timeZone, s.lookbackDays);
  const ranges = checkRanges(now, WINDOW_MINUTES[mode], todayStart, lookbackStart);
  const [current, prev, today, historical, signal] = await Promise.all([
    cacheSamples(db, ranges.current),
    cacheSamples(db, ranges.prev),
    ranges.today ? cacheSamples(db, ranges.today) : [],
    ranges.historical ? cacheSamples(db, ranges.historical) : [],
    cacheSignal(db, ranges.current),
  ]);
  return {
    mode,
    ranges,
    anomalies: decideCacheHitRateAnomalies({ current, prev, today, historical }, s),
    signal: { total: signal.total, withModel: signal.with_model, withSession: signal.with_session },
  };
}

/** The cooldown key of one anomaly for one recipient (a binding, or the legacy URL). */
export function cooldownKey(
  scope: string,
  a: Pick<CacheHitRateAnomaly, 'providerId' | 'model'>,
  mode: ResolvedWindowMode,
) {
  return `cache_hit_rate:v1:${scope}:${a.providerId}:${Buffer.from(a.model).toString('base64url')}:${mode}`;
}

/**
 * Claims the cooldown of each anomaly for `scope` unless one still holds; returns the anomalies
 * claimed and how many were suppressed. One statement per check, in the caller's transaction
 * (the alert's), so processes never both alert and nothing fails open. 0 minutes: no cooldown.
 */
export async function claimCooldowns(
  db: Executor,
  scope: string,
  anomalies: CacheHitRateAnomaly[],
  mode: ResolvedWindowMode,
  now: Date,
  cooldownMinutes: number,
): Promise<{ claimed: CacheHitRateAnomaly[]; suppressed: number }> {
  if (cooldownMinutes <= 0 || anomalies.length === 0) return { claimed: anomalies, suppressed: 0 };
  const keys = anomalies.map((a) => cooldownKey(scope, a, mode));
  const until = new Date(now.getTime() + Math.max(1, Math.trunc(cooldownMinutes * 60)) * 1000);
  const { rows } = await sql<{ key: string }>`
    insert into cache_alert_cooldown (key, until)
    select k, ${until}::timestamptz from unnest(${keys}::text[]) as k
    on conflict (key) do update set until = excluded.until where cache_alert_cooldown.until <= ${now}
    returning key`.execute(db);
  const won = new Set(rows.map((r) => r.key));
  const claimed = anomalies.filter((_, i) => won.has(keys[i] as string));
  return { claimed, suppressed: anomalies.length - claimed.length };
}
