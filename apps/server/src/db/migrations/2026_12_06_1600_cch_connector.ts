import { type Kysely, sql } from 'kysely';

/**
 * The Claude Code Hub health connector: its one settings row (the admin token sealed, with a
 * hint) with the outcome of its last poll, and each CCH provider breaker's state as last seen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cch_connector')
    .addColumn('id', 'smallint', (c) => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('base_url', 'text')
    // Sealed by the secret box; never returned.
    .addColumn('token', 'text')
    .addColumn('token_hint', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    // When it began watching this CCH: a breaker first seen open alerts only if it failed since.
    .addColumn('watching_since', 'timestamptz')
    .addColumn('last_poll_at', 'timestamptz')
    .addColumn('last_poll_ok', 'boolean')
    .addColumn('last_poll_error', 'text')
    .addColumn('last_poll_providers', 'integer')
    .addColumn('last_poll_not_closed', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('cch_breaker_seen')
    .addColumn('provider_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('closed', 'open', 'half-open')`))
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('open_until', 'timestamptz')
    .addColumn('seen_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cch_breaker_seen').execute();
  await db.schema.dropTable('cch_connector').execute();
}
