import { type Kysely, sql } from 'kysely';

/**
 * The hub's data: users and providers (limits, Herald's own breaker count) and usage.
 *
 * `usage_record` is the raw, idempotent log (request_id is the hub's key). `usage_daily`
 * is its rollup per UTC day, once per user and once per provider, maintained in the same
 * statement that inserts the records; cost windows read whole days from it and only the
 * partial edge days from raw rows (see db/repos/usage.ts).
 */
/**
 * The hub's ids are opaque keys: compared byte by byte ("C"), which also spares every index
 * probe the database locale's collation rules (measurably cheaper on ingestion).
 */
const hubId = sql`varchar(128) collate "C"`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hub_user')
    .addColumn('id', hubId, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('limit_5h_usd', 'numeric')
    .addColumn('limit_weekly_usd', 'numeric')
    .addColumn('limit_monthly_usd', 'numeric')
    .addColumn('is_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('hub_provider')
    .addColumn('id', hubId, (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('limit_5h_usd', 'numeric')
    .addColumn('limit_weekly_usd', 'numeric')
    .addColumn('limit_monthly_usd', 'numeric')
    // Herald's own breaker, for hubs that do not report trips.
    .addColumn('failure_threshold', 'integer', (c) => c.notNull().defaultTo(5).check(sql`failure_threshold >= 1`))
    .addColumn('open_duration_ms', 'integer', (c) => c.notNull().defaultTo(1_800_000).check(sql`open_duration_ms >= 0`))
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('breaker_opened_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('usage_record')
    .addColumn('request_id', hubId, (c) => c.primaryKey())
    .addColumn('user_id', hubId, (c) => c.notNull())
    .addColumn('provider_id', hubId, (c) => c.notNull())
    .addColumn('cost_usd', 'numeric', (c) => c.notNull())
    .addColumn('input_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('output_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cache_creation_input_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cache_read_input_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('success', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Time ranges over all users and providers: the 5 h window, window edges, the leaderboard.
  // Deliberately no (user_id, created_at) index: no query asks for one user, and it cost
  // about a third of ingestion speed (random leaf pages per insert).
  await db.schema.createIndex('usage_record_created_at_idx').on('usage_record').column('created_at').execute();

  await db.schema
    .createTable('usage_daily')
    .addColumn('subject_type', sql`varchar(8) collate "C"`, (c) =>
      c.notNull().check(sql`subject_type in ('user', 'provider')`),
    )
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('subject_id', hubId, (c) => c.notNull())
    // Sums for alerting: double precision sums ~2.5x faster than numeric over a month of days.
    .addColumn('cost_usd', 'double precision', (c) => c.notNull())
    .addColumn('requests', 'bigint', (c) => c.notNull())
    .addColumn('tokens', 'bigint', (c) => c.notNull())
    // A cost check reads a range of days for every user (or every provider): one index range each.
    .addPrimaryKeyConstraint('usage_daily_pk', ['subject_type', 'day', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_daily').execute();
  await db.schema.dropTable('usage_record').execute();
  await db.schema.dropTable('hub_provider').execute();
  await db.schema.dropTable('hub_user').execute();
}
