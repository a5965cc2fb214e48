import { sql } from 'kysely';
import type { Executor } from '../database.ts';

/**
 * Counts one wrong credential for an address, in one statement so concurrent processes
 * add up: a window older than `windowMs` starts again at `now`.
 */
export async function countAuthFailure(
  db: Executor,
  address: string,
  now: Date,
  windowMs: number,
): Promise<{ failures: number; windowStart: Date }> {
  const expired = sql<boolean>`auth_failure.window_start <= ${now}::timestamptz - make_interval(secs => ${windowMs / 1000})`;
  const row = await db
    .insertInto('auth_failure')
    .values({ address, window_start: now, failures: 1 })
    .onConflict((oc) =>
      oc.column('address').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else auth_failure.failures + 1 end`,
        window_start: sql<Date>`case when ${expired} then excluded.window_start else auth_failure.window_start end`,
      }),
    )
    .returning(['failures', 'window_start'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, windowStart: row.window_start };
}

/** Forgets windows that ended before `before`. */
export async function deleteAuthFailuresBefore(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('auth_failure').where('window_start', '<', before).execute();
}
