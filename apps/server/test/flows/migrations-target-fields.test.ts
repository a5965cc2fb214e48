import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/database.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createTestDatabase } from '../db.ts';

const BEFORE = '2026_12_06_1400_provider_balance';
const MOVE = '2026_12_06_1500_target_channel_fields';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, createLogger('silent')).db;
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const migrator = () => new Migrator({ db, provider: { getMigrations: async () => migrations } });

describe('channel fields move to config/secrets', () => {
  it('moves every column, sealed values unopened, and back again on the way down', async () => {
    expect((await migrator().migrateTo(BEFORE)).error).toBeUndefined();
    await sql`insert into target (id, name, provider_type, webhook_url, dingtalk_secret, hints)
      values ('00000000-0000-4000-8000-000000000001', 'ding', 'dingtalk', 'v1.k.sealed-url', 'v1.k.sealed-secret', '{}')`.execute(
      db,
    );
    await sql`insert into target (id, name, provider_type, telegram_bot_token, telegram_chat_id, telegram_topic_id, hints)
      values ('00000000-0000-4000-8000-000000000002', 'tg', 'telegram', 'v1.k.sealed-token', '-100123', 7, '{}')`.execute(
      db,
    );
    await sql`insert into target (id, name, provider_type, webhook_url, custom_template, custom_headers, hints)
      values ('00000000-0000-4000-8000-000000000003', 'hook', 'custom', 'v1.k.u', '{"t":"{{title}}"}', 'v1.k.h', '{}')`.execute(
      db,
    );

    expect((await migrator().migrateTo(MOVE)).error).toBeUndefined();
    const rows = (
      await sql<{ name: string; config: unknown; secrets: unknown }>`
        select name, config, secrets from target order by name`.execute(db)
    ).rows;
    expect(rows).toEqual([
      { name: 'ding', config: {}, secrets: { webhookUrl: 'v1.k.sealed-url', dingtalkSecret: 'v1.k.sealed-secret' } },
      {
        name: 'hook',
        config: { customTemplate: { t: '{{title}}' } },
        secrets: { webhookUrl: 'v1.k.u', customHeaders: 'v1.k.h' },
      },
      {
        name: 'tg',
        config: { telegramChatId: '-100123', telegramTopicId: 7 },
        secrets: { telegramBotToken: 'v1.k.sealed-token' },
      },
    ]);
    // A new channel needs no migration: the database no longer lists the channels.
    await sql`insert into target (name, provider_type, hints) values ('later', 'slack', '{}')`.execute(db);
    await sql`delete from target where name = 'later'`.execute(db);

    expect((await migrator().migrateTo(BEFORE)).error).toBeUndefined();
    const back = (
      await sql<Record<string, unknown>>`
        select name, webhook_url, dingtalk_secret, telegram_bot_token, telegram_chat_id, telegram_topic_id,
          custom_template, custom_headers from target order by name`.execute(db)
    ).rows;
    expect(back).toEqual([
      expect.objectContaining({ name: 'ding', webhook_url: 'v1.k.sealed-url', dingtalk_secret: 'v1.k.sealed-secret' }),
      expect.objectContaining({ name: 'hook', custom_template: { t: '{{title}}' }, custom_headers: 'v1.k.h' }),
      expect.objectContaining({
        name: 'tg',
        telegram_bot_token: 'v1.k.sealed-token',
        telegram_chat_id: '-100123',
        telegram_topic_id: 7,
      }),
    ]);
  });
});
