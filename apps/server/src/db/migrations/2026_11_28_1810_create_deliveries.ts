import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // What happened, once: the validated data a message is rendered from.
  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type', 'varchar(32)', (c) =>
      c.notNull().check(sql`type in ('circuit_breaker', 'cost_alert', 'daily_leaderboard')`),
    )
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull().check(sql`source in ('hub', 'schedule', 'manual', 'test')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per (notification, recipient): the delivery log. No foreign key to target or
  // binding: the log outlives a deleted target (the worker re-checks them when it runs).
  // Ids are UUIDv7 (time-ordered): the primary key is also the newest-first order and the cursor.
  await db.schema
    .createTable('delivery')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('notification_id', 'uuid', (c) => c.notNull().references('notification.id').onDelete('cascade'))
    .addColumn('notification_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('target_id', 'uuid')
    .addColumn('target_name', 'varchar(100)')
    .addColumn('binding_id', 'uuid')
    .addColumn('resend_of', 'uuid')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'delivered', 'failed', 'skipped')`),
    )
    .addColumn('attempts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rendered_body', 'jsonb')
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('failure_class', 'varchar(16)')
    .addColumn('latency_ms', 'integer')
    .addColumn('queue_attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // The delivery log's filters, each newest first. Every status change writes a new row
  // version into every index, so there are only these: delivered rows (nearly all of them)
  // stay out of the status index; a `delivered` filter walks the primary key instead.
  await db.schema
    .createIndex('delivery_status_idx')
    .on('delivery')
    .columns(['status', 'id desc'])
    .where(sql.ref('status'), '<>', 'delivered')
    .execute();
  await db.schema.createIndex('delivery_type_idx').on('delivery').columns(['notification_type', 'id desc']).execute();
  await db.schema.createIndex('delivery_target_idx').on('delivery').columns(['target_id', 'id desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery').execute();
  await db.schema.dropTable('notification').execute();
}
