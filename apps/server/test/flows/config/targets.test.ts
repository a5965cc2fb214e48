import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeCustom,
  startFakeDingtalk,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
} from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

const S = {
  wecomKey: 'wk-3c9d2e1f0a8b7c6d',
  dingToken: 'dt-8f7e6d5c4b3a2918',
  dingSecret: 'SECding-0011223344556677',
  feishuHook: 'fh-aabbccddeeff0011',
  feishuSecret: 'fs-9988776655443322',
  tgToken: '555666777:AAF-target-secret-token-xyz',
  customSecret: `whsec_${Buffer.from('target-test-signing-secret-32by').toString('base64')}`,
  customHeader: 'Bearer hdr-secret-4455667788',
  proxyPass: 'proxy-pass-1234abcd',
};

const fakes = {
  wechat: await startFakeWecom({ key: S.wecomKey }),
  dingtalk: await startFakeDingtalk({ accessToken: S.dingToken, secret: S.dingSecret }),
  feishu: await startFakeFeishu({ hookId: S.feishuHook, secret: S.feishuSecret }),
  telegram: await startFakeTelegram({ token: S.tgToken, chats: { '-100555': { type: 'supergroup' } } }),
  custom: await startFakeCustom({ signingSecret: S.customSecret, requiredHeaders: { authorization: S.customHeader } }),
};

