import { NOTIFICATION_TYPES } from '@herald/core';
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import { ID_SLACK_MS, uuidv7Floor } from '../uuidv7-range.ts';

/**
 * Deletes in batches of `batch` rows (short transactions, no long locks on a busy log).
 * Each returns how many rows it removed in this batch; callers repeat until it is below `batch`.
 */

/** Finished deliveries created before `before` (pending ones are never touched). */
export async function pruneDeliveries(db: Executor, before: Date, batch: number): Promise<number> {
  // The id range (UUIDv7) finds the stretch through the primary key; created_at decides.
  const r = await sql`
    delete from delivery where id in (
      select id from delivery
      where id < ${uuidv7Floor(before.getTime() + ID_SLACK_MS)}::uuid and created_at < ${before}
        and status in ('delivered', 'failed', 'skipped', 'grouped')
      limit ${batch}
    )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Notifications created before `before` with no delivery left (a recent resend keeps its notification). */
export async function pruneNotifications(db: Executor, before: Date, batch: number): Promise<number> {
  const r = await sql`
    delete from notification where id in (
      select n.id from notification n
      where n.type = any(${[...NOTIFICATION_TYPES]}::text[]) and n.created_at < ${before}
        and not exists (select 1 from delivery d where d.notification_id = n.id)
      limit ${batch}
    )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Raw usage rows before `before`; the per-day rollup (usage_daily) is kept. */
export async function pruneUsageRecords(db: Executor, before: Date, batch: number): Promise<number> {
  const r = await sql`
    delete from usage_record where request_id in (
      select request_id from usage_record where created_at < ${before} limit ${batch}
    )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Alert bookkeeping nobody reads any more: breaker dedup keys and cost-alert marks of past periods. */
export async function pruneAlertState(db: Executor, dedupBefore: Date, costBefore: Date): Promise<number> {
  const dedup = await db.deleteFrom('alert_dedup').where('last_at', '<', dedupBefore).executeTakeFirst();
  const cost = await db.deleteFrom('cost_alert_sent').where('sent_at', '<', costBefore).executeTakeFirst();
  return Number(dedup.numDeletedRows) + Number(cost.numDeletedRows);
}
