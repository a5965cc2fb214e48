import { type Kysely, sql } from 'kysely';

/** The cache-hit-rate alert's switch, legacy URL and rule settings, with the reference hub's defaults. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('settings')
    .addColumn('cache_hit_rate_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('cache_hit_rate_webhook', 'text')
    .addColumn('cache_hit_rate_window_mode', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('cache_hit_rate_check_interval', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('cache_hit_rate_lookback_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('cache_hit_rate_min_eligible_requests', 'integer', (c) => c.notNull().defaultTo(20))
    .addColumn('cache_hit_rate_min_eligible_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cache_hit_rate_abs_min', sql`numeric(5,4)`, (c) => c.notNull().defaultTo(0.05))
    .addColumn('cache_hit_rate_drop_rel', sql`numeric(5,4)`, (c) => c.notNull().defaultTo(0.3))
    .addColumn('cache_hit_rate_drop_abs', sql`numeric(5,4)`, (c) => c.notNull().defaultTo(0.1))
    .addColumn('cache_hit_rate_cooldown_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('cache_hit_rate_top_n', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  let t = db.schema.alterTable('settings').dropColumn('cache_hit_rate_enabled');
  for (const c of [
    'webhook',
    'window_mode',
    'check_interval',
    'lookback_days',
    'min_eligible_requests',
    'min_eligible_tokens',
    'abs_min',
    'drop_rel',
    'drop_abs',
    'cooldown_minutes',
    'top_n',
  ]) {
    t = t.dropColumn(`cache_hit_rate_${c}`);
  }
  await t.execute();
}
