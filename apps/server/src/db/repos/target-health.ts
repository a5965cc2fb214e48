/**
 * The Targets page's health reads, one statement, every part bounded by an index per target:
 * - the newest finished delivery: the head of (target_id, id desc), skipping unfinished rows;
 * - the newest failure: the head of the partial (target_id, id desc) where status = 'failed';
 * - the 24 h counts: a (target_id, id) range of that same index (ids are UUIDv7, so the window
 *   is an id range), rechecked on created_at.
 */
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import { ID_SLACK_MS, uuidv7Floor } from '../uuidv7-range.ts';

export type HealthDeliveryRow = {
  id: string;
  status: 'delivered' | 'failed';
  error: string | null;
  status_code: number | null;
  at: Date;
};

export type TargetHealthRow = {
  target_id: string;
  last_test_at: Date | null;
  last_test_result: Record<string, unknown> | null;
  last: HealthDeliveryRow | null;
  failure: HealthDeliveryRow | null;
  delivered: number;
  failed: number;
};

/** Every target (in the list's order) with its newest outcome, newest failure and counts of deliveries created since `since`. */
export async function targetHealthRows(db: Executor, since: Date): Promise<TargetHealthRow[]> {
  const { rows } = await targetHealthQuery(since).execute(db);
  // to_jsonb gives the timestamps as strings.
  const at = (d: HealthDeliveryRow | null) => (d ? { ...d, at: new Date(d.at) } : null);
  return rows.map((r) => ({ ...r, last: at(r.last), failure: at(r.failure) }));
}

/** The statement itself (a test reads its plan). */
export function targetHealthQuery(since: Date) {
  return sql<TargetHealthRow>`
    select t.id as target_id, t.last_test_at, t.last_test_result,
      to_jsonb(l) as last, to_jsonb(f) as failure, w.delivered, w.failed
    from target t
    left join lateral (
      select id, status, error, status_code, coalesce(finished_at, updated_at) as at from delivery
      where target_id = t.id and status in ('delivered', 'failed')
      order by id desc limit 1
    ) l on true
    left join lateral (
      select id, status, error, status_code, coalesce(finished_at, updated_at) as at from delivery
      where target_id = t.id and status = 'failed'
      order by id desc limit 1
    ) f on true
    cross join lateral (
      select count(*) filter (where status = 'delivered')::int4 as delivered,
             count(*) filter (where status = 'failed')::int4 as failed
      from delivery
      where target_id = t.id
        and id >= ${uuidv7Floor(since.getTime() - ID_SLACK_MS)}::uuid
        and created_at >= ${since}
        and status in ('delivered', 'failed')
    ) w
    order by t.created_at`;
}
