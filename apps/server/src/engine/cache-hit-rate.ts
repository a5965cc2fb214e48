import {
  CACHE_WINDOW_MODES,
  type CacheHitRateAnomaly,
  type CacheHitRateData,
  type CacheWindowMode,
  type CheckRanges,
  checkRanges,
  type DecisionSettings,
  decideCacheHitRateAnomalies,
  describeCacheHitRates,
  type ResolvedWindowMode,
  resolveWindowMode,
  WINDOW_MINUTES,
} from '@herald/core';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Executor } from '../db/database.ts';
import { cacheSamples, cacheSignal } from '../db/repos/cache-metrics.ts';
import type { SettingsRow } from '../db/tables/settings.ts';
import type { AppDeps } from '../deps.ts';
import { enqueueNotification } from './enqueue.ts';

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

/** The Overview's rows: every provider × model with a sufficient sample now, anomalies first (at most 50). */
export async function cacheHitRateRows(db: Executor, settings: SettingsRow, now: Date, timeZone: string) {
  const s = cacheCheckSettings(settings);
  const mode = resolveWindowMode(s.windowMode, s.checkIntervalMinutes);
  const { todayStart, lookbackStart } = localDayStarts(now, timeZone, s.lookbackDays);
  const ranges = checkRanges(now, WINDOW_MINUTES[mode], todayStart, lookbackStart);
  const current = await cacheSamples(db, ranges.current);
  if (current.length === 0) return { window: null, rows: [] };
  const [prev, today, historical] = await Promise.all([
    cacheSamples(db, ranges.prev),
    ranges.today ? cacheSamples(db, ranges.today) : [],
    ranges.historical ? cacheSamples(db, ranges.historical) : [],
  ]);
  const rows = describeCacheHitRates({ current, prev, today, historical }, s)
    .sort((a, b) => Number(b.anomaly) - Number(a.anomaly))
    .slice(0, 50);
  const names = await providerNames(
    db,
    rows.map((r) => r.providerId),
  );
  return {
    window: { mode, start: ranges.current.start.toISOString(), end: ranges.current.end.toISOString() },
    rows: rows.map((r) => ({ ...r, providerName: names.get(r.providerId) ?? null })),
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

/** The settings row's cache-hit-rate columns as the check's settings (numeric ones come back as strings). */
export function cacheCheckSettings(row: SettingsRow): CacheCheckSettings {
  const mode = (CACHE_WINDOW_MODES as readonly string[]).includes(row.cache_hit_rate_window_mode)
    ? (row.cache_hit_rate_window_mode as CacheWindowMode)
    : 'auto';
  return {
    windowMode: mode,
    checkIntervalMinutes: row.cache_hit_rate_check_interval,
    lookbackDays: row.cache_hit_rate_lookback_days,
    minEligibleRequests: row.cache_hit_rate_min_eligible_requests,
    minEligibleTokens: row.cache_hit_rate_min_eligible_tokens,
    absMin: Number(row.cache_hit_rate_abs_min),
    dropRel: Number(row.cache_hit_rate_drop_rel),
    dropAbs: Number(row.cache_hit_rate_drop_abs),
    cooldownMinutes: row.cache_hit_rate_cooldown_minutes,
    topN: row.cache_hit_rate_top_n,
  };
}

export type CacheRun = { scope: string; bindingId?: string; timezone: string; now: Date };

/**
 * One scheduled check for one recipient (a binding, or the legacy URL): the anomalies in its
 * time zone's days, less those its cooldown still holds, queued as one alert in the same
 * transaction as the cooldown claim. Nothing found, or everything in cooldown: nothing sent
 * (logged, with the reason and how much of the usage carried what the rule needs).
 */
export async function runCacheHitRateCheck(
  deps: AppDeps,
  settings: SettingsRow,
  run: CacheRun,
): Promise<{ anomalies: number; suppressed: number; alerted: boolean }> {
  const s = cacheCheckSettings(settings);
  const check = await checkCacheHitRate(deps.db, s, run.now, run.timezone);
  const log = deps.logger.child({ scope: run.scope, window: check.mode });
  if (check.anomalies.length === 0) {
    const thin = check.signal.total > 0 && check.signal.withModel === 0;
    log.info(
      { action: 'cache_hit_rate_no_anomaly', requests: check.signal.total, ...check.signal },
      thin
        ? 'cache hit-rate check: the hub sends no model with its usage, nothing can be judged'
        : 'cache hit-rate check: no anomaly',
    );
    return { anomalies: 0, suppressed: 0, alerted: false };
  }
  return deps.db.transaction().execute(async (trx) => {
    const { claimed, suppressed } = await claimCooldowns(
      trx,
      run.scope,
      check.anomalies,
      check.mode,
      run.now,
      s.cooldownMinutes,
    );
    if (claimed.length === 0) {
      log.info({ action: 'cache_hit_rate_suppressed', suppressed }, 'cache hit-rate anomalies all in cooldown');
      return { anomalies: check.anomalies.length, suppressed, alerted: false };
    }
    const names = await providerNames(
      trx,
      claimed.map((a) => a.providerId),
    );
    const data: CacheHitRateData = {
      windowMode: check.mode,
      windowMinutes: WINDOW_MINUTES[check.mode],
      windowStart: check.ranges.current.start.toISOString(),
      windowEnd: check.ranges.current.end.toISOString(),
      anomalies: claimed.map((a) => ({ ...a, providerName: names.get(a.providerId) ?? null })),
      suppressedCount: suppressed,
      absMin: s.absMin,
      dropRel: s.dropRel,
      dropAbs: s.dropAbs,
      minEligibleRequests: s.minEligibleRequests,
      minEligibleTokens: s.minEligibleTokens,
      cooldownMinutes: s.cooldownMinutes,
      topN: s.topN,
    };
    const { notificationId } = await enqueueNotification(deps, trx, {
      type: 'cache_hit_rate',
      data,
      source: 'schedule',
      ...(run.bindingId ? { onlyBindingId: run.bindingId } : {}),
    });
    log.info(
      { action: 'cache_hit_rate_alert', anomalies: claimed.length, suppressed, notificationId },
      'cache hit-rate alert queued',
    );
    return { anomalies: check.anomalies.length, suppressed, alerted: notificationId !== null };
  });
}

async function providerNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('hub_provider').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
