import type { Kysely } from 'kysely';

/** People a binding notifies with its messages: `{ people: string[], levels: string[] | null }`. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('binding').addColumn('mentions', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('binding').dropColumn('mentions').execute();
}
