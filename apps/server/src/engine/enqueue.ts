import { randomBytes } from 'node:crypto';
import { CHANNEL_PACE, hasDigest, NOTIFICATIONS, type NotificationType } from '@herald/core';
import { sql, type Transaction } from 'kysely';
import { fromKysely, type JobInsert } from 'pg-boss';
import type { Database, Executor } from '../db/database.ts';
import { insertDeliveries, insertNotifications } from '../db/repos/deliveries.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { CarriedDelivery } from '../db/tables/delivery.ts';
import type { NotificationSource } from '../db/tables/notification.ts';
import type { AppDeps } from '../deps.ts';
import { deliveryJob, QUEUE_NAMES } from '../jobs/queues.ts';
import { type Clock, realTimeOf, systemClock } from '../senders/clock.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { activeSilences, silenceFor } from '../services/silences.ts';
import { type Hold, holdFor, silenceReason, topOfHourSpreadMs } from './hold.ts';
import { type Recipient, recipientsFor } from './targets-for.ts';

/**
 * The Postgres channel that wakes delivery workers in every process. Notified inside the
 * enqueueing transaction, so it arrives exactly when the jobs become visible (on commit).
 */
export const DELIVERY_WAKE_CHANNEL = 'herald_delivery';

export type EnqueueInput = {
  type: NotificationType;
  /** The type's data; validated here against its schema, stored as validated. */
  data: unknown;
  source: NotificationSource;
  /** Only this binding (a per-binding schedule), if it is still enabled with its target. */
  onlyBindingId?: string;
  /** Gather with the others queued now for the same target into one digest (a cost check's many). */
  group?: boolean;
};

export type EnqueueResult = {
  /** Null when nobody is to receive it now (switched off, no bindings): nothing was stored. */
  notificationId: string | null;
  deliveryIds: string[];
  /** The silence that held every delivery back (logged as skipped, not sent). */
  silenceId?: string | null;
};

export type EnqueueDeps = Pick<AppDeps, 'boss' | 'secretBox' | 'logger' | 'config'> & { clock?: Clock };

/** A delivery to create (also used by `deliveries.resend`). */
export type NewDelivery = Recipient & {
  notificationId: string;
  type: NotificationType;
  resendOf?: string | null;
  /** Waits before its first run (quiet hours, a grouping wait). */
  hold?: Hold | null;
  /** Its first run is put off this long (a scheduled run kept off the top of the hour). */
  spreadMs?: number;
  /** Not sent: held back by this silence. */
  silence?: { id: string; reason: string } | null;
  /** A digest delivery: what it carries. */
  carried?: CarriedDelivery[];
  /** Inherits a promised slot of its target's pace (a digest of waiting deliveries). */
  slotBooked?: boolean;
};

/**
 * Turns one event into a stored notification, one delivery row per recipient and one queue
 * job per delivery, all inside `trx` (a Kysely transaction, or the database itself, in which
 * case a transaction is opened here). Once the caller commits, the notification is durable
 * and its deliveries will run; if it rolls back, nothing was queued.
 */
export async function enqueueNotification(
  deps: EnqueueDeps,
  trx: Executor,
  input: EnqueueInput,
): Promise<EnqueueResult> {
  const [result] = await enqueueNotifications(deps, trx, [input]);
  return result as EnqueueResult;
}

