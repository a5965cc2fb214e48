import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/database.ts';
import { isAdminToken } from '../services/admin-auth.ts';
import { findHubByKey, looksLikeApiKey } from '../services/api-keys.ts';
import type { CredentialLimit } from './credential-limit.ts';
import { bearerToken } from './tokens.ts';

/** What the `Authorization: Bearer` header of a request turned out to be, decided once per request. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'admin' }
  | { kind: 'hub'; hub: { id: string; name: string } }
  | { kind: 'wrong' }
  | { kind: 'limited'; retryAfterSeconds: number };

/**
 * Checks a presented bearer token. A valid hub key passes even while its address is limited:
 * 256 random bits cannot be guessed, so a guesser behind the same address cannot lock a hub
 * out. Anything else waits for the limit, then is compared with the admin token; a wrong one
 * is counted and delayed.
 */
export async function checkBearer(
  deps: { db: Db; adminToken: string; limit: CredentialLimit },
  ip: string,
  bearer: string,
): Promise<Credential> {
  if (looksLikeApiKey(bearer)) {
    const hub = await findHubByKey(deps.db, bearer);
    if (hub) return { kind: 'hub', hub };
  }
  // Nothing awaits from the check to the count: a burst of guesses is counted guess by guess.
  const retryAfterSeconds = deps.limit.retryAfterSeconds(ip);
  if (retryAfterSeconds > 0) return { kind: 'limited', retryAfterSeconds };
  if (isAdminToken(deps.adminToken, bearer)) return { kind: 'admin' };
  await deps.limit.failed(ip, looksLikeApiKey(bearer) ? 'hub_key' : 'admin_token');
  return { kind: 'wrong' };
}

const checked = new WeakMap<IncomingMessage, Promise<Credential>>();

/** The request's bearer token, checked once however many procedures a batch holds. */
export function credentialOf(
  deps: { db: Db; adminToken: string; limit: CredentialLimit },
  req: { raw: IncomingMessage; ip: string; headers: { authorization?: string | undefined } },
): Promise<Credential> {
  let found = checked.get(req.raw);
  if (!found) {
    const bearer = bearerToken(req.headers.authorization);
    found = bearer ? checkBearer(deps, req.ip, bearer) : Promise.resolve({ kind: 'none' } as const);
    checked.set(req.raw, found);
  }
  return found;
}
