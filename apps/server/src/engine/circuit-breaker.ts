/**
 * A provider's breaker as an incident: the opening is alerted (at most once per 5 minutes while
 * it stays open), the closing sends one recovery to whoever heard of the opening, and a
 * provider that keeps opening and closing gets one "flapping" message, then quiet until it
 * has stayed closed a while. All of it runs in the reporting transaction, on the provider's
 * locked `breaker_state` row, so concurrent reports and server processes agree.
 */
import {
  type CircuitBreakerData,
  type CircuitBreakerNotificationData,
  FLAP_QUIET_MINUTES,
  FLAP_WINDOW_MINUTES,
} from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { claimDedup } from '../db/repos/alert-state.ts';
import * as states from '../db/repos/breaker-state.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { BreakerStateRow, BreakerTransition } from '../db/tables/incidents.ts';
import type { AppDeps } from '../deps.ts';
import type { BreakerClosed, BreakerDecision, BreakerSource, HubEvents } from '../services/hub-intake.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { enqueueNotification } from './enqueue.ts';
import { enqueueFollowUp } from './follow-up.ts';

/** The spec: a provider's breaker alert goes out at most once per 5 minutes. */
export const CIRCUIT_BREAKER_DEDUP_MS = 5 * 60_000;
/** More openings than this within the window make a provider flapping. */
export const FLAP_MAX_OPENINGS = 3;
export const FLAP_WINDOW_MS = FLAP_WINDOW_MINUTES * 60_000;
/** A flapping provider is alerted again once it has stayed closed this long. */
export const FLAP_QUIET_MS = FLAP_QUIET_MINUTES * 60_000;

type Trx = Transaction<Database>;

/**
 * What herald.ts hands the hub intake: breaker reports and Herald's own breaker, decided here.
 * `deps` is read when an event comes (the events are part of the deps they need).
 */
export function breakerEvents(deps: () => AppDeps): HubEvents {
  return {
    breakerOpened: (trx, data, source) => raiseCircuitBreakerAlert(deps(), trx, data, source),
    breakerClosed: (trx, closed, source) => closeCircuitBreaker(deps(), trx, closed, source),
  };
}

/** Transitions still inside the flapping window at `now`, with `next` added. */
export function withinWindow(list: BreakerTransition[], next: BreakerTransition, now: Date): BreakerTransition[] {
  const since = now.getTime() - FLAP_WINDOW_MS;
  return [...list, next].filter((t) => Date.parse(t.at) > since);
}

const openings = (list: BreakerTransition[]) => list.filter((t) => t.state === 'open').length;

async function switchedOn(trx: Trx): Promise<boolean> {
  const s = await readSettings(trx, SYSTEM_TIMEZONE);
  return s.enabled && s.circuit_breaker_enabled;
}

/**
 * A provider's breaker opened (reported by the hub, or by Herald's own count of failures).
 * Opening after being closed is a new incident: alerted now (the 5-minute dedup is for repeats
 * while open), or, as the fourth opening within 30 minutes, the one flapping message.
 */
export async function raiseCircuitBreakerAlert(
  deps: AppDeps,
  trx: Trx,
  data: CircuitBreakerData,
  source: BreakerSource = 'hub',
): Promise<BreakerDecision> {
  const now = deps.clock.now();
  const log = deps.logger.child({ providerId: data.providerId, source });
  const opening = await recordOpening(trx, data, now);

  if (!(await switchedOn(trx))) {
    log.info({ action: 'circuit_breaker_alert_disabled' }, 'circuit-breaker alerts are switched off');
    return { outcome: 'disabled', notificationId: null };
  }
  if (opening.flapping) return suppressed(deps, log, 'flapping');
  const key = `circuit_breaker:${data.providerId}`;
  if (opening.repeat) {
    if (!(await claimDedup(trx, key, now, CIRCUIT_BREAKER_DEDUP_MS))) {
      return suppressed(deps, log, 'duplicate_within_5min');
    }
  } else {
    // A new opening always alerts; the claim restarts the 5 minutes for repeats of it.
    await claimDedup(trx, key, now, 0);
    if (opening.openings > FLAP_MAX_OPENINGS) {
      const flapping: CircuitBreakerNotificationData = {
        ...data,
        event: 'flapping',
        openedAt: now.toISOString(),
        flapCount: opening.openings,
        flapWindowMinutes: FLAP_WINDOW_MINUTES,
        quietMinutes: FLAP_QUIET_MINUTES,
      };
      const { notificationId } = await enqueueNotification(deps, trx, {
        type: 'circuit_breaker',
        data: flapping,
        source: 'hub',
      });
      await states.updateBreaker(
        trx,
        data.providerId,
        { flapping_since: now, alert_notification_id: notificationId },
        now,
      );
      log.info({ action: 'circuit_breaker_flapping', openings: opening.openings }, 'provider flapping');
      return { outcome: 'flapping', notificationId };
    }
  }
  const { notificationId, deliveryIds } = await enqueueNotification(deps, trx, {
    type: 'circuit_breaker',
    data,
    source: 'hub',
  });
  // The recovery goes to whoever heard of the opening first.
  if (notificationId && !opening.alertNotificationId) {
    await states.updateBreaker(trx, data.providerId, { alert_notification_id: notificationId }, now);
  }
  log.info({ action: 'circuit_breaker_alert_sent', deliveries: deliveryIds.length }, 'circuit-breaker alert queued');
  return { outcome: 'alerted', notificationId };
}

