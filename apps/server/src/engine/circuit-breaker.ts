import type { CircuitBreakerData } from '@herald/core';
import type { Executor } from '../db/database.ts';
import { claimDedup } from '../db/repos/alert-state.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { AppDeps } from '../deps.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { enqueueNotification } from './enqueue.ts';

/** The spec: a provider's breaker alert goes out at most once per 5 minutes. */
export const CIRCUIT_BREAKER_DEDUP_MS = 5 * 60_000;

export type BreakerOutcome = 'sent' | 'suppressed' | 'disabled';

/**
 * A provider's breaker opened (reported by the hub, or by Herald's own count of failures).
 * Runs in the caller's transaction, so the alert is durable with whatever caused it; the
 * dedup claim is one atomic statement, shared by every server process.
 */
export async function raiseCircuitBreakerAlert(
  deps: AppDeps,
  trx: Executor,
  data: CircuitBreakerData,
): Promise<BreakerOutcome> {
  const log = deps.logger.child({ providerId: data.providerId });
  const settings = await readSettings(trx, SYSTEM_TIMEZONE);
  if (!settings.enabled || !settings.circuit_breaker_enabled) {
    log.info({ action: 'circuit_breaker_alert_disabled' }, 'circuit-breaker alerts are switched off');
    return 'disabled';
  }
  const claimed = await claimDedup(
    trx,
    `circuit_breaker:${data.providerId}`,
    deps.clock.now(),
    CIRCUIT_BREAKER_DEDUP_MS,
  );
  if (!claimed) {
    log.info(
      { action: 'circuit_breaker_alert_suppressed', reason: 'duplicate_within_5min' },
      'circuit-breaker alert suppressed',
    );
    deps.metrics.alertsSuppressed.inc({ type: 'circuit_breaker' });
    return 'suppressed';
  }
  const { deliveryIds } = await enqueueNotification(deps, trx, { type: 'circuit_breaker', data, source: 'hub' });
  log.info({ action: 'circuit_breaker_alert_sent', deliveries: deliveryIds.length }, 'circuit-breaker alert queued');
  return 'sent';
}
