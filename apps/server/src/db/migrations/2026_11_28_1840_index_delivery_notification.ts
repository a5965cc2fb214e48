import type { Kysely } from 'kysely';

/**
 * The foreign key from delivery to notification needs an index on the referencing side: without
 * it, deleting old notifications (retention) scans the whole delivery log once per notification.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('delivery_notification_idx').on('delivery').column('notification_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_notification_idx').execute();
}
