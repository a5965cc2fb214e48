/**
 * A breaker as an incident: the opening is alerted (at most once per 5 minutes while it stays
 * open), the closing sends one recovery to whoever heard of the opening, and a breaker that
 * keeps opening and closing gets one "flapping" message, then quiet until it has stayed closed
 * a while. A provider's own breaker and each of its endpoints' are separate incidents (their
 * own row, dedup key, recovery and flapping), so one never suppresses another. All of it runs
 * in the reporting transaction, on the breaker's locked `breaker_state` row, so concurrent
 * reports and server processes agree.
 */
import {
  type CircuitBreakerData,
  type CircuitBreakerNotificationData,
  FLAP_QUIET_MINUTES,
  FLAP_WINDOW_MINUTES,
  incidentSourceOf,
} from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { claimDedup } from '../db/repos/alert-state.ts';
import type { BreakerKey } from '../db/repos/breaker-state.ts';
import * as states from '../db/repos/breaker-state.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { BreakerStateRow, BreakerTransition } from '../db/tables/incidents.ts';
import type { AppDeps } from '../deps.ts';
import type { BreakerClosed, BreakerDecision, BreakerSource, HubEvents } from '../services/hub-intake.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { enqueueNotification } from './enqueue.ts';
import { enqueueFollowUp } from './follow-up.ts';

/** The spec: a breaker's alert goes out at most once per 5 minutes (per provider, per endpoint). */
export const CIRCUIT_BREAKER_DEDUP_MS = 5 * 60_000;
/** More openings than this within the window make a provider flapping. */
export const FLAP_MAX_OPENINGS = 3;
export const FLAP_WINDOW_MS = FLAP_WINDOW_MINUTES * 60_000;
/** A flapping provider is alerted again once it has stayed closed this long. */
export const FLAP_QUIET_MS = FLAP_QUIET_MINUTES * 60_000;

type Trx = Transaction<Database>;

/**
 * What the hub router hands the hub intake: breaker reports and Herald's own breaker, decided
 * here, in the intake's transaction.
 */
export function breakerEvents(deps: AppDeps): HubEvents {
  return {
    breakerOpened: (trx, data, source) => raiseCircuitBreakerAlert(deps, trx, data, source),
    breakerClosed: (trx, closed, source) => closeCircuitBreaker(deps, trx, closed, source),
  };
}

/** Whose breaker a report is about: an endpoint's only when the hub says so. */
export function breakerKey(d: {
  providerId: string;
  incidentSource?: 'provider' | 'endpoint' | undefined;
  endpointId?: string | undefined;
}): BreakerKey {
  return { providerId: d.providerId, endpointId: incidentSourceOf(d) === 'endpoint' ? (d.endpointId ?? null) : null };
}

/**
 * The 5-minute claim's key: the provider's as before endpoints; an endpoint's under its own
 * prefix, its ids JSON-encoded, so no provider or endpoint id can spell another's key.
 */
export function dedupKey(k: BreakerKey): string {
  return k.endpointId === null
    ? `circuit_breaker:${k.providerId}`
    : `circuit_breaker_endpoint:${JSON.stringify([k.providerId, k.endpointId])}`;
}

const logFields = (k: BreakerKey) => ({
  providerId: k.providerId,
  ...(k.endpointId === null ? {} : { endpointId: k.endpointId }),
});

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
 * A breaker opened (reported by the hub, or by Herald's own count of a provider's failures).
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
  const key = breakerKey(data);
  const log = deps.logger.child({ ...logFields(key), source });
  const opening = await recordOpening(trx, key, data, now);

  if (!(await switchedOn(trx))) {
    log.info({ action: 'circuit_breaker_alert_disabled' }, 'circuit-breaker alerts are switched off');
    return { outcome: 'disabled', notificationId: null };
  }
  if (opening.flapping) return suppressed(deps, log, 'flapping');
  if (opening.repeat) {
    if (!(await claimDedup(trx, dedupKey(key), now, CIRCUIT_BREAKER_DEDUP_MS))) {
      return suppressed(deps, log, 'cooldown');
    }
  } else {
    // A new opening always alerts; the claim restarts the 5 minutes for repeats of it.
    await claimDedup(trx, dedupKey(key), now, 0);
    if (opening.openings > FLAP_MAX_OPENINGS) {
      const flapping: CircuitBreakerNotificationData = {
        ...data,
        event: 'flapping',
        openedAt: now.toISOString(),
        flapCount: opening.openings,
        flapWindowMinutes: FLAP_WINDOW_MINUTES,
        quietMinutes: FLAP_QUIET_MINUTES,
      };
      const queued = await enqueueNotification(deps, trx, {
        type: 'circuit_breaker',
        data: flapping,
        source: 'hub',
      });
      const { notificationId } = queued;
      await states.updateBreaker(trx, key, { flapping_since: now, alert_notification_id: notificationId }, now);
      log.info({ action: 'circuit_breaker_flapping', openings: opening.openings }, 'breaker flapping');
      return told('flapping', queued);
    }
  }
  const queued = await enqueueNotification(deps, trx, {
    type: 'circuit_breaker',
    data,
    source: 'hub',
  });
  const { notificationId, deliveryIds } = queued;
  // The recovery goes to whoever heard of the opening first.
  if (notificationId && !opening.alertNotificationId) {
    await states.updateBreaker(trx, key, { alert_notification_id: notificationId }, now);
  }
  log.info({ action: 'circuit_breaker_alert_sent', deliveries: deliveryIds.length }, 'circuit-breaker alert queued');
  return told('alerted', queued);
}

