import { type Kysely, sql } from 'kysely';

/** Wrong credentials per client address in the current window, shared by every server process. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_failure')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 1`))
    .execute();
  await db.schema.createIndex('auth_failure_window_start_idx').on('auth_failure').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_failure').execute();
}