let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', TELEGRAM_API_BASE_URL: fakes.telegram.apiBaseUrl });
});
afterAll(async () => {
  const all = h.responses.join('\n');
  for (const s of Object.values(S)) expect(all).not.toContain(s);
  await h?.close();
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const admin = () => h.client(TEST_ADMIN_TOKEN);
const call = (p: string, input: unknown) => h.api(p, input, { token: TEST_ADMIN_TOKEN });

const inputs = () => ({
  wechat: { name: 'WeCom ops', providerType: 'wechat' as const, webhookUrl: fakes.wechat.webhookUrl },
  dingtalk: {
    name: 'DingTalk ops',
    providerType: 'dingtalk' as const,
    webhookUrl: fakes.dingtalk.webhookUrl,
    dingtalkSecret: S.dingSecret,
  },
  feishu: {
    name: 'Feishu ops',
    providerType: 'feishu' as const,
    webhookUrl: fakes.feishu.webhookUrl,
    feishuSecret: S.feishuSecret,
  },
  telegram: {
    name: 'Telegram',
    providerType: 'telegram' as const,
    telegramBotToken: S.tgToken,
    telegramChatId: '-100555',
  },
  custom: {
    name: 'Internal',
    providerType: 'custom' as const,
    webhookUrl: fakes.custom.webhookUrl,
    customTemplate: { text: '{{title}}', entries: '{{json:entries_json}}' },
    customHeaders: { Authorization: S.customHeader },
    signingSecret: S.customSecret,
  },
});

describe('targets', () => {
  const ids: Record<string, string> = {};

  it('the first target switches legacy mode off; legacy URLs stay stored', async () => {
    await admin().settings.update.mutate({
      costAlertWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${S.wecomKey}`,
    });
    expect((await admin().settings.get.query()).useLegacyMode).toBe(true);
    const t = await admin().targets.create.mutate(inputs().wechat);
    ids.wechat = t.id;
    const s = await admin().settings.get.query();
    expect(s.useLegacyMode).toBe(false);
    expect(s.costAlertWebhook.set).toBe(true);
    // An explicit switch back is kept: the next target does not flip it again.
    await admin().settings.update.mutate({ useLegacyMode: true });
  });

  it('creates one of every channel; responses say which secrets are set, never their values', async () => {
    for (const [type, input] of Object.entries(inputs()).filter(([t]) => t !== 'wechat')) {
      const t = await admin().targets.create.mutate(input as never);
      ids[type] = t.id;
      expect(t.providerType).toBe(type);
    }
    expect((await admin().settings.get.query()).useLegacyMode).toBe(true);
    const custom = await admin().targets.get.query({ id: ids.custom as string });
    expect(custom).toMatchObject({
      webhookUrl: { set: true, hint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…/) },
      signingSecret: { set: true, hint: expect.stringMatching(/^…/) },
      customHeaders: { Authorization: { set: true, hint: '…7788' } },
      customTemplate: { text: '{{title}}', entries: '{{json:entries_json}}' },
      telegramBotToken: { set: false, hint: null },
    });
    const tg = await admin().targets.get.query({ id: ids.telegram as string });
    expect(tg).toMatchObject({ telegramChatId: '-100555', telegramBotToken: { set: true, hint: '…-xyz' } });
    const rows = await h.db.selectFrom('target').selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const s of Object.values(S).filter((v) => v !== S.proxyPass)) expect(stored).not.toContain(s);
  });

  it('tests each target through the real path: success and latency stored', async () => {
    for (const type of ['wechat', 'dingtalk', 'feishu', 'telegram', 'custom'] as const) {
      const r = await admin().targets.test.mutate({ id: ids[type] as string, notificationType: 'daily_leaderboard' });
      expect(r, type).toMatchObject({ success: true, error: null, attempts: 1, notificationType: 'daily_leaderboard' });
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
      const t = await admin().targets.get.query({ id: ids[type] as string });
      expect(t.lastTestResult).toEqual(r);
      expect(Date.now() - Date.parse(t.lastTestAt as string)).toBeLessThan(60_000);
    }
    expect(fakes.custom.accepted.at(-1)?.json).toMatchObject({ text: '过去24小时用户消费排行榜' });
  });

  it('a failed test keeps the platform answer, with secrets removed', async () => {
    fakes.wechat.failNext({ kind: 'errcode', code: 93000 });
    const r = await admin().targets.test.mutate({ id: ids.wechat as string });
    expect(r).toMatchObject({ success: false, statusCode: 200, attempts: 1 });
    expect(r.error).toMatch(/^93000: invalid webhook url/);
    expect(r.response).toContain('93000');
  });

  it('editing without the secret keeps it: the DingTalk target still signs correctly', async () => {
    const t = await admin().targets.update.mutate({ id: ids.dingtalk as string, name: 'DingTalk renamed' });
    expect(t).toMatchObject({ name: 'DingTalk renamed', dingtalkSecret: { set: true } });
    const r = await admin().targets.test.mutate({ id: ids.dingtalk as string });
    expect(r.success).toBe(true);
    const last = fakes.dingtalk.accepted.at(-1);
    expect(last?.query.sign).toBeTruthy();
  });

  it('an explicit null clears a secret: the DingTalk target then sends unsigned and is refused', async () => {
    const t = await admin().targets.update.mutate({ id: ids.dingtalk as string, dingtalkSecret: null });
    expect(t.dingtalkSecret).toEqual({ set: false, hint: null });
    const r = await admin().targets.test.mutate({ id: ids.dingtalk as string });
    expect(r.success).toBe(false);
    expect(r.error).toMatch(/^310000/);
    await admin().targets.update.mutate({ id: ids.dingtalk as string, dingtalkSecret: S.dingSecret });
  });

  it("changing the type clears the old type's fields and needs the new type's", async () => {
    const missing = await call('targets.update', { id: ids.telegram, providerType: 'wechat' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['webhookUrl']);
    const t = await admin().targets.update.mutate({
      id: ids.telegram as string,
      providerType: 'wechat',
      webhookUrl: fakes.wechat.webhookUrl,
    });
    expect(t).toMatchObject({
      providerType: 'wechat',
      telegramBotToken: { set: false },
      telegramChatId: null,
      webhookUrl: { set: true },
    });
    const row = await h.db
      .selectFrom('target')
      .selectAll()
      .where('id', '=', ids.telegram as string)
      .executeTakeFirstOrThrow();
    expect(row.secrets.telegramBotToken).toBeUndefined();
    expect(row.config.telegramChatId).toBeUndefined();
  });

  it('stores a proxy URL sealed and shows it without credentials', async () => {
    const t = await admin().targets.update.mutate({
      id: ids.wechat as string,
      proxyUrl: `socks5://ops:${S.proxyPass}@127.0.0.1:1080`,
      proxyFallbackToDirect: true,
    });
    expect(t.proxyUrl).toEqual({ set: true, hint: 'socks5://***@127.0.0.1:1080' });
    expect(t.proxyFallbackToDirect).toBe(true);
    await admin().targets.update.mutate({ id: ids.wechat as string, proxyUrl: null });
  });

  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['empty name', { ...inputs().wechat, name: ' ' }, 'name', /required/],
    ['wechat without URL', { name: 'x', providerType: 'wechat' }, 'webhookUrl', /.+/],
    ['ftp URL', { ...inputs().wechat, webhookUrl: 'ftp://127.0.0.1/x' }, 'webhookUrl', /http/],
    [
      'URL with credentials',
      { ...inputs().wechat, webhookUrl: 'https://u:p@example.com/x' },
      'webhookUrl',
      /user:password/,
    ],
    ['unknown type', { name: 'x', providerType: 'fax', webhookUrl: 'https://e.x' }, 'providerType', /.+/],
    ['bad bot token', { ...inputs().telegram, telegramBotToken: 'abc' }, 'telegramBotToken', /BotFather/],
    ['bad chat id', { ...inputs().telegram, telegramChatId: 'chat!' }, 'telegramChatId', /chat id/],
    ['template not an object', { ...inputs().custom, customTemplate: ['a'] }, 'customTemplate', /.+/],
    [
      'unknown placeholder',
      { ...inputs().custom, customTemplate: { a: { b: '{{nope}}' } } },
      'customTemplate.a.b',
      /unknown variable "nope"/,
    ],
    ['Host header', { ...inputs().custom, customHeaders: { Host: 'x' } }, 'customHeaders.Host', /Herald controls it/],
    [
      'Content-Length header',
      { ...inputs().custom, customHeaders: { 'content-length': '1' } },
      'customHeaders.content-length',
      /controls/,
    ],
    [
      'hop-by-hop header',
      { ...inputs().custom, customHeaders: { Connection: 'close' } },
      'customHeaders.Connection',
      /controls/,
    ],
    [
      'header value with newline',
      { ...inputs().custom, customHeaders: { 'X-A': 'a\r\nb' } },
      'customHeaders.X-A',
      /one line/,
    ],
    ['bad signing secret', { ...inputs().custom, signingSecret: 'secret' }, 'signingSecret', /whsec_/],
    ['proxy scheme', { ...inputs().wechat, proxyUrl: 'ftp://127.0.0.1:21' }, 'proxyUrl', /socks5/],
    ['socks without port', { ...inputs().wechat, proxyUrl: 'socks5://127.0.0.1' }, 'proxyUrl', /port/],
    [
      'socks4 with a password',
      { ...inputs().wechat, proxyUrl: 'socks4://ops:pw@127.0.0.1:1080' },
      'proxyUrl',
      /SOCKS4 has no password/,
    ],
    ['proxy not a URL', { ...inputs().wechat, proxyUrl: 'proxy' }, 'proxyUrl', /URL/],
  ];
  it.each(bad)('create refuses %s naming the field, and stores nothing', async (_n, input, path, message) => {
    const before = await admin().targets.list.query();
    const r = await call('targets.create', input);
    expect(r.status).toBe(400);
    const issue = r.body.error.data.issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(r.body.error.data.issues)).toBeDefined();
    expect(issue.message).toMatch(message);
    expect(await admin().targets.list.query()).toEqual(before);
  });

  it('update refuses a bad patch naming the field, and changes nothing', async () => {
    const before = await admin().targets.get.query({ id: ids.custom as string });
    const r = await call('targets.update', { id: ids.custom, customTemplate: { x: '{{bogus}}' } });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues[0].path).toBe('customTemplate.x');
    expect(await admin().targets.get.query({ id: ids.custom as string })).toEqual(before);
    const unknown = await call('targets.update', { id: '00000000-0000-4000-8000-000000000000', name: 'x' });
    expect(unknown.status).toBe(404);
  });

  it('delete removes the target and its bindings, and is audited', async () => {
    const t = await admin().targets.create.mutate({ ...inputs().wechat, name: 'to delete' });
    await admin().bindings.set.mutate({
      notificationType: 'circuit_breaker',
      bindings: [{ targetId: t.id, isEnabled: true }],
    });
    await admin().targets.delete.mutate({ id: t.id });
    expect(await admin().bindings.list.query({ notificationType: 'circuit_breaker' })).toEqual([]);
    expect((await call('targets.get', { id: t.id })).status).toBe(404);
    const log = await admin().audit.list.query({ entityType: 'target' });
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['target.create', 'target.update', 'target.delete']),
    );
  });
});
