import type { Kysely } from 'kysely';

/**
 * The cache-hit-rate alert's cooldown per (binding, provider, model, window): claimed in the
 * transaction that queues the alert, so it holds across processes and never fails open.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cache_alert_cooldown')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cache_alert_cooldown').execute();
}
