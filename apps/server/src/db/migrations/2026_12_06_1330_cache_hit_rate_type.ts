import { type Kysely, sql } from 'kysely';

const list = (types: string[]) => sql.raw(types.map((t) => `'${t}'`).join(', '));
const BEFORE = ['circuit_breaker', 'cost_alert', 'daily_leaderboard'];
const AFTER = [...BEFORE, 'cache_hit_rate'];

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

/** The fourth notification type: the cache-hit-rate alert. */
export async function up(db: Kysely<any>): Promise<void> {
  await allowTypes(db, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('binding').where('notification_type', '=', 'cache_hit_rate').execute();
  await db.deleteFrom('delivery').where('notification_type', '=', 'cache_hit_rate').execute();
  await db.deleteFrom('notification').where('type', '=', 'cache_hit_rate').execute();
  await allowTypes(db, BEFORE);
}
