/**
 * Each breaker as Herald last heard of it (recovery and flapping follow from it): a provider's
 * own, and each of its endpoints' apart.
 */
import { sql } from 'kysely';
import type { Executor } from '../database.ts';
import type { BreakerStateRow, BreakerTransition } from '../tables/incidents.ts';

/** Whose breaker: the provider's own (`endpointId` null) or one endpoint of it. */
export type BreakerKey = { providerId: string; endpointId: string | null };

/** The `endpoint_id` column: '' is the provider's own breaker (a hub's endpoint id is never empty). */
const endpointColumn = (k: BreakerKey): string => k.endpointId ?? '';

export type NewOpening = BreakerKey & {
  providerName: string;
  endpointUrl: string | null;
  failureCount: number;
  retryAt: Date;
  at: Date;
};

/**
 * The first opening Herald hears of for a breaker: inserted open, or undefined when the
 * breaker already has a row (then `lockBreaker` it). Concurrent first reports wait for each
 * other here, so only one of them sees the row as new.
 */
export function insertOpenBreaker(db: Executor, o: NewOpening): Promise<BreakerStateRow | undefined> {
  return db
    .insertInto('breaker_state')
    .values({
      provider_id: o.providerId,
      endpoint_id: endpointColumn(o),
      endpoint_url: o.endpointUrl,
      state: 'open',
      provider_name: o.providerName,
      opened_at: o.at,
      failure_count: o.failureCount,
      retry_at: o.retryAt,
      transitions: JSON.stringify([{ state: 'open', at: o.at.toISOString() }] satisfies BreakerTransition[]),
      updated_at: o.at,
    })
    .onConflict((oc) => oc.columns(['provider_id', 'endpoint_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The breaker's row, locked until the transaction ends (one report at a time decides). */
export function lockBreaker(db: Executor, key: BreakerKey): Promise<BreakerStateRow | undefined> {
  return db
    .selectFrom('breaker_state')
    .selectAll()
    .where('provider_id', '=', key.providerId)
    .where('endpoint_id', '=', endpointColumn(key))
    .forUpdate()
    .executeTakeFirst();
}

export type BreakerPatch = Partial<
  Pick<
    BreakerStateRow,
    | 'state'
    | 'provider_name'
    | 'endpoint_url'
    | 'opened_at'
    | 'closed_at'
    | 'failure_count'
    | 'retry_at'
    | 'alert_notification_id'
    | 'flapping_since'
  >
> & { transitions?: BreakerTransition[] };

export async function updateBreaker(db: Executor, key: BreakerKey, patch: BreakerPatch, at: Date): Promise<void> {
  const { transitions, ...rest } = patch;
  await db
    .updateTable('breaker_state')
    .set({ ...rest, ...(transitions ? { transitions: JSON.stringify(transitions) } : {}), updated_at: at })
    .where('provider_id', '=', key.providerId)
    .where('endpoint_id', '=', endpointColumn(key))
    .execute();
}

/**
 * Providers' own breakers open now among these providers, with when they may close (the
 * intake's successes close them; usage does not say which endpoint served it).
 */
export async function findOpenBreakers(
  db: Executor,
  providerIds: string[],
): Promise<Array<{ providerId: string; retryAt: Date | null }>> {
  if (providerIds.length === 0) return [];
  // Every open provider breaker (a handful at most), filtered here: one parameterless statement per
  // usage batch instead of one with a parameter per provider (measured: ~8 ms of CPU per batch).
  const open = await db
    .selectFrom('breaker_state')
    .select(['provider_id as providerId', 'retry_at as retryAt'])
    .where('endpoint_id', '=', '')
    .where('state', '=', 'open')
    .execute();
  if (open.length === 0) return open;
  const wanted = new Set(providerIds);
  return open.filter((b) => wanted.has(b.providerId));
}

/**
 * What Herald's usage says about a provider while its breaker was open (after the opening, up
 * to the close): requests recorded and how many failed. Once per recovery, bounded by the open
 * period on the time index.
 */
export async function usageWhileOpen(
  db: Executor,
  providerId: string,
  from: Date,
  to: Date,
): Promise<{ requests: number; failures: number }> {
  const { rows } = await sql<{ requests: number; failures: number }>`
    select count(*)::int as requests, (count(*) filter (where not success))::int as failures
      from usage_record
     where created_at > ${from} and created_at <= ${to} and provider_id = ${providerId}`.execute(db);
  return rows[0] ?? { requests: 0, failures: 0 };
}
