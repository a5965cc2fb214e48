import type {
  ChannelType,
  CircuitBreakerAlert,
  FailingTarget,
  OutcomeCounts,
  Overview,
  OverviewDay,
  QuotaEntity,
  QuotaPeriod,
  QuotaWindow,
} from '@herald/core';
import { Temporal } from 'temporal-polyfill';
import * as repo from '../db/repos/overview.ts';
import { readSettings } from '../db/repos/settings.ts';
import { type CostWindowSpend, costWindowSpend, leaderboard } from '../db/repos/usage.ts';
import type { DeliveryStatus } from '../db/tables/delivery.ts';
import type { AppDeps } from '../deps.ts';
import { cacheHitRateRows } from '../engine/cache-hit-rate.ts';
import { balanceViews } from '../engine/provider-balance.ts';
import { resolveTimezone } from '../engine/timezone.ts';
import { costWindows } from '../engine/windows.ts';
import { SYSTEM_TIMEZONE } from './settings.ts';

const DAYS = 7;
const DAY_MS = 86_400_000;
const TOP_SPENDERS = 5;
const QUOTAS_PER_KIND = 8;
const MAX_FAILING_TARGETS = 50;
const MAX_BREAKER_ALERTS = 20;

type Deps = Pick<AppDeps, 'db' | 'clock'>;

const zero = (): OutcomeCounts => ({ delivered: 0, failed: 0, pending: 0, skipped: 0 });
/** A grouped delivery's outcome is its digest's, counted there. */
const outcomeOf = (s: DeliveryStatus): keyof OutcomeCounts | null =>
  s === 'grouped' ? null : s === 'sending' ? 'pending' : s;

/** The start of each of the last `count` local days (oldest first) and of tomorrow. */
export function localDays(now: Date, timeZone: string, count = DAYS): { dates: string[]; bounds: Date[] } {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const dates: string[] = [];
  const bounds: Date[] = [];
  for (let i = count - 1; i >= -1; i--) {
    const day = today.subtract({ days: i });
    bounds.push(new Date(day.toZonedDateTime({ timeZone }).epochMilliseconds));
    if (i >= 0) dates.push(day.toString());
  }
  return { dates, bounds };
}

/** Everything the dashboard's Overview shows, as of the engine clock's now. */
export async function getOverview(deps: Deps): Promise<Overview> {
  const { db } = deps;
  const now = deps.clock.now();
  const settings = await readSettings(db, SYSTEM_TIMEZONE);
  const timezone = resolveTimezone(null, settings.timezone);
  const { dates, bounds } = localDays(now, timezone);
  const since24h = new Date(now.getTime() - DAY_MS);
  const todayStart = bounds[DAYS - 1] as Date;

  const [counts, health, failures, board, spend, breakers] = await Promise.all([
    repo.deliveryCountsByBucket(db, bounds),
    repo.enabledTargetHealth(db),
    repo.failuresByTarget(db, since24h),
    leaderboard(db, { since: todayStart, until: now, topN: TOP_SPENDERS }),
    costWindowSpend(db, { ...costWindows(now, timezone), now }),
    circuitBreakerAlerts(deps, since24h),
  ]);
  const cacheHitRates = await cacheHitRateRows(db, settings, now, timezone);
  const balances = await balanceViews(db, settings);

  const days: OverviewDay[] = dates.map((date) => ({ date, ...zero() }));
  for (const c of counts) {
    const day = days[c.bucket];
    const o = outcomeOf(c.status);
    if (day && o) day[o] += c.n;
  }
  const { date: _date, ...today } = days[DAYS - 1] as OverviewDay;

  return {
    timezone,
    generatedAt: now.toISOString(),
    today,
    days,
    failingTargets: failingTargets(health, failures),
    topSpenders: {
      users: board.entries.map((e) => ({
        userId: e.userId,
        userName: e.userName,
        totalRequests: e.totalRequests,
        totalCost: e.totalCost,
        totalTokens: e.totalTokens,
      })),
      totalCost: board.totalCost,
    },
    quotas: {
      users: quotaEntities(spend.filter((s) => s.entityType === 'user')),
      providers: quotaEntities(spend.filter((s) => s.entityType === 'provider')),
    },
    circuitBreakers: breakers,
    cacheHitRates,
    balances,
  };
}

type TestResultJson = { success?: unknown; error?: unknown };

