import { sql } from 'kysely';
import type { Db } from '../database.ts';

export async function insertSession(db: Db, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.insertInto('admin_session').values({ token_hash: tokenHash, expires_at: expiresAt }).execute();
}

export function findLiveSession(db: Db, tokenHash: string): Promise<{ expires_at: Date } | undefined> {
  return db
    .selectFrom('admin_session')
    .select('expires_at')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('admin_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const r = await db.deleteFrom('admin_session').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
