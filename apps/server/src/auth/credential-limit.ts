import type { Db } from '../db/database.ts';
import { countAuthFailure, deleteAuthFailuresBefore } from '../db/repos/auth-failures.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../senders/clock.ts';
import { clientAddressKey } from './client-address.ts';
import { type CredentialKind, createFailureLog } from './failure-log.ts';

/** Wrong credentials (admin bearer, login, hub key) one client address may present per window, together. */
export const CREDENTIAL_FAILURE_LIMIT = { max: 10, windowMs: 60_000 } as const;
/** Every wrong credential is answered this much later. */
export const CREDENTIAL_FAILURE_DELAY_MS = 1_000;

/** Addresses this process remembers at most; the oldest are forgotten first. */
const TRACKED_MAX = 100_000;

type Window = { start: number; failures: number; refused: number; limitLogged: boolean };

export type CredentialLimit = {
  /** Seconds until credentials from this address are checked again; 0 when they are checked now. */
  retryAfterSeconds(ip: string): number;
  /**
   * Counts a wrong credential: at once in this process (so a burst is counted guess by guess),
   * then in PostgreSQL for every process; then holds the caller for the delay.
   */
  failed(ip: string, kind: CredentialKind): Promise<void>;
};

/**
 * The shared failed-credential limit. This process decides from its own counts, synchronously,
 * between the check and the count, and adopts the shared count whenever it records a failure:
 * guesses spread over N processes are checked `max` + N − 1 times a window, not N × `max`
 * (only a burst reaching every process at the same instant could come near N × `max`).
 */
export function createCredentialLimit(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  limit?: { max: number; windowMs: number };
  delayMs?: number;
}): CredentialLimit {
  const { db, clock, logger } = deps;
  const { max, windowMs } = deps.limit ?? CREDENTIAL_FAILURE_LIMIT;
  const delayMs = deps.delayMs ?? CREDENTIAL_FAILURE_DELAY_MS;
  const now = () => clock.now().getTime();
  const log = createFailureLog(logger, now);
  const windows = new Map<string, Window>();
  let shareFailedAt = Number.NEGATIVE_INFINITY;

  /** The address's window if it is still running; an ended one is summed up and forgotten. */
  function current(key: string, t: number): Window | null {
    const w = windows.get(key);
    if (!w) return null;
    if (t - w.start < windowMs) return w;
    if (w.refused > 0) log.windowSummary(key, w.failures, w.refused);
    windows.delete(key);
    return null;
  }

  /** Keeps the map bounded when very many addresses fail at once (PostgreSQL still counts them all). */
  function makeRoom(t: number): void {
    for (const key of windows.keys()) current(key, t);
    for (const key of windows.keys()) {
      if (windows.size < TRACKED_MAX) break;
      windows.delete(key);
    }
  }

  async function share(key: string, w: Window, t: number): Promise<void> {
    try {
      const shared = await countAuthFailure(db, key, new Date(t), windowMs);
      const start = shared.windowStart.getTime();
      if (start === w.start) w.failures = Math.max(w.failures, shared.failures);
      else if (t - start < windowMs) Object.assign(w, { start, failures: Math.max(shared.failures, 1) });
      if (shared.failures === 1) await deleteAuthFailuresBefore(db, new Date(t - 2 * windowMs));
    } catch (err) {
      // Counted here all the same; other processes learn of it when the database is back.
      if (t - shareFailedAt >= windowMs) {
        shareFailedAt = t;
        logger.warn(
          { action: 'credential_limit_unshared', err: (err as Error).message },
          'wrong credential not shared',
        );
      }
    }
  }

  return {
    retryAfterSeconds(ip) {
      const key = clientAddressKey(ip);
      const t = now();
      const w = current(key, t);
      if (!w || w.failures < max) return 0;
      w.refused += 1;
      return Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
    },

    async failed(ip, kind) {
      const key = clientAddressKey(ip);
      const t = now();
      let w = current(key, t);
      if (!w) {
        if (windows.size >= TRACKED_MAX) makeRoom(t);
        w = { start: t, failures: 0, refused: 0, limitLogged: false };
        windows.set(key, w);
      }
      w.failures += 1;
      if (w.failures === 1) log.firstFailure(key, kind);
      await share(key, w, t);
      if (w.failures >= max && !w.limitLogged) {
        w.limitLogged = true;
        log.limitReached(key, kind, w.failures, Math.ceil((w.start + windowMs - t) / 1000));
      }
      await clock.sleep(delayMs);
    },
  };
}
