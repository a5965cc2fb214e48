import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The Overview's recent alerts of one type (the circuit breakers of the last 24 h), newest first.
  await db.schema
    .createIndex('notification_type_created_at_idx')
    .on('notification')
    .columns(['type', 'created_at desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notification_type_created_at_idx').execute();
}
