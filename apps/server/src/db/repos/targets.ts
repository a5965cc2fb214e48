import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../database.ts';
import type { TargetRow, TargetTable } from '../tables/target.ts';

export function listTargets(db: Executor): Promise<TargetRow[]> {
  return db.selectFrom('target').selectAll().orderBy('created_at').execute();
}

export function findTarget(db: Executor, id: string, forUpdate = false): Promise<TargetRow | undefined> {
  const q = db.selectFrom('target').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function findTargets(db: Executor, ids: string[]): Promise<TargetRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('target').selectAll().where('id', 'in', ids).execute();
}

export async function countTargets(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('target')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertTarget(db: Executor, values: Insertable<TargetTable>): Promise<TargetRow> {
  return db.insertInto('target').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTarget(db: Executor, id: string, values: Updateable<TargetTable>): Promise<TargetRow> {
  return db.updateTable('target').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function deleteTarget(db: Executor, id: string): Promise<TargetRow | undefined> {
  return db.deleteFrom('target').where('id', '=', id).returningAll().executeTakeFirst();
}

export async function recordTest(db: Executor, id: string, at: Date, result: unknown): Promise<void> {
  await db
    .updateTable('target')
    .set({ last_test_at: at, last_test_result: JSON.stringify(result) })
    .where('id', '=', id)
    .execute();
}
