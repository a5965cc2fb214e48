import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Circuit-breaker dedup: one row per key, claimed atomically (shared by every server process).
  await db.schema
    .createTable('alert_dedup')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Cost alerts already sent: once per (scope, entity, window, period, level).
  await db.schema
    .createTable('cost_alert_sent')
    .addColumn('scope', 'varchar(80)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('window', 'varchar(16)', (c) => c.notNull())
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('level', 'numeric(4, 2)', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('cost_alert_sent_pk', [
      'scope',
      'entity_type',
      'entity_id',
      'window',
      'period_start',
      'level',
    ])
    .execute();
  await db.schema.createIndex('cost_alert_sent_at_idx').on('cost_alert_sent').column('sent_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cost_alert_sent').execute();
  await db.schema.dropTable('alert_dedup').execute();
}
