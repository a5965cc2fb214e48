/**
 * The Overview's reads. Every one is bounded by an index, whatever the size of the log:
 * - deliveries per local day: a primary-key range (ids are UUIDv7, so a time range is an id range);
 * - failures in 24 h: the partial status index (failed rows only), grouped by target;
 * - each enabled target's last finished delivery: the head of its (target_id, id desc) index;
 * - circuit-breaker alerts: notification (type, created_at desc), and their deliveries through
 *   (notification_type, id desc) over the same stretch of time.
 */
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { DeliveryStatus } from '../tables/delivery.ts';
import { ID_SLACK_MS, uuidv7Floor } from '../uuidv7-range.ts';

/**
 * Deliveries created in each of the consecutive ranges [bounds[i], bounds[i+1]), by status.
 * `bucket` is the range's index (0-based).
 */
export async function deliveryCountsByBucket(
  db: Executor,
  bounds: Date[],
): Promise<Array<{ bucket: number; status: DeliveryStatus; n: number }>> {
  const first = bounds[0];
  const last = bounds.at(-1);
  if (!first || !last || bounds.length < 2) return [];
  const { rows } = await sql<{ b: number; status: DeliveryStatus; n: number }>`
    select width_bucket(created_at, ${bounds.map((b) => b.toISOString())}::timestamptz[]) as b, status, count(*)::int4 as n
    from delivery
    where id >= ${uuidv7Floor(first.getTime() - ID_SLACK_MS)}::uuid and id < ${uuidv7Floor(last.getTime() + ID_SLACK_MS)}::uuid
      and created_at >= ${first} and created_at < ${last}
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ bucket: r.b - 1, status: r.status, n: r.n }));
}

export type TargetHealthRow = {
  id: string;
  name: string;
  provider_type: string;
  last_test_at: Date | null;
  last_test_result: Record<string, unknown> | null;
  /** The newest delivered or failed delivery, if any. */
  last_status: 'delivered' | 'failed' | null;
  last_error: string | null;
  last_at: Date | null;
};

/** Every enabled target with its last connectivity test and its newest finished delivery. */
export async function enabledTargetHealth(db: Executor): Promise<TargetHealthRow[]> {
  const { rows } = await sql<TargetHealthRow>`
    select t.id, t.name, t.provider_type, t.last_test_at, t.last_test_result,
      d.status as last_status, d.error as last_error, coalesce(d.finished_at, d.updated_at) as last_at
    from target t
    left join lateral (
      select status, error, finished_at, updated_at from delivery
      where target_id = t.id and status in ('delivered', 'failed')
      order by id desc limit 1
    ) d on true
    where t.is_enabled`.execute(db);
  return rows;
}

/** Failed deliveries created since `since`, per target. */
export async function failuresByTarget(db: Executor, since: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ target_id: string; n: number }>`
    select target_id, count(*)::int4 as n from delivery
    where status = 'failed' and id >= ${uuidv7Floor(since.getTime() - ID_SLACK_MS)}::uuid
      and created_at >= ${since} and target_id is not null
    group by target_id`.execute(db);
  return new Map(rows.map((r) => [r.target_id, r.n]));
}

export type RecentNotificationRow = { id: string; data: unknown; created_at: Date };

/** Notifications of one type created since `since`, newest first. */
export async function recentNotifications(
  db: Executor,
  type: string,
  since: Date,
  limit: number,
): Promise<RecentNotificationRow[]> {
  return db
    .selectFrom('notification')
    .select(['id', 'data', 'created_at'])
    .where('type', '=', type)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The deliveries of these notifications (all of `type`, none created before `since`), by status. */
export async function deliveryStatusByNotification(
  db: Executor,
  type: string,
  ids: string[],
  since: Date,
): Promise<Array<{ notificationId: string; status: DeliveryStatus; n: number }>> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ notification_id: string; status: DeliveryStatus; n: number }>`
    select notification_id, status, count(*)::int4 as n from delivery
    where notification_type = ${type} and id >= ${uuidv7Floor(since.getTime() - ID_SLACK_MS)}::uuid
      and notification_id = any(${ids}::uuid[])
    group by 1, 2`.execute(db);
  return rows.map((r) => ({ notificationId: r.notification_id, status: r.status, n: r.n }));
}
