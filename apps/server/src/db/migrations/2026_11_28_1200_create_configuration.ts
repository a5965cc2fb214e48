import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row, guaranteed: the key can only be true.
  await db.schema
    .createTable('settings')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('use_legacy_mode', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('circuit_breaker_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('cost_alert_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('daily_leaderboard_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('circuit_breaker_webhook', 'text')
    .addColumn('cost_alert_webhook', 'text')
    .addColumn('daily_leaderboard_webhook', 'text')
    .addColumn('hints', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('cost_alert_threshold', 'numeric(3, 2)', (c) => c.notNull().defaultTo('0.80'))
    .addColumn('cost_alert_check_interval', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('daily_leaderboard_time', 'varchar(5)', (c) => c.notNull().defaultTo('09:00'))
    .addColumn('daily_leaderboard_top_n', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('timezone', 'varchar(64)', (c) => c.notNull())
    .addColumn('locale', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('provider_type', 'varchar(16)', (c) =>
      c.notNull().check(sql`provider_type in ('wechat', 'feishu', 'dingtalk', 'telegram', 'custom')`),
    )
    .addColumn('is_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    // Sealed (encrypted) secrets.
    .addColumn('webhook_url', 'text')
    .addColumn('telegram_bot_token', 'text')
    .addColumn('dingtalk_secret', 'text')
    .addColumn('feishu_secret', 'text')
    .addColumn('signing_secret', 'text')
    .addColumn('custom_headers', 'text')
    .addColumn('proxy_url', 'text')
    // Plain fields.
    .addColumn('telegram_chat_id', 'varchar(64)')
    .addColumn('telegram_topic_id', 'integer')
    .addColumn('custom_template', 'jsonb')
    .addColumn('proxy_fallback_to_direct', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hints', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('last_test_at', 'timestamptz')
    .addColumn('last_test_result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('binding')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('notification_type', 'varchar(32)', (c) =>
      c.notNull().check(sql`notification_type in ('circuit_breaker', 'cost_alert', 'daily_leaderboard')`),
    )
    .addColumn('target_id', 'uuid', (c) => c.notNull().references('target.id').onDelete('cascade'))
    .addColumn('is_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('schedule_cron', 'varchar(100)')
    .addColumn('schedule_timezone', 'varchar(64)')
    .addColumn('template_override', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('binding_type_target_unique', ['notification_type', 'target_id'])
    .execute();
  await db.schema.createIndex('binding_target_idx').on('binding').column('target_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('binding').execute();
  await db.schema.dropTable('target').execute();
  await db.schema.dropTable('settings').execute();
}