/**
 * Enabled targets whose newest finished delivery failed, or whose last connectivity test
 * failed and nothing was delivered after it; most failures in 24 h first.
 */
export function failingTargets(health: repo.TargetHealthRow[], failures: Map<string, number>): FailingTarget[] {
  const out: FailingTarget[] = [];
  for (const t of health) {
    const test = t.last_test_result as TestResultJson | null;
    const lastTest =
      test && typeof test.success === 'boolean' && t.last_test_at
        ? { success: test.success, at: t.last_test_at.toISOString() }
        : null;
    const deliveryFailed = t.last_status === 'failed';
    const testFailed =
      lastTest !== null &&
      !lastTest.success &&
      (t.last_status !== 'delivered' || (t.last_at !== null && (t.last_test_at as Date) >= t.last_at));
    if (!deliveryFailed && !testFailed) continue;
    // The newer of the two failures explains it.
    const useTest =
      testFailed && (!deliveryFailed || (t.last_at !== null && (t.last_test_at as Date) >= (t.last_at as Date)));
    out.push({
      id: t.id,
      name: t.name,
      channel: t.provider_type as ChannelType,
      failures24h: failures.get(t.id) ?? 0,
      lastError: useTest ? (typeof test?.error === 'string' ? test.error : null) : t.last_error,
      lastFailedAt: useTest ? (lastTest?.at ?? null) : (t.last_at?.toISOString() ?? null),
      lastTest,
    });
  }
  out.sort(
    (a, b) =>
      b.failures24h - a.failures24h ||
      (b.lastFailedAt ?? '').localeCompare(a.lastFailedAt ?? '') ||
      a.name.localeCompare(b.name),
  );
  return out.slice(0, MAX_FAILING_TARGETS);
}

/** Only the windows with a positive limit; the most used entities first. */
export function quotaEntities(rows: CostWindowSpend[]): QuotaEntity[] {
  const entities = rows.map((r) => {
    const windows: QuotaWindow[] = [];
    const add = (period: QuotaPeriod, spend: number, limit: number | null) => {
      if (limit !== null && limit > 0) windows.push({ period, spend, limit, ratio: spend / limit });
    };
    add('5h', r.spend5h, r.limit5hUsd);
    add('weekly', r.spendWeekly, r.limitWeeklyUsd);
    add('monthly', r.spendMonthly, r.limitMonthlyUsd);
    return { id: r.entityId, name: r.name, windows, top: Math.max(0, ...windows.map((w) => w.ratio)) };
  });
  entities.sort((a, b) => b.top - a.top || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return entities.slice(0, QUOTAS_PER_KIND).map(({ top: _top, ...e }) => e);
}

type BreakerData = {
  providerId?: unknown;
  providerName?: unknown;
  failureCount?: unknown;
  retryAt?: unknown;
  lastError?: unknown;
};

/** Circuit-breaker alerts created since `since`, newest first, with how their deliveries went. */
async function circuitBreakerAlerts(deps: Deps, since: Date): Promise<CircuitBreakerAlert[]> {
  const rows = await repo.recentNotifications(deps.db, 'circuit_breaker', since, MAX_BREAKER_ALERTS);
  const oldest = rows.at(-1)?.created_at ?? since;
  const statuses = await repo.deliveryStatusByNotification(
    deps.db,
    'circuit_breaker',
    rows.map((r) => r.id),
    oldest,
  );
  const byId = new Map<string, OutcomeCounts>();
  for (const s of statuses) {
    const c = byId.get(s.notificationId) ?? zero();
    const o = outcomeOf(s.status);
    if (o) c[o] += s.n;
    byId.set(s.notificationId, c);
  }
  return rows.map((r) => {
    const d = (r.data ?? {}) as BreakerData;
    const c = byId.get(r.id) ?? zero();
    return {
      notificationId: r.id,
      at: r.created_at.toISOString(),
      providerId: String(d.providerId ?? ''),
      providerName: String(d.providerName ?? d.providerId ?? ''),
      failureCount: typeof d.failureCount === 'number' ? d.failureCount : 0,
      retryAt: typeof d.retryAt === 'string' ? d.retryAt : '',
      lastError: typeof d.lastError === 'string' ? d.lastError : null,
      delivered: c.delivered,
      failed: c.failed,
      pending: c.pending,
    };
  });
}
