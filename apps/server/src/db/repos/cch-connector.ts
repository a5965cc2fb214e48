import type { CchBreakerState } from '@herald/core';
import type { Updateable } from 'kysely';
import type { Executor } from '../database.ts';
import type { CchBreakerSeenRow, CchConnectorRow, CchConnectorTable } from '../tables/cch-connector.ts';

/** The connector's row (created switched off on first read). */
export async function readCchConnector(db: Executor, lock = false): Promise<CchConnectorRow> {
  await db
    .insertInto('cch_connector')
    .values({ id: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  let q = db.selectFrom('cch_connector').selectAll().where('id', '=', 1);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export type CchConnectorPatch = Omit<Updateable<CchConnectorTable>, 'id' | 'updated_at'>;

export async function writeCchConnector(db: Executor, patch: CchConnectorPatch, now: Date): Promise<CchConnectorRow> {
  return db
    .updateTable('cch_connector')
    .set({ ...patch, updated_at: now })
    .where('id', '=', 1)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The last poll's outcome; not a settings change (updated_at stays). */
export async function recordCchPoll(
  db: Executor,
  poll: { at: Date; ok: boolean; error: string | null; providers: number | null; notClosed: number | null },
): Promise<void> {
  await db
    .updateTable('cch_connector')
    .set({
      last_poll_at: poll.at,
      last_poll_ok: poll.ok,
      last_poll_error: poll.error,
      last_poll_providers: poll.providers,
      last_poll_not_closed: poll.notClosed,
    })
    .where('id', '=', 1)
    .execute();
}

export async function seenBreakers(db: Executor): Promise<Map<string, CchBreakerSeenRow>> {
  const rows = await db.selectFrom('cch_breaker_seen').selectAll().execute();
  return new Map(rows.map((r) => [r.provider_id, r]));
}

export type SeenBreaker = { providerId: string; state: CchBreakerState; failureCount: number; openUntil: Date | null };

/** Exactly these breakers as seen now: the others (providers gone from CCH) are forgotten. */
export async function replaceSeenBreakers(db: Executor, seen: SeenBreaker[], at: Date): Promise<void> {
  const ids = seen.map((s) => s.providerId);
  let gone = db.deleteFrom('cch_breaker_seen');
  if (ids.length > 0) gone = gone.where('provider_id', 'not in', ids);
  await gone.execute();
  if (seen.length === 0) return;
  await db
    .insertInto('cch_breaker_seen')
    .values(
      seen.map((s) => ({
        provider_id: s.providerId,
        state: s.state,
        failure_count: s.failureCount,
        open_until: s.openUntil,
        seen_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.column('provider_id').doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        failure_count: eb.ref('excluded.failure_count'),
        open_until: eb.ref('excluded.open_until'),
        seen_at: eb.ref('excluded.seen_at'),
      })),
    )
    .execute();
}

export async function forgetSeenBreakers(db: Executor): Promise<void> {
  await db.deleteFrom('cch_breaker_seen').execute();
}

/** Providers' own breakers Herald holds open, with when they opened. */
export async function openHeraldBreakers(db: Executor, providerIds: string[]): Promise<Map<string, Date | null>> {
  if (providerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('breaker_state')
    .select(['provider_id', 'opened_at'])
    .where('provider_id', 'in', providerIds)
    .where('endpoint_id', '=', '')
    .where('state', '=', 'open')
    .execute();
  return new Map(rows.map((r) => [r.provider_id, r.opened_at]));
}

/** Names Herald knows for these providers (the hub's, or learned from CCH). */
export async function providerNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('hub_provider').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.name.trim() !== '').map((r) => [r.id, r.name]));
}
