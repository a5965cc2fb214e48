import { type LegacyWebhookTestResult, type NotificationType, renderNotification, sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakePlatform,
  startFakeDingtalk,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
  WECOM_CODES,
} from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { fakeLookup, makeCert } from '../../support/net-helpers.ts';
import { startTlsFront, type TlsFront } from '../../support/tls-front.ts';

// A legacy URL is tested before it is saved: the platform from the URL, the type's sample sent
// once like a target test. WeCom, Feishu and DingTalk URLs keep their real hosts: the test
// resolves them to loopback and serves them over TLS in front of the fake platforms.

const NOW = new Date('2026-11-28T04:00:00Z');
const S = {
  wecomKey: 'legacy-test-wecom-key-5b7d1e',
  feishuHook: 'legacy-test-feishu-hook-9c2a',
  signedFeishuHook: 'legacy-test-feishu-signed-4f8e',
  dingToken: 'legacy-test-ding-token-7a3c',
  tgToken: '424242424:AAH-legacy-test-telegram-token',
  wrongKey: 'legacy-test-wrong-wecom-key-0d6f',
};
const CHAT = '-100777';
const HOSTS = ['qyapi.weixin.qq.com', 'open.feishu.cn', 'oapi.dingtalk.com'] as const;
const cert = makeCert(HOSTS);
if (!cert) throw new Error('openssl is needed to make the test certificate for the platform hosts');

const fakes = {
  wecom: await startFakeWecom({ key: S.wecomKey }),
  feishu: await startFakeFeishu({ hookId: S.feishuHook }),
  // A bot with 签名校验 on: a legacy URL has no secret to sign with.
  signedFeishu: await startFakeFeishu({ hookId: S.signedFeishuHook, secret: 'legacy-test-feishu-secret' }),
  dingtalk: await startFakeDingtalk({ accessToken: S.dingToken }),
  telegram: await startFakeTelegram({ token: S.tgToken, chats: { [CHAT]: { type: 'supergroup', topics: [9] } } }),
};
const fronts: TlsFront[] = [];

/** The fake's URL with the platform's real https host (and the TLS front's port). */
async function platformUrl(fake: FakePlatform & { webhookUrl: string }, host: (typeof HOSTS)[number]) {
  const front = await startTlsFront(Number(new URL(fake.url).port), cert as NonNullable<typeof cert>);
  fronts.push(front);
  return fake.webhookUrl.replace(fake.url, `https://${host}:${front.port}`);
}

const URLS = {
  wechat: await platformUrl(fakes.wecom, 'qyapi.weixin.qq.com'),
  feishu: await platformUrl(fakes.feishu, 'open.feishu.cn'),
  signedFeishu: await platformUrl(fakes.signedFeishu, 'open.feishu.cn'),
  dingtalk: await platformUrl(fakes.dingtalk, 'oapi.dingtalk.com'),
  telegram: `https://api.telegram.org/bot${S.tgToken}/sendMessage?chat_id=${CHAT}&message_thread_id=9`,
};
const wrongKeyUrl = URLS.wechat.replace(S.wecomKey, S.wrongKey);

let h: TestHerald;
let settingsBefore: unknown;
let auditBefore: number;

beforeAll(async () => {
  h = await startTestHerald(
    { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', TELEGRAM_API_BASE_URL: fakes.telegram.apiBaseUrl },
    {
      clock: manualClock(NOW),
      outbound: {
        // open.larksuite.com is a Feishu host that resolves to a private address the policy refuses.
        lookup: fakeLookup({
          ...Object.fromEntries(HOSTS.map((host) => [host, ['127.0.0.1']])),
          'open.larksuite.com': ['10.1.2.3'],
        }),
        tls: { ca: cert.cert },
      },
    },
  );
  // The sample follows the settings' language and zone (not the defaults, zh-CN and the machine's).
  await h.api('settings.update', { locale: 'en', timezone: 'America/New_York' }, { token: TEST_ADMIN_TOKEN });
  settingsBefore = (await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN })).body;
  auditBefore = (await h.db.selectFrom('audit_log').select('id').execute()).length;
});

afterAll(async () => {
  await h?.close();
  await Promise.all([...Object.values(fakes), ...fronts].map((f) => f.close()));
});

const test = (url: string, notificationType: NotificationType) =>
  h.api('settings.testLegacyWebhook', { url, notificationType }, { token: TEST_ADMIN_TOKEN });

/** The exact body a legacy delivery of this type would carry now, in English, New York time. */
const expectedBody = (type: NotificationType, channel: 'wechat' | 'feishu' | 'dingtalk' | 'telegram') =>
  renderNotification({
    type,
    data: sampleData(type, NOW),
    channel,
    locale: 'en',
    timezone: 'America/New_York',
    now: NOW,
    ...(channel === 'telegram' ? { config: { telegramChatId: CHAT, telegramTopicId: 9 } } : {}),
  }).body;

