import { randomBytes } from 'node:crypto';
import { NOTIFICATIONS, type NotificationType } from '@herald/core';
import { sql, type Transaction } from 'kysely';
import { fromKysely, type JobInsert } from 'pg-boss';
import type { Database, Executor } from '../db/database.ts';
import { insertDeliveries, insertNotifications } from '../db/repos/deliveries.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { NotificationSource } from '../db/tables/notification.ts';
import type { AppDeps } from '../deps.ts';
import { deliveryJob, QUEUE_NAMES } from '../jobs/queues.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
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
};

export type EnqueueResult = {
  /** Null when nobody is to receive it now (switched off, no bindings): nothing was stored. */
  notificationId: string | null;
  deliveryIds: string[];
};

export type EnqueueDeps = Pick<AppDeps, 'boss' | 'secretBox' | 'logger' | 'config'>;

/** A delivery to create (also used by `deliveries.resend`). */
export type NewDelivery = Recipient & { notificationId: string; type: NotificationType; resendOf?: string | null };

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
    const mine = plan.recipients.map((r) => ({ ...r, notificationId: id, type: input.type }));
    deliveries.push(...mine);
    results.push({ notificationId: id, deliveryIds: [] });
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
  deps: Pick<AppDeps, 'boss' | 'config'>,
  trx: Transaction<Database>,
  deliveries: NewDelivery[],
): Promise<string[]> {
  const ids = deliveries.map(() => uuidv7());
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
    })),
  );
  const jobs: JobInsert[] = ids.map((id, i) =>
    deliveryJob(id, deliveries[i] as NewDelivery, deps.config.deliveryHeartbeatSeconds),
  );
  const conn = fromKysely(trx);
  for (let i = 0; i < jobs.length; i += 1_000) {
    await deps.boss.insert(QUEUE_NAMES.delivery, jobs.slice(i, i + 1_000), { db: conn });
  }
  await sql`select pg_notify(${DELIVERY_WAKE_CHANNEL}, '')`.execute(trx);
  return ids;
}
