import { type Kysely, sql } from 'kysely';

const list = (types: string[]) => sql.raw(types.map((t) => `'${t}'`).join(', '));
const BEFORE = ['circuit_breaker', 'cost_alert', 'daily_leaderboard', 'cache_hit_rate'];
const AFTER = [...BEFORE, 'provider_balance'];

/** Bindings and notifications may be of these types (the checks the first migrations wrote). */
async function allowTypes(db: Kysely<any>, types: string[]) {
  await sql`alter table binding drop constraint if exists binding_notification_type_check`.execute(db);
  await sql`alter table binding add constraint binding_notification_type_check
    check (notification_type in (${list(types)}))`.execute(db);
  await sql`alter table notification drop constraint if exists notification_type_check`.execute(db);
  await sql`alter table notification add constraint notification_type_check check (type in (${list(types)}))`.execute(
    db,
  );
}

/**
 * The fifth notification type, upstream balance alerts: its switch, legacy URL, default
 * threshold and lower levels; and each provider's last balance with the lowest level already
 * alerted in the current crossing (updated in the transaction that queues the alert).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await allowTypes(db, AFTER);
  await db.schema
    .alterTable('settings')
    .addColumn('provider_balance_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('provider_balance_webhook', 'text')
    // In the provider's currency; null: providers without their own threshold are not alerted.
    .addColumn('provider_balance_default_threshold', 'numeric')
    // Fractions of the threshold, highest first: half of it, then zero.
    .addColumn('provider_balance_levels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[0.5, 0]'::jsonb`))
    .execute();
  await db.schema
    .createTable('provider_balance_state')
    .addColumn('provider_id', 'text', (c) => c.primaryKey())
    .addColumn('provider_name', 'text')
    // Null only inside the transaction that first inserts the row.
    .addColumn('balance', 'numeric')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
    // The threshold the last report was judged by; null: none.
    .addColumn('threshold', 'numeric')
    // The lowest level alerted in the current crossing, as a fraction of the threshold; null: outside one.
    .addColumn('alerted_fraction', 'double precision')
    // The crossing's first alert: whoever got it hears of the top-up.
    .addColumn('alert_notification_id', 'uuid')
    .addColumn('reported_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('provider_balance_state').execute();
  await db.schema
    .alterTable('settings')
    .dropColumn('provider_balance_enabled')
    .dropColumn('provider_balance_webhook')
    .dropColumn('provider_balance_default_threshold')
    .dropColumn('provider_balance_levels')
    .execute();
  await db.deleteFrom('binding').where('notification_type', '=', 'provider_balance').execute();
  await db.deleteFrom('delivery').where('notification_type', '=', 'provider_balance').execute();
  await db.deleteFrom('notification').where('type', '=', 'provider_balance').execute();
  await allowTypes(db, BEFORE);
}