type Opening = {
  /** Reported again while still open (not a new incident). */
  repeat: boolean;
  /** Openings within the flapping window, this one included. */
  openings: number;
  /** Flapping and not yet quiet long enough: no alert. */
  flapping: boolean;
  alertNotificationId: string | null;
};

/** Writes the opening onto the provider's (locked) row and says what kind of opening it is. */
async function recordOpening(trx: Trx, data: CircuitBreakerData, now: Date): Promise<Opening> {
  const retryAt = new Date(data.retryAt);
  const at = now.toISOString();
  const inserted = await states.insertOpenBreaker(trx, { ...data, retryAt, at: now });
  if (inserted) return { repeat: false, openings: 1, flapping: false, alertNotificationId: null };
  const row = (await states.lockBreaker(trx, data.providerId)) as BreakerStateRow;

  if (row.state === 'open') {
    // The latest count and retry time; the opening's time and alert stay.
    await states.updateBreaker(
      trx,
      data.providerId,
      { provider_name: data.providerName, failure_count: data.failureCount, retry_at: retryAt },
      now,
    );
    return {
      repeat: true,
      openings: openings(row.transitions),
      flapping: row.flapping_since !== null,
      alertNotificationId: row.alert_notification_id,
    };
  }

  // A flapping provider that stayed closed long enough starts afresh.
  const quiet =
    row.flapping_since !== null && row.closed_at !== null && now.getTime() - row.closed_at.getTime() >= FLAP_QUIET_MS;
  const flappingSince = quiet ? null : row.flapping_since;
  const transitions = quiet
    ? [{ state: 'open' as const, at }]
    : withinWindow(row.transitions, { state: 'open', at }, now);
  await states.updateBreaker(
    trx,
    data.providerId,
    {
      state: 'open',
      provider_name: data.providerName,
      opened_at: now,
      closed_at: null,
      failure_count: data.failureCount,
      retry_at: retryAt,
      alert_notification_id: null,
      flapping_since: flappingSince,
      transitions,
    },
    now,
  );
  return {
    repeat: false,
    openings: openings(transitions),
    flapping: flappingSince !== null,
    alertNotificationId: null,
  };
}

function suppressed(
  deps: AppDeps,
  log: AppDeps['logger'],
  reason: 'duplicate_within_5min' | 'flapping',
): BreakerDecision {
  log.info({ action: 'circuit_breaker_alert_suppressed', reason }, 'circuit-breaker alert suppressed');
  deps.metrics.alertsSuppressed.inc({ type: 'circuit_breaker' });
  return { outcome: 'suppressed', notificationId: null };
}

/**
 * A provider's breaker closed. Once per opening that was alerted, a recovery goes to the
 * recipients of that alert; a close Herald cannot pair with an alerted opening is ignored.
 */
export async function closeCircuitBreaker(
  deps: AppDeps,
  trx: Trx,
  closed: BreakerClosed,
  source: BreakerSource = 'hub',
): Promise<BreakerDecision> {
  const now = deps.clock.now();
  const log = deps.logger.child({ providerId: closed.providerId, source });
  const row = await states.lockBreaker(trx, closed.providerId);
  if (row?.state !== 'open') {
    log.info(
      { action: 'circuit_breaker_close_ignored', reason: row ? 'already_closed' : 'never_open' },
      'breaker close ignored',
    );
    return { outcome: 'ignored', notificationId: null };
  }
  // Within the opening and now, whatever the reporter's clock says.
  const openedAt = row.opened_at ?? now;
  const at = new Date(Math.min(now.getTime(), Math.max(openedAt.getTime(), (closed.closedAt ?? now).getTime())));
  const providerName = closed.providerName ?? row.provider_name;
  await states.updateBreaker(
    trx,
    closed.providerId,
    {
      state: 'closed',
      closed_at: at,
      provider_name: providerName,
      transitions: withinWindow(row.transitions, { state: 'closed', at: at.toISOString() }, now),
    },
    now,
  );
  if (row.flapping_since) return suppressed(deps, log, 'flapping');
  if (!row.alert_notification_id) {
    log.info({ action: 'circuit_breaker_close_ignored', reason: 'opening_not_alerted' }, 'breaker close ignored');
    return { outcome: 'ignored', notificationId: null };
  }
  if (!(await switchedOn(trx))) {
    log.info({ action: 'circuit_breaker_alert_disabled' }, 'circuit-breaker alerts are switched off');
    return { outcome: 'disabled', notificationId: null };
  }
  const usage = await states.usageWhileOpen(trx, closed.providerId, openedAt, at);
  const data: CircuitBreakerNotificationData = {
    providerId: closed.providerId,
    providerName,
    failureCount: row.failure_count,
    retryAt: (row.retry_at ?? at).toISOString(),
    event: 'recovered',
    openedAt: openedAt.toISOString(),
    closedAt: at.toISOString(),
    // Only when the hub's usage told Herald about the open period.
    ...(usage.requests > 0 ? { failuresWhileOpen: usage.failures } : {}),
  };
  const r = await enqueueFollowUp(deps, trx, { type: 'circuit_breaker', data, to: row.alert_notification_id });
  log.info(
    { action: 'circuit_breaker_recovery_sent', deliveries: r.deliveryIds.length, silenceId: r.silencedBy?.id },
    'circuit-breaker recovery queued',
  );
  return { outcome: 'recovered', notificationId: r.notificationId };
}
