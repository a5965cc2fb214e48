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

export type BreakerState = {
  id: string;
  name: string;
  failureThreshold: number;
  openDurationMs: number;
  consecutiveFailures: number;
};

/**
 * Locks (FOR UPDATE, in id order) the breaker rows a batch will change: every provider with
 * a failure in it, and those with only successes whose count is not already 0. Rows without
 * a count to reset are not touched, so concurrent batches rarely wait for each other.
 */
export async function lockBreakerStates(db: Executor, failing: string[], succeeded: string[]): Promise<BreakerState[]> {
  if (failing.length === 0 && succeeded.length === 0) return [];
  return db
    .selectFrom('hub_provider')
    .select([
      'id',
      'name',
      'failure_threshold as failureThreshold',
      'open_duration_ms as openDurationMs',
      'consecutive_failures as consecutiveFailures',
    ])
    .where((eb) =>
      eb.or([
        eb('id', '=', eb.fn.any(eb.val(failing))),
        eb.and([eb('id', '=', eb.fn.any(eb.val(succeeded))), eb('consecutive_failures', '<>', 0)]),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Providers seen failing before the hub synced them: named by id until it does. */
export async function insertProviderPlaceholders(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into hub_provider (id, name) select id, id from unnest(${ids}::text[]) as t(id)
    on conflict (id) do nothing
  `.execute(db);
}

/** Writes new counts (and the time the breaker opened, when it did) for locked rows. */
export async function saveBreakerStates(
  db: Executor,
  updates: Array<{ id: string; consecutiveFailures: number; openedAt: Date | null }>,
): Promise<void> {
  if (updates.length === 0) return;
  await sql`
    update hub_provider p
    set consecutive_failures = v.n, breaker_opened_at = coalesce(v.opened_at, p.breaker_opened_at)
    from unnest(${updates.map((u) => u.id)}::text[], ${updates.map((u) => u.consecutiveFailures)}::int4[],
      ${updates.map((u) => u.openedAt?.toISOString() ?? null)}::timestamptz[]) as v(id, n, opened_at)
    where p.id = v.id
  `.execute(db);
}
