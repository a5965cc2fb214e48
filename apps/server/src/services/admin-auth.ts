import { randomToken, safeEqual, sha256Hex } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import * as sessions from '../db/repos/admin-sessions.ts';

export type AdminSession = { token: string; expiresAt: Date };

export function isAdminToken(adminToken: string, presented: string): boolean {
  return safeEqual(adminToken, presented);
}

/** Opens a session; the caller has checked the admin token. */
export async function openSession(db: Db, ttlMs: number): Promise<AdminSession> {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + ttlMs);
  await sessions.insertSession(db, sha256Hex(token), expiresAt);
  await sessions.deleteExpiredSessions(db);
  return { token, expiresAt };
}

export async function findSession(db: Db, token: string): Promise<{ expiresAt: Date } | null> {
  const row = await sessions.findLiveSession(db, sha256Hex(token));
  return row ? { expiresAt: row.expires_at } : null;
}

export function logout(db: Db, token: string): Promise<void> {
  return sessions.deleteSession(db, sha256Hex(token));
}
