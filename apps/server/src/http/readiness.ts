import { sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

async function check(fn: () => Promise<unknown>): Promise<'ok' | string> {
  try {
    await withTimeout(fn(), CHECK_TIMEOUT_MS);
    return 'ok';
  } catch (err) {
    return (err as Error).message || 'failed';
  }
}

/** Database and queue both answer a query. */
export async function readiness(db: Db, boss: PgBoss) {
  const [database, queue] = await Promise.all([
    check(() => sql`select 1`.execute(db)),
    check(() => boss.getDb().executeSql('select 1')),
  ]);
  return { ready: database === 'ok' && queue === 'ok', checks: { database, queue } };
}
