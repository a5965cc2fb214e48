import { type Kysely, sql } from 'kysely';

/**
 * Each target's newest failure (the Targets page's last error): failed rows only, so it stays
 * small and a target whose last failure is months old is still found at the head of its range.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('delivery_target_failed_idx')
    .on('delivery')
    .columns(['target_id', 'id desc'])
    .where(sql.ref('status'), '=', 'failed')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_target_failed_idx').execute();
}
