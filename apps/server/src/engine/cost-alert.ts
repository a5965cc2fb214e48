import type { CostAlertData, CostPeriod } from '@herald/core';
import { markCostAlertSent, sentLevels } from '../db/repos/alert-state.ts';
import { costWindowSpend } from '../db/repos/usage.ts';
import type { AppDeps } from '../deps.ts';
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
    const windows: Array<[CostPeriod, number, number | null]> = [
      ['5h', r.spend5h, r.limit5hUsd],
      ['weekly', r.spendWeekly, r.limitWeeklyUsd],
      ['monthly', r.spendMonthly, r.limitMonthlyUsd],
    ];
    for (const [period, spend, limit] of windows) {
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
        });
        alerts++;
      }
    });
  }
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
