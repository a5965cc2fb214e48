import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * Claims the right to alert for `key` unless it was claimed less than `windowMs` ago — one
 * atomic statement, so concurrent processes cannot both win.
 */
export async function claimDedup(db: Executor, key: string, now: Date, windowMs: number): Promise<boolean> {
  const cutoff = new Date(now.getTime() - windowMs);
  const r = await db
    .insertInto('alert_dedup')
    .values({ key, last_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_at: now }).where('alert_dedup.last_at', '<=', cutoff))
    .returning('key')
    .executeTakeFirst();
  return r !== undefined;
}

export type SentKey = {
  scope: string;
  entityType: string;
  entityId: string;
  window: string;
  periodStart: Date;
  level: number;
};

/** Records an alert as sent; false when it already was (another check won). */
export async function markCostAlertSent(db: Executor, k: SentKey, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('cost_alert_sent')
    .values({
      scope: k.scope,
      entity_type: k.entityType,
      entity_id: k.entityId,
      window: k.window,
      period_start: k.periodStart,
      level: k.level,
      sent_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('scope')
    .executeTakeFirst();
  return r !== undefined;
}

/** The highest level already sent for this entity and window in the period (0 when none). */
export async function sentLevels(db: Executor, scope: string, periodStarts: { window: string; periodStart: Date }[]) {
  if (periodStarts.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('cost_alert_sent')
    .select(['entity_type', 'entity_id', 'window', sql<string>`max(level)`.as('level')])
    .where('scope', '=', scope)
    .where((eb) =>
      eb.or(periodStarts.map((p) => eb.and([eb('window', '=', p.window), eb('period_start', '=', p.periodStart)]))),
    )
    .groupBy(['entity_type', 'entity_id', 'window'])
    .execute();
  return new Map(rows.map((r) => [`${r.entity_type}:${r.entity_id}:${r.window}`, Number(r.level)]));
}
