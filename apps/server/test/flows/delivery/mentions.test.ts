/**
 * @-mentions through the real path: a binding saved over the API names people; the hub reports
 * a breaker; the delivery renders for the target's channel and the strict fake records who was
 * pinged. Levels limit mentions; a bad entry is refused on save with its field named.
 */
import { sampleData } from '@herald/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDingtalk, startFakeTelegram } from '../../fake-platforms/index.ts';
import { httpApi } from '../../herald.ts';
import { type DeliveryHerald, settled, startDeliveryHerald, switchOn } from './support.ts';

const CHAT = '-1001234567890';
const TG_TOKEN = '123456789:AAH-mentions-telegram-token';
const ding = await startFakeDingtalk({ secret: 'SECmentions' });
const tg = await startFakeTelegram({ token: TG_TOKEN });
let h: DeliveryHerald;
let dingId: string;
let tgId: string;
let hubKey: string;

beforeAll(async () => {
  h = await startDeliveryHerald({ env: { TELEGRAM_API_BASE_URL: tg.apiBaseUrl } });
  await switchOn(h);
  dingId = (
    await h.api('targets.create', {
      name: 'on-call DingTalk',
      providerType: 'dingtalk',
      webhookUrl: ding.webhookUrl,
      dingtalkSecret: 'SECmentions',
    })
  ).id;
  tgId = (
    await h.api('targets.create', {
      name: 'on-call Telegram',
      providerType: 'telegram',
      telegramBotToken: TG_TOKEN,
      telegramChatId: CHAT,
    })
  ).id;
  hubKey = (await h.api('apiKeys.create', { name: 'hub' })).key;
});
afterAll(async () => {
  await h?.close();
  await Promise.all([ding.close(), tg.close()]);
});
beforeEach(() => {
  ding.clear();
  tg.clear();
});

const bind = (bindings: unknown[]) => h.raw('bindings.set', { notificationType: 'circuit_breaker', bindings });
const bindings = () => h.api('bindings.list', { notificationType: 'circuit_breaker' });
const breaker = (providerId: string) =>
  httpApi(h.url)(
    'hub.reportCircuitBreaker',
    { providerId, providerName: `Provider ${providerId}`, failureCount: 5, retryAt: '2026-06-01T08:30:00.000Z' },
    { token: hubKey },
  );

describe('a binding’s mentions reach the platform', () => {
  it('a DingTalk binding with a mobile number mentions it in both places, and DingTalk pings it', async () => {
    const saved = await bind([{ targetId: dingId, mentions: { people: ['13800138000', 'manager4521'] } }]);
    expect(saved.status).toBe(200);
    expect(await bindings()).toEqual([
      expect.objectContaining({ targetId: dingId, mentions: { people: ['13800138000', 'manager4521'], levels: null } }),
    ]);

    const r = await breaker('p-ding');
    expect(r.body.result.data).toMatchObject({ ok: true, outcome: 'alerted' });
    const [got] = await ding.waitForAccepted(1);
    const body = got?.json as { at: unknown; markdown: { text: string } };
    expect(body.at).toEqual({ atMobiles: ['13800138000'], atUserIds: ['manager4521'], isAtAll: false });
    expect(body.markdown.text).toMatch(/@13800138000 @manager4521$/);
    expect(got?.mentioned).toEqual(['13800138000', 'manager4521']);
  });

  it('only errors mention: a warning-level message carries no mention, an error one does', async () => {
    await bind([
      { targetId: dingId, mentions: { people: ['13800138000'], levels: ['error'] } },
      { targetId: tgId, mentions: { people: ['@oncall_alice', '123456789 Bob'], levels: ['error'] } },
    ]);
    const sample = sampleData('circuit_breaker', new Date()) as Record<string, unknown>;
    const flapping = await h.enqueue({ data: { ...sample, providerId: 71, event: 'flapping' } });
    await Promise.all(flapping.deliveryIds.map((id) => settled(h, id)));
    const opened = await h.enqueue({ data: { ...sample, providerId: 72, event: 'opened' } });
    await Promise.all(opened.deliveryIds.map((id) => settled(h, id)));

    const [dWarn, dErr] = await ding.waitForAccepted(2);
    expect(dWarn?.json).not.toHaveProperty('at');
    expect(dWarn?.mentioned).toEqual([]);
    expect(dErr?.mentioned).toEqual(['13800138000']);

    const [tWarn, tErr] = await tg.waitForAccepted(2);
    expect(tWarn?.mentioned).toEqual([]);
    expect(tErr?.mentioned).toEqual(['@oncall_alice', '123456789']);
    expect(tg.messages[1]?.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'text_mention', user: expect.objectContaining({ id: 123456789 }) }),
      ]),
    );
  });
});

describe('mentions are checked by the target’s channel when saved', () => {
  it('an invalid entry is refused naming the field, and nothing changes', async () => {
    await bind([{ targetId: dingId, mentions: { people: ['13800138000'] } }]);
    const before = await bindings();

    const bad = await bind([
      { targetId: tgId },
      { targetId: dingId, mentions: { people: ['13800138000', 'zhang san'] } },
    ]);
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    expect(text).toContain('bindings.1.mentions.people.1');
    expect(text).toMatch(/zhang san.*neither a mobile number nor a user id; use a mobile number \(13800138000\)/);

    const everyone = await bind([{ targetId: tgId, mentions: { people: ['all'] } }]);
    expect(everyone.status).toBe(400);
    expect(JSON.stringify(everyone.body)).toMatch(/bindings\.0\.mentions\.people\.0.*Telegram can't mention everyone/);

    const tooMany = await bind([{ targetId: dingId, mentions: { people: Array(51).fill('13800138000') } }]);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/bindings\.0\.mentions\.people.*at most 50 people/);

    expect(await bindings()).toEqual(before);
  });

  it('a target whose channel can’t mention is refused', async () => {
    const customId = (
      await h.api('targets.create', {
        name: 'plain hook',
        providerType: 'custom',
        webhookUrl: 'http://127.0.0.1:9/hook',
        customTemplate: { t: '{{title}}' },
      })
    ).id;
    const r = await bind([{ targetId: customId, mentions: { people: ['alice'] } }]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/bindings\.0\.mentions: custom can't mention people/);
    // No people is no mentions: fine anywhere.
    expect((await bind([{ targetId: customId, mentions: { people: [] } }])).status).toBe(200);
    expect((await bindings())[0]?.mentions).toBeNull();
  });
});

describe('previews show mentions', () => {
  it('the preview renders them for the channel and refuses bad entries', async () => {
    const ok = await h.raw('notifications.preview', {
      notificationType: 'circuit_breaker',
      providerType: 'dingtalk',
      mentions: { people: ['13800138000'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.result.data.body.at).toEqual({ atMobiles: ['13800138000'], atUserIds: [], isAtAll: false });

    const bad = await h.raw('notifications.preview', {
      notificationType: 'circuit_breaker',
      providerType: 'feishu',
      mentions: { people: ['a@example.com'] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/mentions\.people\.0.*can't mention by email/);
  });
});
