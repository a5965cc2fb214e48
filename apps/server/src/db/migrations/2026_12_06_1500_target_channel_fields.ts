import { type Kysely, sql } from 'kysely';

/** Sealed columns → `secrets`, plain ones → `config`, keyed by the channel's API field names. */
const SECRET_COLUMNS = {
  webhookUrl: 'webhook_url',
  telegramBotToken: 'telegram_bot_token',
  dingtalkSecret: 'dingtalk_secret',
  feishuSecret: 'feishu_secret',
  signingSecret: 'signing_secret',
  customHeaders: 'custom_headers',
} as const;
const PLAIN_COLUMNS = {
  telegramChatId: 'telegram_chat_id',
  telegramTopicId: 'telegram_topic_id',
  customTemplate: 'custom_template',
} as const;

const objectOf = (columns: Record<string, string>) =>
  sql.raw(
    `jsonb_strip_nulls(jsonb_build_object(${Object.entries(columns)
      .map(([field, column]) => `'${field}', ${column}`)
      .join(', ')}))`,
  );

/**
 * A channel's fields no longer have a column each: its settings live in `config` and its sealed
 * secrets (each sealed on its own, so key rotation and hints work per field) in `secrets`, both
 * keyed by the field's API name. A new channel then needs no migration. Values move unopened.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('target')
    .addColumn('config', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('secrets', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`update target set secrets = ${objectOf(SECRET_COLUMNS)}, config = ${objectOf(PLAIN_COLUMNS)}`.execute(db);
  let drop = db.schema.alterTable('target').dropColumn('webhook_url');
  for (const column of [...Object.values(SECRET_COLUMNS), ...Object.values(PLAIN_COLUMNS)].slice(1)) {
    drop = drop.dropColumn(column);
  }
  await drop.execute();
  // Which channels exist is the registry's to say: a new one must not need a migration.
  await sql`alter table target drop constraint if exists target_provider_type_check`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('target')
    .addColumn('webhook_url', 'text')
    .addColumn('telegram_bot_token', 'text')
    .addColumn('dingtalk_secret', 'text')
    .addColumn('feishu_secret', 'text')
    .addColumn('signing_secret', 'text')
    .addColumn('custom_headers', 'text')
    .addColumn('telegram_chat_id', 'text')
    .addColumn('telegram_topic_id', 'integer')
    .addColumn('custom_template', 'jsonb')
    .execute();
  const assignments = [
    ...Object.entries(SECRET_COLUMNS).map(([field, column]) => `${column} = secrets->>'${field}'`),
    `telegram_chat_id = config->>'telegramChatId'`,
    `telegram_topic_id = (config->>'telegramTopicId')::integer`,
    `custom_template = config->'customTemplate'`,
  ];
  await sql`update target set ${sql.raw(assignments.join(', '))}`.execute(db);
  await db.schema.alterTable('target').dropColumn('config').dropColumn('secrets').execute();
  await sql`alter table target add constraint target_provider_type_check
    check (provider_type in ('wechat', 'feishu', 'dingtalk', 'telegram', 'custom'))`.execute(db);
}