/**
 * A queued message's answer, unless it will reach nobody: held back by a silence (its
 * deliveries are logged as skipped) or with nobody to tell, the hub hears "suppressed".
 */
function told(
  outcome: 'alerted' | 'flapping' | 'recovered',
  r: { notificationId: string | null; silenceId?: string | null | undefined },
): BreakerDecision {
  if (r.notificationId === null) return { outcome: 'suppressed', reason: 'no_recipients', notificationId: null };
  if (r.silenceId) return { outcome: 'suppressed', reason: 'silenced', notificationId: r.notificationId };
  return { outcome, notificationId: r.notificationId };
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

/** Writes the opening onto the breaker's (locked) row and says what kind of opening it is. */
async function recordOpening(trx: Trx, key: BreakerKey, data: CircuitBreakerData, now: Date): Promise<Opening> {
  const retryAt = new Date(data.retryAt);
  const at = now.toISOString();
  const endpointUrl = data.endpointUrl ?? null;
  const inserted = await states.insertOpenBreaker(trx, { ...data, ...key, endpointUrl, retryAt, at: now });
  if (inserted) return { repeat: false, openings: 1, flapping: false, alertNotificationId: null };
  const row = (await states.lockBreaker(trx, key)) as BreakerStateRow;

  if (row.state === 'open') {
    // The latest count and retry time; the opening's time and alert stay.
    await states.updateBreaker(
      trx,
      key,
      {
        provider_name: data.providerName,
        endpoint_url: endpointUrl,
        failure_count: data.failureCount,
        retry_at: retryAt,
      },
      now,
    );
    return {
      repeat: true,
      openings: openings(row.transitions),
      flapping: row.flapping_since !== null,
      alertNotificationId: row.alert_notification_id,
    };
  }

  // A flapping breaker that stayed closed long enough starts afresh.
  const quiet =
    row.flapping_since !== null && row.closed_at !== null && now.getTime() - row.closed_at.getTime() >= FLAP_QUIET_MS;
  const flappingSince = quiet ? null : row.flapping_since;
  const transitions = quiet
    ? [{ state: 'open' as const, at }]
    : withinWindow(row.transitions, { state: 'open', at }, now);
  await states.updateBreaker(
    trx,
    key,
    {
      state: 'open',
      provider_name: data.providerName,
      endpoint_url: endpointUrl,
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

function suppressed(deps: AppDeps, log: AppDeps['logger'], reason: 'cooldown' | 'flapping'): BreakerDecision {
  // The log keeps its established name for the cooldown.
  const logged = reason === 'cooldown' ? 'duplicate_within_5min' : reason;
  log.info({ action: 'circuit_breaker_alert_suppressed', reason: logged }, 'circuit-breaker alert suppressed');
  deps.metrics.alertsSuppressed.inc({ type: 'circuit_breaker' });
  return { outcome: 'suppressed', reason, notificationId: null };
}

/**
 * A breaker closed (a provider's own or an endpoint's). Once per opening that was alerted, a
 * recovery goes to the recipients of that alert; a close Herald cannot pair with an alerted
 * opening of the same breaker is ignored.
 */
export async function closeCircuitBreaker(
  deps: AppDeps,
  trx: Trx,
  closed: BreakerClosed,
  source: BreakerSource = 'hub',
): Promise<BreakerDecision> {
  const now = deps.clock.now();
  const key = breakerKey(closed);
  const log = deps.logger.child({ ...logFields(key), source });
  const row = await states.lockBreaker(trx, key);
  if (row?.state !== 'open') {
    const reason = row ? 'already_closed' : 'never_open';
    log.info({ action: 'circuit_breaker_close_ignored', reason }, 'breaker close ignored');
    return { outcome: 'ignored', reason, notificationId: null };
  }
  // Within the opening and now, whatever the reporter's clock says.
  const openedAt = row.opened_at ?? now;
  const at = new Date(Math.min(now.getTime(), Math.max(openedAt.getTime(), (closed.closedAt ?? now).getTime())));
  const providerName = closed.providerName ?? row.provider_name;
  const endpointUrl = closed.endpointUrl ?? row.endpoint_url;
  await states.updateBreaker(
    trx,
    key,
    {
      state: 'closed',
      closed_at: at,
      provider_name: providerName,
      endpoint_url: endpointUrl,
      transitions: withinWindow(row.transitions, { state: 'closed', at: at.toISOString() }, now),
    },
    now,
  );
  if (row.flapping_since) return suppressed(deps, log, 'flapping');
  if (!row.alert_notification_id) {
    log.info({ action: 'circuit_breaker_close_ignored', reason: 'opening_not_alerted' }, 'breaker close ignored');
    return { outcome: 'ignored', reason: 'opening_not_alerted', notificationId: null };
  }
  if (!(await switchedOn(trx))) {
    log.info({ action: 'circuit_breaker_alert_disabled' }, 'circuit-breaker alerts are switched off');
    return { outcome: 'disabled', notificationId: null };
  }
  // Usage says which provider served a request, not which endpoint: an endpoint's recovery has no figure.
  const usage =
    key.endpointId === null
      ? await states.usageWhileOpen(trx, closed.providerId, openedAt, at)
      : { requests: 0, failures: 0 };
  const data: CircuitBreakerNotificationData = {
    providerId: closed.providerId,
    providerName,
    ...(key.endpointId === null
      ? {}
      : { incidentSource: 'endpoint', endpointId: key.endpointId, ...(endpointUrl ? { endpointUrl } : {}) }),
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
  return told('recovered', { notificationId: r.notificationId, silenceId: r.silencedBy?.id ?? null });
}