describe('settings.testLegacyWebhook', () => {
  it.each([
    ['wechat', fakes.wecom, 'circuit_breaker'],
    ['feishu', fakes.feishu, 'cost_alert'],
    ['dingtalk', fakes.dingtalk, 'daily_leaderboard'],
    ['telegram', fakes.telegram, 'cost_alert'],
  ] as const)('%s: detected from the URL, the sample delivered once, the answer shown', async (channel, fake, type) => {
    const sent = fake.received.length;
    const r = await test(URLS[channel], type);
    expect(r.status).toBe(200);
    const result: LegacyWebhookTestResult = r.body.result.data;
    expect(result).toMatchObject({
      success: true,
      channel,
      notificationType: type,
      statusCode: 200,
      error: null,
      attempts: 1,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.response).toBeTruthy();
    expect(fake.received.length).toBe(sent + 1);
    const request = fake.received.at(-1);
    expect(request?.accepted).toBe(true);
    expect(request?.json).toEqual(expectedBody(type, channel));
  });

  it('Telegram: the chat and topic come from the URL', async () => {
    await test(URLS.telegram, 'circuit_breaker');
    expect(fakes.telegram.messages.at(-1)).toMatchObject({ chat: { id: Number(CHAT) }, message_thread_id: 9 });
  });

  it("WeCom's 93000 for an unknown key: not delivered, the platform's code and message shown, no retry", async () => {
    const r = await test(wrongKeyUrl, 'cost_alert');
    expect(r.status).toBe(200);
    const result: LegacyWebhookTestResult = r.body.result.data;
    expect(result).toMatchObject({ success: false, channel: 'wechat', statusCode: 200, attempts: 1 });
    expect(result.error).toMatch(new RegExp(`${WECOM_CODES.invalidKey}.*invalid webhook url`));
    expect(result.response).toContain('invalid webhook url');
    expect(fakes.wecom.received.at(-1)?.accepted).toBe(false);
  });

  it('a Feishu bot that wants signatures refuses the unsigned sample, and says why', async () => {
    const result: LegacyWebhookTestResult = (await test(URLS.signedFeishu, 'circuit_breaker')).body.result.data;
    expect(result).toMatchObject({ success: false, channel: 'feishu', attempts: 1 });
    expect(result.error).toMatch(/19021.*sign match fail/);
  });

  it("Telegram's answer for a chat the bot is not in", async () => {
    const url = URLS.telegram.replace(`chat_id=${CHAT}`, 'chat_id=-100999');
    const result: LegacyWebhookTestResult = (await test(url, 'cost_alert')).body.result.data;
    expect(result).toMatchObject({ success: false, channel: 'telegram', statusCode: 400, attempts: 1 });
    expect(result.error).toMatch(/chat not found/);
  });

  it('the target address policy applies: a host resolving to a private address is refused before connecting', async () => {
    const url = `https://open.larksuite.com/open-apis/bot/v2/hook/${S.feishuHook}`;
    const result: LegacyWebhookTestResult = (await test(url, 'cost_alert')).body.result.data;
    expect(result).toMatchObject({ success: false, channel: 'feishu', statusCode: null, attempts: 1 });
    expect(result.error).toMatch(/10\.1\.2\.3/);
  });

  it.each([
    ['https://example.com/hook?key=abc', /^unrecognised platform host example\.com/],
    [`http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${S.wecomKey}`, /^a platform webhook URL must use https$/],
    [`https://api.telegram.org/bot${S.tgToken}/sendMessage`, /needs \/bot<token>\/sendMessage and \?chat_id=/],
    ['not a url', /^must be a full URL such as https:\/\/example\.com\/hook$/],
  ])('an unusable URL (%s) is a 400 naming `url` with the reason, and sends nothing', async (url, reason) => {
    const before = Object.values(fakes).map((f) => f.received.length);
    const r = await test(url, 'cost_alert');
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues).toHaveLength(1);
    expect(r.body.error.data.issues[0].path).toBe('url');
    expect(r.body.error.data.issues[0].message).toMatch(reason);
    expect(Object.values(fakes).map((f) => f.received.length)).toEqual(before);
  });

  it('needs a notification type and an admin', async () => {
    const missing = await h.api('settings.testLegacyWebhook', { url: URLS.wechat }, { token: TEST_ADMIN_TOKEN });
    expect(missing.status).toBe(400);
    expect(missing.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['notificationType']);
    const anonymous = await h.api('settings.testLegacyWebhook', { url: URLS.wechat, notificationType: 'cost_alert' });
    expect(anonymous.status).toBe(401);
  });

  it('stores nothing: settings as they were, no delivery, notification or target, no audit entry', async () => {
    expect((await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN })).body).toEqual(settingsBefore);
    for (const table of ['delivery', 'notification', 'target'] as const) {
      expect(await h.db.selectFrom(table).select('id').execute(), table).toEqual([]);
    }
    expect((await h.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
  });

  it('logs each test with its platform and outcome, never the URL', async () => {
    const tested = h.logs.lines.filter((l) => l.action === 'legacy_webhook_tested');
    expect(tested.length).toBeGreaterThanOrEqual(8);
    expect(tested).toContainEqual(
      expect.objectContaining({ channel: 'wechat', notificationType: 'circuit_breaker', success: true }),
    );
    expect(tested).toContainEqual(expect.objectContaining({ channel: 'wechat', success: false }));
  });

  it('no URL or key in any answer, log line or audit entry', async () => {
    const audit = JSON.stringify(await h.db.selectFrom('audit_log').selectAll().execute());
    const secrets = [...Object.values(S), ...Object.values(URLS), wrongKeyUrl];
    for (const s of secrets) {
      for (const body of h.responses) expect(body).not.toContain(s);
      for (const line of h.logs.raw) expect(line).not.toContain(s);
      expect(audit).not.toContain(s);
    }
  });
});