/** Many notifications in a constant number of statements (the hub's bursts, the benchmark). */
export async function enqueueNotifications(
  deps: EnqueueDeps,
  trx: Executor,
  inputs: EnqueueInput[],
): Promise<EnqueueResult[]> {
  if (inputs.length === 0) return [];
  if (!trx.isTransaction) return trx.transaction().execute((t) => enqueueNotifications(deps, t, inputs));
  const t = trx as Transaction<Database>;

  const settings = await readSettings(t, SYSTEM_TIMEZONE);
  const clock = deps.clock ?? systemClock;
  const now = clock.now();
  const silences = await activeSilences(t, now);
  const plans = new Map<string, Awaited<ReturnType<typeof recipientsFor>>>();
  const notifications: Array<{ id: string; type: NotificationType; data: unknown; source: NotificationSource }> = [];
  const deliveries: NewDelivery[] = [];
  const results: EnqueueResult[] = [];

  for (const input of inputs) {
    const key = `${input.type}\u0000${input.onlyBindingId ?? ''}`;
    let plan = plans.get(key);
    if (!plan) {
      plan = await recipientsFor(t, deps.secretBox, settings, input.type, input.onlyBindingId);
      plans.set(key, plan);
    }
    if (plan.recipients.length === 0) {
      deps.logger.info(
        { action: 'notification_not_sent', type: input.type, source: input.source, reason: plan.reason },
        `${input.type} not sent: ${plan.reason}`,
      );
      results.push({ notificationId: null, deliveryIds: [] });
      continue;
    }
    const data = NOTIFICATIONS[input.type].data.parse(input.data);
    // Time-ordered like delivery ids: the notification index on delivery grows at its end.
    const id = uuidv7();
    notifications.push({ id, type: input.type, data, source: input.source });
    const silence = silenceFor(silences, input.type, data);
    const mine = plan.recipients.map(
      (r): NewDelivery => ({
        ...r,
        notificationId: id,
        type: input.type,
        hold: silence ? null : holdFor(r, input.type, data, settings, now, input),
        spreadMs:
          input.source === 'schedule' && CHANNEL_PACE[r.channel]({}).avoidTopOfHour
            ? topOfHourSpreadMs(r.targetId ?? r.channel, now)
            : 0,
        silence: silence ? { id: silence.id, reason: silenceReason(silence) } : null,
      }),
    );
    deliveries.push(...mine);
    results.push({ notificationId: id, deliveryIds: [], silenceId: silence?.id ?? null });
  }
  if (notifications.length === 0) return results;

  await insertNotifications(t, notifications);
  const ids = await queueDeliveries(deps, t, deliveries);
  // Hand the ids back in input order.
  let next = 0;
  for (const r of results) {
    if (r.notificationId === null) continue;
    while (next < deliveries.length && deliveries[next]?.notificationId === r.notificationId) {
      r.deliveryIds.push(ids[next] as string);
      next++;
    }
  }
  for (const r of results) {
    if (r.notificationId === null) continue;
    deps.logger.debug(
      { action: 'notification_enqueued', notificationId: r.notificationId, deliveries: r.deliveryIds.length },
      'notification queued',
    );
  }
  return results;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Delivery ids sort by
 * creation time, so the primary key serves the log's newest-first order and cursor.
 */
export function uuidv7(ms = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = ((b[6] as number) & 0x0f) | 0x70;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Inserts delivery rows and their jobs (job id = delivery id) in `trx`, and wakes the workers on commit. */
export async function queueDeliveries(
  deps: Pick<AppDeps, 'boss' | 'config'> & { clock?: Clock },
  trx: Transaction<Database>,
  deliveries: NewDelivery[],
): Promise<string[]> {
  const ids = deliveries.map(() => uuidv7());
  const clock = deps.clock ?? systemClock;
  const now = clock.now();
  const startOf = (d: NewDelivery): Date | null => {
    const at = Math.max(d.hold?.until.getTime() ?? 0, d.spreadMs ? now.getTime() + d.spreadMs : 0);
    return at > now.getTime() ? new Date(at) : null;
  };
  await insertDeliveries(
    trx,
    deliveries.map((d, i) => ({
      id: ids[i] as string,
      notification_id: d.notificationId,
      notification_type: d.type,
      target_id: d.targetId,
      target_name: d.targetName,
      binding_id: d.bindingId,
      resend_of: d.resendOf ?? null,
      channel: d.channel,
      ...(d.silence ? { status: 'skipped' as const, silence_id: d.silence.id, error: d.silence.reason } : {}),
      ...(d.hold ? { wait_reason: d.hold.reason } : {}),
      ...(d.carried ? { carried: d.carried } : {}),
      ...(d.slotBooked ? { slot_booked: true } : {}),
      next_attempt_at: startOf(d)?.toISOString() ?? null,
    })),
  );
  const jobs: JobInsert[] = [];
  deliveries.forEach((d, i) => {
    if (d.silence) return;
    const start = startOf(d);
    jobs.push(
      deliveryJob(ids[i] as string, d, deps.config.deliveryHeartbeatSeconds, {
        digestible: hasDigest(d.type),
        waits: d.hold != null,
        ...(start ? { startAfter: realTimeOf(clock, start) } : {}),
      }),
    );
  });
  const conn = fromKysely(trx);
  for (let i = 0; i < jobs.length; i += 1_000) {
    await deps.boss.insert(QUEUE_NAMES.delivery, jobs.slice(i, i + 1_000), { db: conn });
  }
  await sql`select pg_notify(${DELIVERY_WAKE_CHANNEL}, '')`.execute(trx);
  return ids;
}
