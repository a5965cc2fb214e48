import type { NotificationType } from '@herald/core';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { insertNotifications } from '../db/repos/deliveries.ts';
import { releaseBookings } from '../db/repos/pace.ts';
import type { CarriedDelivery } from '../db/tables/delivery.ts';
import type { AppDeps } from '../deps.ts';
import { type NewDelivery, queueDeliveries, uuidv7 } from './enqueue.ts';

/** A digest notification's data: the carried notifications' data, in order; a later part says where it starts. */
export type DigestData = { items: unknown[]; partOffset?: number; partTotal?: number };

type Waiting = {
  id: string;
  notification_id: string;
  notification_type: string;
  target_id: string | null;
  target_name: string | null;
  binding_id: string | null;
  channel: string;
  slot_booked: boolean;
  carried: CarriedDelivery[] | null;
  kind: string;
  data: unknown;
  source: string;
};

type DigestDeps = Pick<AppDeps, 'boss' | 'config' | 'clock' | 'logger'>;

/**
 * Gathers the deliveries of one target and type that are waiting to go (a grouping wait that
 * another's ended, the target's pace, a platform's limit, quiet hours that are over) into one
 * digest delivery, queued at once. Each gathered delivery stays in the log as `grouped`, pointing
 * at the digest, which lists them; a waiting digest is merged into the new one. Rows another run
 * holds are skipped (SKIP LOCKED), so processes gathering the same group never carry one twice.
 * Returns the digest delivery's id, or null when fewer than two were waiting.
 */
export async function gatherGroup(
  deps: DigestDeps,
  db: Db,
  group: string,
  paceDigests: boolean,
): Promise<string | null> {
  const [key, type] = splitGroup(group);
  const now = deps.clock.now();
  const reasons = paceDigests ? ['grouping', 'quiet_hours', 'pace', 'platform_limit'] : ['grouping', 'quiet_hours'];
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Waiting>`
      select d.id, d.notification_id, d.notification_type, d.target_id, d.target_name, d.binding_id, d.channel,
             d.slot_booked, d.carried, n.kind, n.data, n.source
        from delivery d join notification n on n.id = d.notification_id
       where ${key.startsWith('legacy:') ? sql`d.target_id is null` : sql`d.target_id = ${key}::uuid`}
         and d.notification_type = ${type} and d.status = 'pending'
         and d.wait_reason = any(${reasons}::text[])
         and (d.wait_reason <> 'quiet_hours' or d.next_attempt_at <= ${now})
       order by d.id
       for update of d skip locked`.execute(trx);
    if (rows.length < 2) return null;

    const items: unknown[] = [];
    const carried: CarriedDelivery[] = [];
    for (const r of rows) {
      if (r.kind === 'digest') {
        items.push(...((r.data as DigestData).items ?? []));
        carried.push(...(r.carried ?? []));
      } else {
        items.push(r.data);
        carried.push({ deliveryId: r.id, notificationId: r.notification_id });
      }
    }
    const first = rows[0] as Waiting;
    const booked = rows.some((r) => r.slot_booked);
    const digestId = await queueDigest(deps, trx, first, { items }, carried, booked, first.source);

    const alerts = rows.filter((r) => r.kind !== 'digest').map((r) => r.id);
    const digests = rows.filter((r) => r.kind === 'digest');
    if (alerts.length > 0) {
      await trx
        .updateTable('delivery')
        .set({
          status: 'grouped',
          digest_id: digestId,
          wait_reason: null,
          next_attempt_at: null,
          finished_at: now,
          updated_at: now,
        })
        .where('id', 'in', alerts)
        .execute();
    }
    if (digests.length > 0) {
      // A digest that never went out is merged: what it carried now points at the new one.
      const old = digests.map((r) => r.id);
      await trx.updateTable('delivery').set({ digest_id: digestId }).where('digest_id', 'in', old).execute();
      await trx.deleteFrom('delivery').where('id', 'in', old).execute();
      await trx
        .deleteFrom('notification')
        .where(
          'id',
          'in',
          digests.map((r) => r.notification_id),
        )
        .execute();
    }
    if (booked) await releaseBookings(trx, key);
    deps.logger.info(
      { action: 'digest_gathered', digestDeliveryId: digestId, type, carried: carried.length },
      `${carried.length} ${type} notifications gathered into one digest`,
    );
    return digestId;
  });
}

/**
 * Queues what a digest delivery could not carry within its platform's size limit as the next
 * part: a new digest delivery for the same recipient, carrying the rest.
 */
export async function splitOffRest(
  deps: DigestDeps,
  db: Db,
  d: Pick<
    Waiting,
    'id' | 'notification_type' | 'target_id' | 'target_name' | 'binding_id' | 'channel' | 'carried' | 'source'
  > & {
    data: unknown;
  },
  keep: number[],
  rest: number[],
  part: { offset: number; total: number },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const items = (d.data as DigestData).items;
    const carried = d.carried ?? [];
    const restCarried = rest.flatMap((i) => (carried[i] ? [carried[i] as CarriedDelivery] : []));
    const id = await queueDigest(
      deps,
      trx,
      d,
      { items: rest.map((i) => items[i]), partOffset: part.offset + 1, partTotal: part.total },
      restCarried,
      false,
      d.source,
    );
    await trx
      .updateTable('delivery')
      .set({ carried: JSON.stringify(keep.flatMap((i) => (carried[i] ? [carried[i]] : []))) })
      .where('id', '=', d.id)
      .execute();
    if (restCarried.length > 0) {
      await trx
        .updateTable('delivery')
        .set({ digest_id: id })
        .where(
          'id',
          'in',
          restCarried.map((c) => c.deliveryId),
        )
        .execute();
    }
    return id;
  });
}

async function queueDigest(
  deps: DigestDeps,
  trx: Transaction<Database>,
  like: Pick<Waiting, 'notification_type' | 'target_id' | 'target_name' | 'binding_id' | 'channel'>,
  data: DigestData,
  carried: CarriedDelivery[],
  slotBooked: boolean,
  source: string,
): Promise<string> {
  const notificationId = uuidv7();
  await insertNotifications(trx, [{ id: notificationId, type: like.notification_type, data, source, kind: 'digest' }]);
  const recipient: NewDelivery = {
    notificationId,
    type: like.notification_type as NotificationType,
    targetId: like.target_id,
    targetName: like.target_name,
    bindingId: like.binding_id,
    channel: like.channel as NewDelivery['channel'],
    carried,
    slotBooked,
  };
  const [id] = await queueDeliveries(deps, trx, [recipient]);
  return id as string;
}

/** `<target id or legacy:type>|<type>` → its parts. */
function splitGroup(group: string): [key: string, type: string] {
  const at = group.lastIndexOf('|');
  return [group.slice(0, at), group.slice(at + 1)];
}
