import { sql } from 'kysely';
import type { Db, Executor } from '../database.ts';
import type { ApiKeyRow } from '../tables/api-key.ts';

export function insertApiKey(db: Executor, row: { name: string; prefix: string; keyHash: string }): Promise<ApiKeyRow> {
  return db
    .insertInto('api_key')
    .values({ name: row.name, prefix: row.prefix, key_hash: row.keyHash })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_key').selectAll().orderBy('created_at', 'desc').execute();
}

/** Revokes once; a second revoke keeps the first time. Undefined when no such key. */
export function revokeApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_key')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findActiveApiKeyByHash(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_key')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Records use at most once a minute per key, so busy hubs do not write on every call. */
export async function touchApiKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_key')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]),
    )
    .execute();
}
