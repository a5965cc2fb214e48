import type { ApiKeySummary, CreatedApiKey } from '@herald/core';
import { API_KEY_PATTERN, generateApiKey, sha256Hex } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import * as repo from '../db/repos/api-keys.ts';
import type { ApiKeyRow } from '../db/tables/api-key.ts';
import { recordAudit } from './audit.ts';

const SHOWN_PREFIX_LENGTH = 12;

function toSummary(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function createApiKey(db: Db, name: string, actor: string): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const row = await db.transaction().execute(async (trx) => {
    const created = await repo.insertApiKey(trx, {
      name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      keyHash: sha256Hex(key),
    });
    await recordAudit(trx, {
      actor,
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: created.id,
      before: null,
      after: toSummary(created),
    });
    return created;
  });
  return { ...toSummary(row), key };
}

export async function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  return (await repo.listApiKeys(db)).map(toSummary);
}

export async function revokeApiKey(db: Db, id: string, actor: string): Promise<ApiKeySummary | null> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findApiKey(trx, id);
    const row = await repo.revokeApiKey(trx, id);
    if (!row) return null;
    await recordAudit(trx, {
      actor,
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before: before ? toSummary(before) : null,
      after: toSummary(row),
    });
    return toSummary(row);
  });
}

/** Whether a bearer token has the shape of a hub key: only those are looked up. */
export function looksLikeApiKey(token: string): boolean {
  return API_KEY_PATTERN.test(token);
}

/** The hub behind a presented key, or null when the key is unknown or revoked. */
export async function findHubByKey(db: Db, key: string): Promise<{ id: string; name: string } | null> {
  // Hash lookup: the stored value is a SHA-256 of a 256-bit random key, so no timing leak helps.
  const row = await repo.findActiveApiKeyByHash(db, sha256Hex(key));
  return row ? { id: row.id, name: row.name } : null;
}

/** Records that a hub used its key (at most once a minute per key). */
export function recordApiKeyUse(db: Db, id: string): Promise<void> {
  return repo.touchApiKey(db, id);
}
