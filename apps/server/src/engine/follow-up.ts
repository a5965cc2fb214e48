/**
 * A follow-up (a recovery) goes to whoever was told about the original notification, not to
 * whoever is bound to the type now: the people who saw "opened" are the ones to hear "recovered".
 */
import { type ChannelType, NOTIFICATIONS, type NotificationType } from '@herald/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { insertNotifications } from '../db/repos/deliveries.ts';
import type { SilenceRow } from '../db/tables/incidents.ts';
import type { NotificationSource } from '../db/tables/notification.ts';
import type { AppDeps } from '../deps.ts';
import { activeSilences, silenceFor } from '../services/silences.ts';
import { type EnqueueDeps, type EnqueueResult, type NewDelivery, queueDeliveries, uuidv7 } from './enqueue.ts';
import { silenceReason } from './hold.ts';

export type FollowUpInput = {
  type: NotificationType;
  data: unknown;
  /** The notification whose recipients get this one. */
  to: string;
  source?: NotificationSource;
};

export type FollowUpResult = EnqueueResult & {
  /** Set when a silence held it back: the deliveries are logged as skipped, not sent. */
  silencedBy: SilenceRow | null;
};

/**
 * The distinct recipients of a notification's deliveries (a resend is the same recipient; a
 * skipped delivery told nobody). A binding that was removed or replaced since is swapped for
 * the target's binding of the type now, or left out: the target itself is what was told.
 */
async function recipientsOf(trx: Transaction<Database>, notificationId: string, type: NotificationType) {
  const rows = await trx
    .selectFrom('delivery')
    .select(['target_id', 'target_name', 'binding_id', 'channel'])
    .distinct()
    .where('notification_id', '=', notificationId)
    .where('status', '<>', 'skipped')
    .orderBy('target_id')
    .orderBy('channel')
    .execute();
  const targetIds = [...new Set(rows.flatMap((r) => (r.target_id ? [r.target_id] : [])))];
  const bindings = targetIds.length
    ? await trx
        .selectFrom('binding')
        .select(['id', 'target_id'])
        .where('notification_type', '=', type)
        .where('target_id', 'in', targetIds)
        .orderBy('is_enabled', 'desc')
        .orderBy('created_at')
        .execute()
    : [];
  const current = new Map<string, string>();
  for (const b of bindings) if (!current.has(b.target_id)) current.set(b.target_id, b.id);
  const stillBound = new Set(bindings.map((b) => b.id));

  const seen = new Set<string>();
  const out: Array<Omit<NewDelivery, 'notificationId' | 'type'>> = [];
  for (const r of rows) {
    const key = `${r.target_id ?? ''}\u0000${r.channel}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bindingId =
      r.target_id === null
        ? null
        : r.binding_id && stillBound.has(r.binding_id)
          ? r.binding_id
          : (current.get(r.target_id) ?? null);
    out.push({ targetId: r.target_id, targetName: r.target_name, bindingId, channel: r.channel as ChannelType });
  }
  return out;
}

/**
 * Stores a notification of `type` and one delivery per distinct recipient of notification
 * `to`, queued like any other (or logged as skipped when a silence holds it back), all in the
 * caller's transaction. No quiet-hours or grouping hold: a recovery follows its alert at once.
 * Nobody to tell (the original reached no one): nothing is stored.
 */
export async function enqueueFollowUp(
  deps: EnqueueDeps & Pick<AppDeps, 'clock'>,
  trx: Transaction<Database>,
  input: FollowUpInput,
): Promise<FollowUpResult> {
  const recipients = await recipientsOf(trx, input.to, input.type);
  if (recipients.length === 0) {
    deps.logger.info(
      {
        action: 'notification_not_sent',
        type: input.type,
        followUpOf: input.to,
        reason: 'the original reached no one',
      },
      `${input.type} follow-up not sent: the original reached no one`,
    );
    return { notificationId: null, deliveryIds: [], silencedBy: null };
  }
  const data = NOTIFICATIONS[input.type].data.parse(input.data);
  const now = deps.clock.now();
  const id = uuidv7();
  await insertNotifications(trx, [{ id, type: input.type, data, source: input.source ?? 'hub' }]);
  // Held back by a silence: logged as skipped (the silence lists it), never queued.
  const silence = silenceFor(await activeSilences(trx, now), input.type, data);
  const deliveries: NewDelivery[] = recipients.map((r) => ({
    ...r,
    notificationId: id,
    type: input.type,
    silence: silence ? { id: silence.id, reason: silenceReason(silence) } : null,
  }));
  const deliveryIds = await queueDeliveries(deps, trx, deliveries);
  deps.logger.debug(
    { action: 'notification_enqueued', notificationId: id, followUpOf: input.to, deliveries: deliveryIds.length },
    silence ? 'follow-up held back by a silence' : 'follow-up queued',
  );
  return { notificationId: id, deliveryIds, silencedBy: silence };
}
