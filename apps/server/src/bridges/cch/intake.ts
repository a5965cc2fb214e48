/**
 * What a bridged CCH notification becomes in Herald. A breaker trip goes through the hub
 * intake like `hub.reportCircuitBreaker` (alert, 5-minute dedup, flapping, recovery pairing).
 * A cost alert, leaderboard or cache-hit-rate alert is CCH's own finding: it is queued as a
 * Herald notification of that type with CCH's figures as its data, routed by Herald's bindings
 * (pace, grouping, quiet hours, the delivery log), never recomputed from usage.
 */
import { createHash } from 'node:crypto';
import type { CostAlertData } from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { claimDedup, markCostAlertSent, sentLevels } from '../../db/repos/alert-state.ts';
import { readSettings } from '../../db/repos/settings.ts';
import type { AppDeps } from '../../deps.ts';
import { breakerEvents } from '../../engine/circuit-breaker.ts';
import { alertLevels, fiveHourBlock, levelReached } from '../../engine/cost-alert.ts';
import { type EnqueueInput, enqueueNotification } from '../../engine/enqueue.ts';
import { costWindows } from '../../engine/windows.ts';
import { reportCircuitBreaker } from '../../services/hub-intake.ts';
import { SYSTEM_TIMEZONE } from '../../services/settings.ts';
import type { BridgedEvent } from './body.ts';
import type { CchType } from './templates.ts';

/**
 * The same body again within this long is CCH retrying a send Herald already took (its sender
 * resends the same bytes after 1 s and 2 s; a cache alert's queue retries reuse its payload).
 */
export const CCH_DUPLICATE_WINDOW_MS = 10 * 60_000;

/** The dedup scope of bridged cost alerts (Herald's own checks use `binding:<id>` and `legacy`). */
export const CCH_COST_SCOPE = 'cch';

export type BridgeOutcome = 'alerted' | 'recovered' | 'flapping' | 'suppressed' | 'disabled' | 'ignored';

export type BridgeAnswer = {
  ok: true;
  type: CchType;
  /** As `hub.reportCircuitBreaker` answers; for the other types alerted, suppressed (already sent) or disabled. */
  outcome: BridgeOutcome;
  notificationId: string | null;
  reason?: string;
};

/** Thrown inside the transaction so a claimed dedup key is rolled back when nothing was queued. */
class NothingQueued extends Error {}

export async function intakeCchEvent(deps: AppDeps, event: BridgedEvent): Promise<BridgeAnswer> {
  if (event.type === 'circuit_breaker') {
    const decision = await reportCircuitBreaker(deps.db, event.report, breakerEvents(deps));
    return { ok: true, type: event.type, ...decision };
  }
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx): Promise<BridgeAnswer> => {
      const input = await claim(trx, event, now);
      if (!input) {
        return {
          ok: true,
          type: event.type,
          outcome: 'suppressed',
          notificationId: null,
          reason: SUPPRESSED[event.type],
        };
      }
      const { notificationId } = await enqueueNotification(deps, trx, input);
      if (!notificationId) throw new NothingQueued();
      return { ok: true, type: event.type, outcome: 'alerted', notificationId };
    });
  } catch (err) {
    if (!(err instanceof NothingQueued)) throw err;
    return {
      ok: true,
      type: event.type,
      outcome: 'disabled',
      notificationId: null,
      reason: 'notifications of this type are switched off or have no enabled binding',
    };
  }
}

const SUPPRESSED: Record<Exclude<CchType, 'circuit_breaker'>, string> = {
  cost_alert: 'already alerted at this level in this period',
  daily_leaderboard: 'the same leaderboard arrived within 10 minutes',
  cache_hit_rate_alert: 'the same check arrived within 10 minutes',
};

type Queued = Exclude<BridgedEvent, { type: 'circuit_breaker' }>;

/** The notification to queue, once its dedup key is claimed; null when it was sent already. */
async function claim(trx: Transaction<Database>, event: Queued, now: Date): Promise<EnqueueInput | null> {
  switch (event.type) {
    case 'cost_alert': {
      const data = await claimCostLevel(trx, event.data, now);
      return data && { type: 'cost_alert', data, source: 'hub' };
    }
    case 'daily_leaderboard':
      if (!(await claimDedup(trx, duplicateKey(event), now, CCH_DUPLICATE_WINDOW_MS))) return null;
      return { type: 'daily_leaderboard', data: event.data, source: 'hub' };
    case 'cache_hit_rate_alert':
      if (!(await claimDedup(trx, duplicateKey(event), now, CCH_DUPLICATE_WINDOW_MS))) return null;
      return { type: 'cache_hit_rate', data: event.data, source: 'hub' };
  }
}

/**
 * CCH repeats a cost alert every check while the spend stays over (it has no dedup): Herald
 * sends it once per window period and level (the threshold, 90 %, 100 %; a higher level only),
 * as its own check does.
 * The level replaces the threshold in the data, so the message says which one was crossed.
 */
async function claimCostLevel(
  trx: Transaction<Database>,
  data: CostAlertData,
  now: Date,
): Promise<CostAlertData | null> {
  const settings = await readSettings(trx, SYSTEM_TIMEZONE);
  const windows = costWindows(now, settings.timezone);
  const periodStart = { '5h': fiveHourBlock(now), weekly: windows.weekStart, monthly: windows.monthStart }[data.period];
  const level = levelReached(data.currentCost, data.quotaLimit, alertLevels(data.threshold)) ?? data.threshold;
  const sent = await sentLevels(trx, CCH_COST_SCOPE, [{ window: data.period, periodStart }]);
  if (level <= (sent.get(`${data.targetType}:${data.targetId}:${data.period}`) ?? 0)) return null;
  const key = {
    scope: CCH_COST_SCOPE,
    entityType: data.targetType,
    entityId: data.targetId,
    window: data.period,
    periodStart,
    level,
  };
  return (await markCostAlertSent(trx, key, now)) ? { ...data, threshold: level } : null;
}

/** A leaderboard or cache check by its content: CCH's resend of the same thing has the same key. */
function duplicateKey(event: Exclude<Queued, { type: 'cost_alert' }>): string {
  const content =
    event.type === 'cache_hit_rate_alert' ? { ...event.data, generatedAt: event.generatedAt } : event.data;
  return `cch:${event.type}:${createHash('sha256').update(JSON.stringify(content)).digest('base64url')}`;
}
