/** Silences an admin set, and the deliveries they held back. */
import type { Executor } from '../database.ts';
import type { SilenceKind, SilenceRow } from '../tables/incidents.ts';

export type NewSilence = {
  kind: SilenceKind;
  value: string;
  reason: string;
  createdBy: string | null;
  startsAt: Date;
  endsAt: Date;
};

export function insertSilence(db: Executor, s: NewSilence): Promise<SilenceRow> {
  return db
    .insertInto('silence')
    .values({
      matcher_kind: s.kind,
      matcher_value: s.value,
      reason: s.reason,
      created_by: s.createdBy,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      created_at: s.startsAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findSilence(db: Executor, id: string, forUpdate = false): Promise<SilenceRow | undefined> {
  const q = db.selectFrom('silence').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Newest first; without `includeEnded`, only those not over at `now` (ended early or run out). */
export function listSilences(db: Executor, now: Date, includeEnded: boolean): Promise<SilenceRow[]> {
  let q = db.selectFrom('silence').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (!includeEnded) q = q.where('ended_at', 'is', null).where('ends_at', '>', now);
  return q.execute();
}

/** In force at `now`: started, not run out, not ended early. */
export function activeSilences(db: Executor, now: Date): Promise<SilenceRow[]> {
  return db
    .selectFrom('silence')
    .selectAll()
    .where('ends_at', '>', now)
    .where('starts_at', '<=', now)
    .where('ended_at', 'is', null)
    .execute();
}

export function endSilence(db: Executor, id: string, at: Date): Promise<SilenceRow | undefined> {
  return db
    .updateTable('silence')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** How many deliveries each silence held back. */
export async function heldBackCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('delivery')
    .select(['silence_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('silence_id', 'in', ids)
    .groupBy('silence_id')
    .execute();
  return new Map(rows.map((r) => [r.silence_id as string, Number(r.n)]));
}

/** The names Herald knows for these providers and users (matchers show them). */
export async function matcherNames(
  db: Executor,
  providerIds: string[],
  userIds: string[],
): Promise<{ providers: Map<string, string>; users: Map<string, string> }> {
  const providers = providerIds.length
    ? await db.selectFrom('hub_provider').select(['id', 'name']).where('id', 'in', providerIds).execute()
    : [];
  const users = userIds.length
    ? await db.selectFrom('hub_user').select(['id', 'name']).where('id', 'in', userIds).execute()
    : [];
  return {
    providers: new Map(providers.map((p) => [p.id, p.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}
