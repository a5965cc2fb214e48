/** The hub's users and providers: upserts by the hub's ids, and Herald's own breaker state. */
import { sql } from 'kysely';
import type { Executor } from '../database.ts';

type Limits = {
  limit5hUsd?: number | null;
  limitWeeklyUsd?: number | null;
  limitMonthlyUsd?: number | null;
};
export type HubUserUpsert = Limits & { id: string; name: string; isEnabled?: boolean };
export type HubProviderUpsert = Limits & {
  id: string;
  name: string;
  failureThreshold?: number;
  openDurationMs?: number;
};

/** Input field → column, with the array type its values travel in. */
const LIMIT_COLUMNS = [
  ['limit5hUsd', 'limit_5h_usd', 'numeric'],
  ['limitWeeklyUsd', 'limit_weekly_usd', 'numeric'],
  ['limitMonthlyUsd', 'limit_monthly_usd', 'numeric'],
] as const;
const USER_COLUMNS = [...LIMIT_COLUMNS, ['isEnabled', 'is_enabled', 'bool']] as const;
const PROVIDER_COLUMNS = [
  ...LIMIT_COLUMNS,
  ['failureThreshold', 'failure_threshold', 'int4'],
  ['openDurationMs', 'open_duration_ms', 'int4'],
] as const;

type Column = readonly [string, string, string];

/**
 * Upsert by id. A field given (null included) is written; a field left out keeps the stored
 * value, or the column default for a new row. Rows are grouped by which fields they carry, so
 * a typical sync is one statement. Ids must be unique within `items`.
 */
async function upsert<T extends { id: string; name: string }>(
  db: Executor,
  table: 'hub_user' | 'hub_provider',
  columns: readonly Column[],
  items: T[],
): Promise<{ created: number; updated: number }> {
  const groups = new Map<string, { cols: Column[]; items: T[] }>();
  for (const item of items) {
    const rec = item as Record<string, unknown>;
    const cols = columns.filter(([field]) => rec[field] !== undefined);
    const key = cols.map(([field]) => field).join(',');
    const group = groups.get(key) ?? { cols, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  let created = 0;
  let updated = 0;
  for (const { cols, items: group } of groups.values()) {
    const ordered = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const arrays = cols.map(
      ([field, , type]) => sql`${ordered.map((i) => (i as Record<string, unknown>)[field])}::${sql.raw(type)}[]`,
    );
    const names = ['id', 'name', ...cols.map(([, column]) => column)];
    const setList = [
      sql`name = excluded.name`,
      ...cols.map(([, column]) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`),
      sql`updated_at = now()`,
    ];
    const result = await sql<{ inserted: boolean }>`
      insert into ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
      select * from unnest(${ordered.map((i) => i.id)}::text[], ${ordered.map((i) => i.name)}::text[]${
        arrays.length ? sql`, ${sql.join(arrays)}` : sql``
      })
      on conflict (id) do update set ${sql.join(setList)}
      returning (xmax = 0) as inserted
    `.execute(db);
    for (const r of result.rows) {
      if (r.inserted) created++;
      else updated++;
    }
  }
  return { created, updated };
}

export function upsertHubUsers(db: Executor, users: HubUserUpsert[]) {
  return upsert(db, 'hub_user', USER_COLUMNS, users);
}

export function upsertHubProviders(db: Executor, providers: HubProviderUpsert[]) {
  return upsert(db, 'hub_provider', PROVIDER_COLUMNS, providers);
}

/** The hub named a provider (e.g. in a breaker report): keep its name current, create it if new. */
export async function upsertProviderName(db: Executor, id: string, name: string): Promise<void> {
  await db
    .insertInto('hub_provider')
    .values({ id, name })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name, updated_at: sql<Date>`now()` })
        .where('hub_provider.name', 'is distinct from', name),
    )
    .execute();
}

/**
 * One provider's outcomes in a batch, in time order, boiled down to what decides its new
 * count: failures before the first success (`lead`, counted on from the stored count),
 * whether there was a success, and failures after the last one (`tail`, counted from 0).
 * `failures` counts them all (failures between successes can open the breaker too).
 */
export type BreakerSummary = { id: string; failures: number; lead: number; hasSuccess: boolean; tail: number };

/** A provider's breaker before and after a batch. */
export type BreakerAdvance = {
  id: string;
  name: string;
  failureThreshold: number;
  openDurationMs: number;
  /** The stored count before this batch. */
  before: number;
  /** The stored count now (0 after each opening). */
  after: number;
};

/**
 * Advances Herald's breaker counts in one statement: rows are locked in id order (so batches
 * never deadlock), the new count is computed from the locked value, and the old one is
 * returned so the caller can replay the openings. Only rows that change are touched: every
 * provider with a failure, and those with only successes whose count is not already 0.
 * Being one short statement at the end of the intake transaction, the locks on these shared
 * rows last little longer than the commit. Providers not in hub_provider are left out (see
 * insertProviderPlaceholders).
 *
 * The count follows runBreaker (hub-intake.ts): a failure adds one; reaching the threshold
 * opens the breaker and restarts the count at 0; a success resets it. In closed form, with
 * T the threshold and k = max(1, T − before) the failure that first opens it:
 *   success in the batch: tail mod T;  otherwise: lead < k ? before + lead : (lead − k) mod T.
 */
export async function advanceBreakers(db: Executor, summaries: BreakerSummary[]): Promise<BreakerAdvance[]> {
  if (summaries.length === 0) return [];
  const failing = summaries.filter((s) => s.failures > 0).map((s) => s.id);
  const succeeded = summaries.filter((s) => s.failures === 0).map((s) => s.id);
  const result = await sql<BreakerAdvance>`
    update hub_provider p
    set consecutive_failures = case
      when v."hasSuccess" then v.tail % p.failure_threshold
      when v.lead < greatest(1, p.failure_threshold - s.before) then s.before + v.lead
      else (v.lead - greatest(1, p.failure_threshold - s.before)) % p.failure_threshold
    end
    from (
      select id, consecutive_failures as before from hub_provider
      where id = any(${failing}::text[]) or (id = any(${succeeded}::text[]) and consecutive_failures <> 0)
      order by id
      for update
    ) s,
    json_to_recordset(${JSON.stringify(summaries)}::json)
      as v(id text, failures int4, lead int4, "hasSuccess" bool, tail int4)
    where p.id = s.id and v.id = s.id
    returning p.id, p.name, p.failure_threshold as "failureThreshold", p.open_duration_ms as "openDurationMs",
      s.before, p.consecutive_failures as after
  `.execute(db);
  return result.rows;
}

/** Providers seen failing before the hub synced them: named by their id until it does. */
export async function insertProviderPlaceholders(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into hub_provider (id, name) select id, id from unnest(${ids}::text[]) as t(id)
    on conflict (id) do nothing
  `.execute(db);
}

/** Records when Herald's breaker last opened for these providers. */
export async function markBreakersOpened(db: Executor, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('hub_provider').set({ breaker_opened_at: at }).where('id', 'in', ids).execute();
}
