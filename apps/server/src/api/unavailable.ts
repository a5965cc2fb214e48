import type { TRPCError } from '@trpc/server';
import type { DatabaseOutage } from '../db/outage.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { refusal } from '../services/refusal.ts';

export const DATABASE_UNAVAILABLE_MESSAGE = 'the database is unavailable right now: retry in a few seconds';
/** Seconds a client is told to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = 2;

type Result = { ok: true } | { ok: false; error: TRPCError };
type Ctx = { deps: { outage: DatabaseOutage }; res: { header(name: string, value: string): unknown } };

/**
 * A procedure that failed because the database cannot be reached answers 503
 * SERVICE_UNAVAILABLE with Retry-After, so a hub retries it, instead of 500 (a bug) or a
 * reset connection. Nothing was stored: its transaction never committed.
 */
export function unavailableAs503<R extends Result>(result: R, ctx: Ctx): R {
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const cause = result.error.cause ?? result.error;
  if (!isDatabaseUnavailable(cause)) return result;
  ctx.deps.outage.report('api', cause);
  ctx.res.header('retry-after', String(RETRY_AFTER_SECONDS));
  throw refusal(
    'database.unavailable',
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
    DATABASE_UNAVAILABLE_MESSAGE,
    cause,
  );
}
