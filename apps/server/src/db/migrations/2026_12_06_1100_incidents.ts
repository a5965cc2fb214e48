import { type Kysely, sql } from 'kysely';

/**
 * Incidents instead of message floods (pacing, digests, recoveries, quiet hours, silences):
 * - `target_pace`: one GCRA row per target (or legacy URL), shared by every server process.
 * - delivery: why a pending delivery waits and until when; digests and what they carried;
 *   the silence that held one back.
 * - notification.kind: an alert, or a digest carrying several.
 * - target pace, binding quiet hours, settings for grouping and cost digests.
 * - `silence` and `breaker_state` (recovery and flapping per provider).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('target_pace')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // GCRA: the theoretical arrival time of the next conforming send.
    .addColumn('tat', 'timestamptz', (c) => c.notNull())
    // The latest slot promised to a waiting delivery (waiting ones go in order).
    .addColumn('booked', 'timestamptz', (c) => c.notNull())
    // After a platform's rate-limit answer: the pace is slowed by `slow_factor` until then.
    .addColumn('slowed_until', 'timestamptz')
    .addColumn('slow_factor', 'real', (c) => c.notNull().defaultTo(1))
    .addColumn('refusals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_refusal_at', 'timestamptz')
    .execute();

  await db.schema
    .alterTable('delivery')
    .addColumn('wait_reason', 'text')
    .addColumn('digest_id', 'uuid')
    .addColumn('carried', 'jsonb')
    .addColumn('silence_id', 'uuid')
    .addColumn('slot_booked', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // `grouped`: carried by a digest (digest_id says which).
  await sql`alter table delivery drop constraint if exists delivery_status_check`.execute(db);
  await sql`alter table delivery add constraint delivery_status_check
    check (status in ('pending', 'sending', 'delivered', 'failed', 'skipped', 'grouped'))`.execute(db);
  await db.schema
    .createIndex('delivery_waiting_idx')
    .on('delivery')
    .columns(['target_id', 'notification_type', 'wait_reason'])
    .where(sql.ref('wait_reason'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('delivery_digest_idx')
    .on('delivery')
    .column('digest_id')
    .where(sql.ref('digest_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('delivery_silence_idx')
    .on('delivery')
    .column('silence_id')
    .where(sql.ref('silence_id'), 'is not', null)
    .execute();

  await db.schema
    .alterTable('notification')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('alert'))
    .execute();

  await db.schema.alterTable('target').addColumn('pace_per_minute', 'integer').execute();
  await db.schema.alterTable('binding').addColumn('quiet_hours', 'jsonb').execute();
  await db.schema
    .alterTable('settings')
    .addColumn('circuit_breaker_group_wait', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('cost_alert_group_wait', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_alert_digest_threshold', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('cost_alert_recovery_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('pace_digests', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('silence')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // provider | user | type
    .addColumn('matcher_kind', 'text', (c) => c.notNull())
    .addColumn('matcher_value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('silence_active_idx').on('silence').column('ends_at').execute();

  await db.schema
    .createTable('breaker_state')
    .addColumn('provider_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_at', 'timestamptz')
    // The notification that alerted the current opening (its targets get the recovery).
    .addColumn('alert_notification_id', 'uuid')
    // Open/close transitions inside the flapping window, oldest first.
    .addColumn('transitions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('flapping_since', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('breaker_state').execute();
  await db.schema.dropTable('silence').execute();
  await db.schema
    .alterTable('settings')
    .dropColumn('circuit_breaker_group_wait')
    .dropColumn('cost_alert_group_wait')
    .dropColumn('cost_alert_digest_threshold')
    .dropColumn('cost_alert_recovery_enabled')
    .dropColumn('pace_digests')
    .execute();
  await db.schema.alterTable('binding').dropColumn('quiet_hours').execute();
  await db.schema.alterTable('target').dropColumn('pace_per_minute').execute();
  await db.schema.alterTable('notification').dropColumn('kind').execute();
  await sql`alter table delivery drop constraint if exists delivery_status_check`.execute(db);
  await sql`alter table delivery add constraint delivery_status_check
    check (status in ('pending', 'sending', 'delivered', 'failed', 'skipped'))`.execute(db);
  await db.schema.dropIndex('delivery_silence_idx').execute();
  await db.schema.dropIndex('delivery_digest_idx').execute();
  await db.schema.dropIndex('delivery_waiting_idx').execute();
  await db.schema
    .alterTable('delivery')
    .dropColumn('wait_reason')
    .dropColumn('digest_id')
    .dropColumn('carried')
    .dropColumn('silence_id')
    .dropColumn('slot_booked')
    .execute();
  await db.schema.dropTable('target_pace').execute();
}
