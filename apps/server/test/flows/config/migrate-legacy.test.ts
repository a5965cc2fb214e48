import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

/** Legacy URLs become targets (reference defect #6: the old dialog never saw the real URLs). */
const WECOM_KEY = 'migrate-wecom-key-5b7d9f1a';
const BOT = '777888999:AAE-migrate-legacy-bot-token';
const CHAT = '-100777';
const WECOM_URL = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`;
const TELEGRAM_URL = `https://api.telegram.org/bot${BOT}/sendMessage?chat_id=${CHAT}&message_thread_id=5`;
const SECRETS = [WECOM_KEY, BOT];

let tg: FakeTelegram;
let h: TestHerald;
beforeAll(async () => {
  tg = await startFakeTelegram({ token: BOT, chats: { [CHAT]: { type: 'supergroup', topics: [5] } } });
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', TELEGRAM_API_BASE_URL: tg.apiBaseUrl });
});
afterAll(async () => {
  // No answer of this file carried a legacy URL's secret.
  for (const body of h.responses) for (const s of SECRETS) expect(body).not.toContain(s);
  await h?.close();
  await tg?.close();
});

const api = async (procedure: string, input?: unknown) => {
  const r = await h.api(procedure, input, { token: TEST_ADMIN_TOKEN });
  expect(r.status, `${procedure}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body.result.data;
};

describe('settings.migrateLegacyWebhooks', () => {
  it('with nothing stored it changes nothing and says so', async () => {
    const r = await api('settings.migrateLegacyWebhooks');
    expect(r).toEqual({ created: [], useLegacyMode: true, message: expect.stringMatching(/nothing to migrate/) });
    expect(await h.db.selectFrom('target').selectAll().execute()).toHaveLength(0);
  });

  it('a URL that cannot become a target stops the whole migration: nothing changes', async () => {
    await api('settings.update', {
      useLegacyMode: true,
      circuitBreakerWebhook: WECOM_URL,
      costAlertWebhook: `https://api.telegram.org/bot${BOT}/sendMessage?chat_id=not%20a%20chat`,
    });
    const r = await h.api('settings.migrateLegacyWebhooks', {}, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(412);
    expect(r.body.error.message).toMatch(/cost_alert webhook URL cannot be migrated: telegramChatId/);
    // The reason names the types and the field's issue code, for the dashboard's own words.
    expect(r.body.error.data.herald).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'legacy.not_migratable',
      params: { types: 'cost_alert', issue: 'field.invalid' },
    });
    expect(await h.db.selectFrom('target').selectAll().execute()).toHaveLength(0);
    expect(await h.db.selectFrom('binding').selectAll().execute()).toHaveLength(0);
    expect(await api('settings.get')).toMatchObject({
      useLegacyMode: true,
      circuitBreakerWebhook: { set: true },
      costAlertWebhook: { set: true },
    });
    await api('settings.update', { circuitBreakerWebhook: null, costAlertWebhook: null });
  });

  it('makes one target per distinct URL, bound to each type that used it, and switches legacy mode off', async () => {
    await api('settings.update', {
      enabled: true,
      useLegacyMode: true,
      costAlertEnabled: true,
      dailyLeaderboardEnabled: true,
      circuitBreakerWebhook: WECOM_URL,
      costAlertWebhook: TELEGRAM_URL,
      dailyLeaderboardWebhook: WECOM_URL,
    });
    const auditBefore = (await h.db.selectFrom('audit_log').select('id').execute()).length;

    const r = await api('settings.migrateLegacyWebhooks');
    expect(r.useLegacyMode).toBe(false);
    expect(r.message).toMatch(/migrated 2 legacy webhook URLs/);
    expect(r.created).toHaveLength(2);
    const wecom = r.created.find((c: { channel: string }) => c.channel === 'wechat');
    const telegram = r.created.find((c: { channel: string }) => c.channel === 'telegram');
    expect(wecom).toMatchObject({
      name: 'WeCom (legacy): circuit breaker, daily leaderboard',
      types: ['circuit_breaker', 'daily_leaderboard'],
    });
    expect(telegram).toMatchObject({ name: 'Telegram (legacy): cost alert', types: ['cost_alert'] });

    const targets = await api('targets.list');
    expect(targets).toHaveLength(2);
    const tgView = targets.find((t: { id: string }) => t.id === telegram.targetId);
    expect(tgView).toMatchObject({
      providerType: 'telegram',
      telegramChatId: CHAT,
      telegramTopicId: 5,
      telegramBotToken: { set: true },
    });
    expect(targets.find((t: { id: string }) => t.id === wecom.targetId)).toMatchObject({
      providerType: 'wechat',
      webhookUrl: { set: true, hint: 'https://qyapi.weixin.qq.com/…9f1a' },
    });

    const bindings = await api('bindings.list');
    expect(
      bindings.map((b: { notificationType: string; targetId: string }) => `${b.notificationType}:${b.targetId}`).sort(),
    ).toEqual(
      [
        `circuit_breaker:${wecom.targetId}`,
        `cost_alert:${telegram.targetId}`,
        `daily_leaderboard:${wecom.targetId}`,
      ].sort(),
    );

    const settings = await api('settings.get');
    expect(settings).toMatchObject({
      useLegacyMode: false,
      circuitBreakerWebhook: { set: false },
      costAlertWebhook: { set: false },
      dailyLeaderboardWebhook: { set: false },
    });

    // Secrets stay sealed: the rows hold none in the clear, and they open to the original URL.
    const rows = await h.db.selectFrom('target').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(WECOM_KEY);
    expect(JSON.stringify(rows)).not.toContain(BOT);
    const box = h.herald.deps.secretBox;
    const wecomRow = rows.find((row) => row.id === wecom.targetId);
    expect(box.open(wecomRow?.secrets.webhookUrl as string)).toBe(WECOM_URL);
    const tgRow = rows.find((row) => row.id === telegram.targetId);
    expect(box.open(tgRow?.secrets.telegramBotToken as string)).toBe(BOT);
    const settingsRow = await h.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(settingsRow.circuit_breaker_webhook).toBeNull();
    expect(JSON.stringify(settingsRow)).not.toContain(WECOM_KEY);

    // Audit: the targets, their bindings and the mode switch, with no secret in them.
    const audit = await h.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const added = audit.slice(auditBefore);
    expect(added.map((a) => a.action)).toEqual([
      'target.create',
      'bindings.add',
      'target.create',
      'bindings.add',
      'settings.legacy_migrated',
    ]);
    expect(added.at(-1)?.before).toMatchObject({ useLegacyMode: true, costAlertWebhook: { set: true } });
    expect(added.at(-1)?.after).toMatchObject({ useLegacyMode: false, costAlertWebhook: { set: false } });
    for (const s of SECRETS) expect(JSON.stringify(added)).not.toContain(s);

    // The schedules now follow the bindings, not the legacy settings.
    const schedules = await api('notifications.schedules');
    expect(schedules.some((s: { key: string }) => s.key === 'legacy')).toBe(false);
    expect(schedules.map((s: { queue: string }) => s.queue).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/cost/), expect.stringMatching(/leaderboard/)]),
    );
  });

  it('a send to a migrated target reaches the URL it came from', async () => {
    const [telegram] = (await api('targets.list')).filter(
      (t: { providerType: string }) => t.providerType === 'telegram',
    );
    const result = await api('targets.test', { id: telegram.id, notificationType: 'cost_alert' });
    expect(result).toMatchObject({ success: true, error: null });
    expect(tg.messages).toHaveLength(1);
    expect(tg.messages[0]).toMatchObject({ chat: { id: Number(CHAT) }, message_thread_id: 5 });
  });

  it('a second call finds nothing to migrate and creates nothing', async () => {
    const auditBefore = (await h.db.selectFrom('audit_log').select('id').execute()).length;
    const r = await api('settings.migrateLegacyWebhooks');
    expect(r).toEqual({ created: [], useLegacyMode: false, message: expect.stringMatching(/nothing to migrate/) });
    expect(await api('targets.list')).toHaveLength(2);
    expect((await h.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
  });

  it('two calls at once migrate once', async () => {
    await api('settings.update', { useLegacyMode: true, circuitBreakerWebhook: WECOM_URL });
    const [a, b] = await Promise.all([api('settings.migrateLegacyWebhooks'), api('settings.migrateLegacyWebhooks')]);
    expect([a.created.length, b.created.length].sort()).toEqual([0, 1]);
    expect(await api('targets.list')).toHaveLength(3);
  });

  it('is admin-only', async () => {
    expect((await h.api('settings.migrateLegacyWebhooks', {})).status).toBe(401);
  });
});
