import { type Kysely, sql } from 'kysely';

/**
 * Endpoint breakers: `breaker_state` keeps one row per provider's own breaker and one per
 * endpoint of it, so recovery and flapping are tracked for each apart. `endpoint_id` is ''
 * for the provider's own breaker (the rows there already are), the hub's endpoint id otherwise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('breaker_state')
    .addColumn('endpoint_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('endpoint_url', 'text')
    .execute();
  await sql`alter table breaker_state drop constraint breaker_state_pkey`.execute(db);
  await sql`alter table breaker_state add constraint breaker_state_pkey primary key (provider_id, endpoint_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('breaker_state').where('endpoint_id', '<>', '').execute();
  await sql`alter table breaker_state drop constraint breaker_state_pkey`.execute(db);
  await db.schema.alterTable('breaker_state').dropColumn('endpoint_id').dropColumn('endpoint_url').execute();
  await sql`alter table breaker_state add constraint breaker_state_pkey primary key (provider_id)`.execute(db);
}
