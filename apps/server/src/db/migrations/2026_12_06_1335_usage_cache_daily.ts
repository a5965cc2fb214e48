import type { Kysely } from 'kysely';

/**
 * The cache-hit-rate check's rollup: per UTC day, provider and model, the 2xx requests and their
 * tokens, overall and eligible. A 7-day baseline then reads ~11k rollup rows and at most a day of
 * raw rows at its two ends instead of every raw row (measured: 790 ms → see bench/usage.ts).
 * Maintained with the inserts, and when a stored request becomes eligible because the request
 * before it in its session arrived late.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('usage_cache_daily')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('requests', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('denom', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('hit', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('e_requests', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('e_denom', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('e_hit', 'int8', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('usage_cache_daily_pkey', ['day', 'provider_id', 'model'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_cache_daily').execute();
}
