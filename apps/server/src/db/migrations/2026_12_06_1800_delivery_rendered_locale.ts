import type { Kysely } from 'kysely';

/**
 * The language a delivery's body was written in. Messages follow the settings' language at the
 * time they are rendered, which may have changed since: the log labels each body with its own.
 * Null for rows rendered before this column (and for deliveries never rendered).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').addColumn('rendered_locale', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').dropColumn('rendered_locale').execute();
}
