import type { CostAlertData, CostPeriod } from '@herald/core';
import { markCostAlertSent, sentLevels } from '../db/repos/alert-state.ts';
import { readSettings } from '../db/repos/settings.ts';
import { type CostWindowSpend, costWindowSpend } from '../db/repos/usage.ts';
import type { AppDeps } from '../deps.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { enqueueNotification } from './enqueue.ts';
import { costWindows } from './windows.ts';

const FIVE_HOURS_MS = 5 * 3_600_000;

/** The levels a spend can cross: the configured threshold, then 90 % and 100 % (spec's indicator steps). */
export function alertLevels(threshold: number): number[] {
  return [...new Set([threshold, 0.9, 1].filter((l) => l >= threshold))].sort((a, b) => a - b);
}

/** The highest level reached, or null below the threshold. */
export function levelReached(spend: number, limit: number, levels: number[]): number | null {
  if (!(limit > 0)) return null;
  const ratio = spend / limit;
  let reached: number | null = null;
  for (const l of levels) if (ratio + 1e-12 >= l) reached = l;
  return reached;
}

/** The rolling 5 h window has no calendar period: alerts are once per fixed 5-hour block (UTC-aligned). */
export function fiveHourBlock(now: Date): Date {
  return new Date(Math.floor(now.getTime() / FIVE_HOURS_MS) * FIVE_HOURS_MS);
}

export type CostCheck = {
  /** Whose dedup this is: `binding:<id>` or `legacy`. */
  scope: string;
  bindingId?: string;
  timezone: string;
  threshold: number;
  /** More alerts than this in one check go out as one digest per target. */
  digestThreshold?: number;
  now: Date;
};

type Candidate = { data: CostAlertData; periodStart: Date };

/**
 * One cost check: every user and provider with a limit, all three windows in the zone. Every
 * (entity, window) at or over a level is alerted — never only the first — and each once per
 * window period per level.
 */
export async function runCostCheck(deps: AppDeps, check: CostCheck): Promise<{ entities: number; alerts: number }> {
  const w = costWindows(check.now, check.timezone);
  const rows = await costWindowSpend(deps.db, { ...w, now: check.now });
  const levels = alertLevels(check.threshold);
  const periods: Record<CostPeriod, Date> = {
    '5h': fiveHourBlock(check.now),
    weekly: w.weekStart,
    monthly: w.monthStart,
  };
  const already = await sentLevels(
    deps.db,
    check.scope,
    Object.entries(periods).map(([window, periodStart]) => ({ window, periodStart })),
  );

  const candidates: Candidate[] = [];
  for (const r of rows) {
    for (const [period, spend, limit] of windowsOf(r)) {
      if (limit === null) continue;
      const level = levelReached(spend, limit, levels);
      if (level === null || level <= (already.get(`${r.entityType}:${r.entityId}:${period}`) ?? 0)) continue;
      candidates.push({
        periodStart: periods[period],
        data: {
          targetType: r.entityType,
          targetId: r.entityId,
          targetName: r.name,
          currentCost: spend,
          quotaLimit: limit,
          threshold: level,
          period,
        },
      });
    }
  }

  let alerts = 0;
  // Many at once (a shared limit crossed by a team): one digest per target, not a message each.
  const asDigest = candidates.length > (check.digestThreshold ?? Number.POSITIVE_INFINITY);
  if (candidates.length > 0) {
    await deps.db.transaction().execute(async (trx) => {
      for (const c of candidates) {
        const fresh = await markCostAlertSent(
          trx,
          {
            scope: check.scope,
            entityType: c.data.targetType,
            entityId: c.data.targetId,
            window: c.data.period,
            periodStart: c.periodStart,
            level: c.data.threshold,
          },
          check.now,
        );
        if (!fresh) continue;
        await enqueueNotification(deps, trx, {
          type: 'cost_alert',
          data: c.data,
          source: 'schedule',
          ...(check.bindingId ? { onlyBindingId: check.bindingId } : {}),
          ...(asDigest ? { group: true } : {}),
        });
        alerts++;
      }
    });
  }
  await sendCostRecoveries(deps, check, rows, levels, periods, already);
  deps.logger.info(
    {
      action: alerts > 0 ? 'cost_alert_check' : 'cost_alert_no_data',
      scope: check.scope,
      entities: rows.length,
      alerts,
    },
    'cost check done',
  );
  return { entities: rows.length, alerts };
}

/** Where each window's previous period started (the one before `periods`). */
function previousPeriods(periods: Record<CostPeriod, Date>, timezone: string): Record<CostPeriod, Date> {
  return {
    '5h': new Date(periods['5h'].getTime() - FIVE_HOURS_MS),
    weekly: costWindows(new Date(periods.weekly.getTime() - 1), timezone).weekStart,
    monthly: costWindows(new Date(periods.monthly.getTime() - 1), timezone).monthStart,
  };
}

/**
 * Opt-in (`cost_alert_recovery_enabled`): an entity alerted in a window's previous period that is
 * under the threshold in the new one gets one "back under" message, to the same binding. Sent
 * once per period: a level-0 row in cost_alert_sent marks it (an alert in the period also rules
 * it out, and level 0 never counts as an alert level).
 */
async function sendCostRecoveries(
  deps: AppDeps,
  check: CostCheck,
  rows: CostWindowSpend[],
  levels: number[],
  periods: Record<CostPeriod, Date>,
  current: Map<string, number>,
): Promise<number> {
  const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
  if (!settings.cost_alert_recovery_enabled) return 0;
  const previous = previousPeriods(periods, check.timezone);
  const alerted = await sentLevels(
    deps.db,
    check.scope,
    Object.entries(previous).map(([window, periodStart]) => ({ window, periodStart })),
  );
  const recovered: Candidate[] = [];
  for (const r of rows) {
    for (const [period, spend, limit] of windowsOf(r)) {
      const key = `${r.entityType}:${r.entityId}:${period}`;
      const before = alerted.get(key) ?? 0;
      if (limit === null || before <= 0 || current.has(key) || levelReached(spend, limit, levels) !== null) continue;
      recovered.push({
        periodStart: periods[period],
        data: {
          event: 'recovered',
          targetType: r.entityType,
          targetId: r.entityId,
          targetName: r.name,
          currentCost: spend,
          quotaLimit: limit,
          threshold: before,
          period,
        },
      });
    }
  }
  if (recovered.length === 0) return 0;
  let sent = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const c of recovered) {
      const key = {
        scope: check.scope,
        entityType: c.data.targetType,
        entityId: c.data.targetId,
        window: c.data.period,
        periodStart: c.periodStart,
        level: 0,
      };
      if (!(await markCostAlertSent(trx, key, check.now))) continue;
      await enqueueNotification(deps, trx, {
        type: 'cost_alert',
        data: c.data,
        source: 'schedule',
        ...(check.bindingId ? { onlyBindingId: check.bindingId } : {}),
      });
      sent++;
    }
  });
  deps.logger.info({ action: 'cost_alert_recoveries', scope: check.scope, recoveries: sent }, 'cost recoveries queued');
  return sent;
}

/** An entity's spend and limit in each of the three windows. */
function windowsOf(r: CostWindowSpend): Array<[CostPeriod, number, number | null]> {
  return [
    ['5h', r.spend5h, r.limit5hUsd],
    ['weekly', r.spendWeekly, r.limitWeeklyUsd],
    ['monthly', r.spendMonthly, r.limitMonthlyUsd],
  ];
}
