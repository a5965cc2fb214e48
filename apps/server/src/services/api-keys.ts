import type { ApiKeySummary, CreatedApiKey } from '@herald/core';
import { generateApiKey, sha256Hex } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import * as repo from '../db/repos/api-keys.ts';
import type { ApiKeyRow } from '../db/tables/api-key.ts';

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

export async function createApiKey(db: Db, name: string): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const row = await repo.insertApiKey(db, { name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: sha256Hex(key) });
  return { ...toSummary(row), key };
}

export async function listApiKeys(db: Db): Promise<ApiKeySummary[]> {
  return (await repo.listApiKeys(db)).map(toSummary);
}

export async function revokeApiKey(db: Db, id: string): Promise<ApiKeySummary | null> {
  const row = await repo.revokeApiKey(db, id);
  return row ? toSummary(row) : null;
}

/** The hub behind a presented key, or null when the key is unknown or revoked. */
export async function authenticateApiKey(db: Db, key: string): Promise<{ id: string; name: string } | null> {
  // Hash lookup: the stored value is a SHA-256 of a 256-bit random key, so no timing leak helps.
  const row = await repo.findActiveApiKeyByHash(db, sha256Hex(key));
  if (!row) return null;
  await repo.touchApiKey(db, row.id);
  return { id: row.id, name: row.name };
}
