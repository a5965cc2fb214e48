import { type Locale, type NotificationType, renderNotification, sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createAddressPolicy, createHttpClient } from '../../src/net/index.ts';
import type { Clock } from '../../src/senders/clock.ts';
import { type SendDeps, sendToTarget } from '../../src/senders/send.ts';
import type { SendTargetOf } from '../../src/senders/sender.ts';
import {
  startFakeCustom,
  startFakeDingtalk,
  startFakeDiscord,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
} from '../fake-platforms/index.ts';
import { captureLogs } from '../herald.ts';
import { recordingClock } from '../support/recording-clock.ts';

const NOW = new Date('2026-01-15T06:30:00.000Z');
const SECRETS = {
  wecomKey: 'wecom-key-0f9e8d7c',
  dingToken: 'ding-token-1a2b3c4d',
  dingSecret: 'SEC-ding-5e6f7a8b',
  feishuHook: 'feishu-hook-9c0d1e2f',
  feishuSecret: 'feishu-secret-3a4b5c6d',
  tgToken: '987654321:AAH-telegram-secret-token',
  customSecret: `whsec_${Buffer.from('custom-signing-secret-32-bytes!!').toString('base64')}`,
  customHeader: 'Bearer custom-header-secret-77',
};

/** The instant every send starts at; the fakes check signature windows against it too. */
const T0 = new Date('2026-11-28T04:00:00Z');
const fakeClock = (start = T0) => recordingClock(start);
const atT0 = () => T0.getTime();

const fakes = await Promise.all([
  startFakeWecom({ key: SECRETS.wecomKey, now: atT0 }),
  startFakeDingtalk({ accessToken: SECRETS.dingToken, secret: SECRETS.dingSecret, now: atT0 }),
  startFakeFeishu({ hookId: SECRETS.feishuHook, secret: SECRETS.feishuSecret, now: atT0 }),
  startFakeTelegram({ token: SECRETS.tgToken, chats: { '-100777': { type: 'supergroup', topics: [42] } }, now: atT0 }),
  startFakeCustom({
    signingSecret: SECRETS.customSecret,
    requiredHeaders: { authorization: SECRETS.customHeader },
    now: atT0,
  }),
]);
const [wecom, ding, feishu, tg, custom] = fakes;
const DISCORD_THREAD = '1234567890123456789';
const discordFake = await startFakeDiscord({ threads: [DISCORD_THREAD] });
afterAll(() => discordFake.close());
// The channels whose failure handling is checked here; every channel's acceptance of every type
// is the channel matrix's (test/flows/channels/matrix.test.ts).
const fakeOf = { wechat: wecom, dingtalk: ding, feishu, telegram: tg, custom, discord: discordFake };
type Checked = keyof typeof fakeOf;

const targets: { [C in Checked]: SendTargetOf<C> } = {
  wechat: { id: 't-wechat', channel: 'wechat', webhookUrl: wecom.webhookUrl },
  dingtalk: { id: 't-ding', channel: 'dingtalk', webhookUrl: ding.webhookUrl, dingtalkSecret: SECRETS.dingSecret },
  feishu: { id: 't-feishu', channel: 'feishu', webhookUrl: feishu.webhookUrl, feishuSecret: SECRETS.feishuSecret },
  telegram: { id: 't-tg', channel: 'telegram', telegramBotToken: SECRETS.tgToken },
  discord: { id: 't-discord', channel: 'discord', webhookUrl: discordFake.webhookUrl, discordThreadId: DISCORD_THREAD },
  custom: {
    id: 't-custom',
    channel: 'custom',
    webhookUrl: custom.webhookUrl,
    signingSecret: SECRETS.customSecret,
    customHeaders: { Authorization: SECRETS.customHeader },
  },
};

const http = createHttpClient({ policy: createAddressPolicy(['127.0.0.0/8']) });
const logs = captureLogs();
const logger = createLogger('debug', logs.stream);

function deps(clock: Clock, totalTimeoutMs = 5_000): SendDeps {
  return { http, clock, logger, telegramApiBaseUrl: tg.apiBaseUrl, connectTimeoutMs: 1_000, totalTimeoutMs };
}

function bodyFor(channel: Checked, type: NotificationType = 'circuit_breaker', locale: Locale = 'zh-CN') {
  return renderNotification({
    type,
    data: sampleData(type, NOW),
    channel,
    locale,
    timezone: 'Asia/Shanghai',
    now: NOW,
    config: { telegramChatId: '-100777', telegramTopicId: 42 },
  }).body;
}

beforeAll(() => {
  for (const f of fakes) f.clear();
});
afterAll(async () => {
  await http.close();
  await Promise.all(fakes.map((f) => f.close()));
});

describe('failures end in the right class after the right attempts and waits', () => {
  type Case = {
    name: string;
    channel: Checked;
    script: Parameters<(typeof wecom)['failNext']>[0];
    times: number;
    ok: boolean;
    cls: string | null;
    waits: number[];
    rateLimited?: boolean;
  };
  const cases: Case[] = [
    {
      name: 'Discord 429 retry_after 1.5',
      channel: 'discord',
      script: { kind: 'rateLimit', retryAfterSeconds: 1.5 },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'Discord 10015 Unknown Webhook',
      channel: 'discord',
      script: { kind: 'errcode', code: 10015 },
      times: 1,
      ok: false,
      cls: 'permanent',
      waits: [],
    },
    {
      name: '5xx every time',
      channel: 'wechat',
      script: { kind: 'status', status: 503 },
      times: 4,
      ok: false,
      cls: 'retryable',
      waits: [1000, 2000, 4000],
    },
    {
      name: '5xx once, then delivered',
      channel: 'custom',
      script: { kind: 'status', status: 502 },
      times: 1,
      ok: true,
      cls: null,
      waits: [1000],
    },
    {
      name: 'connection reset twice',
      channel: 'feishu',
      script: { kind: 'reset' },
      times: 2,
      ok: true,
      cls: null,
      waits: [1000, 2000],
    },
    {
      name: 'WeCom 45009 rate limit',
      channel: 'wechat',
      script: { kind: 'rateLimit' },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'DingTalk 130101',
      channel: 'dingtalk',
      script: { kind: 'rateLimit' },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'Feishu 9499',
      channel: 'feishu',
      script: { kind: 'rateLimit', code: 9499 },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'Feishu 11232',
      channel: 'feishu',
      script: { kind: 'rateLimit', code: 11232 },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'Telegram 429 retry_after 7',
      channel: 'telegram',
      script: { kind: 'rateLimit', retryAfterSeconds: 7 },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'custom 429 Retry-After 3',
      channel: 'custom',
      script: { kind: 'status', status: 429, retryAfterSeconds: 3 },
      times: 1,
      ok: false,
      cls: 'retryable',
      waits: [],
      rateLimited: true,
    },
    {
      name: 'WeCom 93000',
      channel: 'wechat',
      script: { kind: 'errcode', code: 93000 },
      times: 1,
      ok: false,
      cls: 'permanent',
      waits: [],
    },
    {
      name: 'WeCom 40058',
      channel: 'wechat',
      script: { kind: 'errcode', code: 40058 },
      times: 1,
      ok: false,
      cls: 'permanent',
      waits: [],
    },
    {
      name: 'DingTalk 460101',
      channel: 'dingtalk',
      script: { kind: 'errcode', code: 460101 },
      times: 1,
      ok: false,
      cls: 'permanent',
      waits: [],
    },
    {
      name: 'custom 404',
      channel: 'custom',
      script: { kind: 'status', status: 404 },
      times: 1,
      ok: false,
      cls: 'permanent',
      waits: [],
    },
  ];
  // A platform's rate-limit answer ends the send at once (no in-job retry: trying again soon only
  // counts against its window); the delivery waits for the target's pace instead.
  it.each(cases)(
    '$name → $cls after $waits',
    async ({ channel, script, times, ok, cls, waits: expected, rateLimited }) => {
      const fake = fakeOf[channel];
      fake.clearFailures();
      fake.failNext(script as never, times);
      const { clock, waits } = fakeClock();
      const r = await sendToTarget(deps(clock), targets[channel], bodyFor(channel), { messageId: 'm2' });
      expect({ ok: r.ok, cls: r.failureClass }).toEqual({ ok, cls });
      expect(waits).toEqual(expected);
      expect(r.attempts).toHaveLength(expected.length + 1);
      expect(r.rateLimited).toBe(rateLimited === true);
      fake.clearFailures();
    },
  );

  it('a timeout is retryable', async () => {
    wecom.failNext({ kind: 'timeout' }, 4);
    const { clock, waits } = fakeClock();
    const r = await sendToTarget(deps(clock, 300), targets.wechat, bodyFor('wechat'), { messageId: 'm3' });
    expect(r).toMatchObject({ ok: false, failureClass: 'retryable' });
    expect(r.attempts.map((a) => a.error)).toEqual(
      Array(4).fill(expect.stringMatching(/no complete answer .* within \d+ ms/)),
    );
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('a wait hint longer than a job should hold is handed to the queue', async () => {
    tg.failNext({ kind: 'rateLimit', retryAfterSeconds: 120 });
    const { clock, waits } = fakeClock();
    const r = await sendToTarget(deps(clock), targets.telegram, bodyFor('telegram'), { messageId: 'm4' });
    expect(r).toMatchObject({ ok: false, failureClass: 'retryable', retryAfterMs: 120_000 });
    expect(waits).toEqual([]);
  });

  it('a wrong DingTalk secret is 310000, permanent, one attempt', async () => {
    const { clock } = fakeClock();
    const r = await sendToTarget(
      deps(clock),
      { ...targets.dingtalk, dingtalkSecret: 'SEC-wrong' },
      bodyFor('dingtalk'),
      { messageId: 'm5' },
    );
    expect(r).toMatchObject({ ok: false, failureClass: 'permanent' });
    expect(r.error).toMatch(/^310000: sign not match/);
    expect(r.attempts).toHaveLength(1);
  });

  it('a DingTalk signature from a clock two hours off is refused (one-hour window)', async () => {
    const { clock } = fakeClock(new Date(T0.getTime() - 2 * 3_600_000));
    const r = await sendToTarget(deps(clock), targets.dingtalk, bodyFor('dingtalk'), { messageId: 'm6' });
    expect(r.error).toMatch(/^310000: invalid timestamp/);
  });

  it('a wrong Feishu secret is 19021, permanent', async () => {
    const { clock } = fakeClock();
    const r = await sendToTarget(deps(clock), { ...targets.feishu, feishuSecret: 'nope' }, bodyFor('feishu'), {
      messageId: 'm7',
    });
    expect(r).toMatchObject({ ok: false, failureClass: 'permanent' });
    expect(r.error).toMatch(/^19021:/);
  });

  it('an unknown Telegram chat is permanent with the platform message', async () => {
    const body = { ...bodyFor('telegram'), chat_id: '-100999' };
    const { clock } = fakeClock();
    const r = await sendToTarget(deps(clock), targets.telegram, body, { messageId: 'm8' });
    expect(r).toMatchObject({ ok: false, failureClass: 'permanent', statusCode: 400 });
    expect(r.error).toContain('chat not found');
  });

  it('signatures are recomputed per attempt; the Standard Webhooks id stays the same', async () => {
    custom.clear();
    custom.failNext({ kind: 'status', status: 500 }, 1);
    const { clock } = fakeClock();
    const r = await sendToTarget(deps(clock), targets.custom, bodyFor('custom'), { messageId: 'msg_stable' });
    expect(r.ok).toBe(true);
    const [first, second] = custom.received;
    expect(first?.headers['webhook-id']).toBe('msg_stable');
    expect(second?.headers['webhook-id']).toBe('msg_stable');
    expect(second?.headers['webhook-timestamp']).not.toBe(first?.headers['webhook-timestamp']);
  });

  it('a missing webhook URL fails permanently without sending', async () => {
    const { clock } = fakeClock();
    const r = await sendToTarget(deps(clock), { channel: 'wechat' }, bodyFor('wechat'), { messageId: 'm9' });
    expect(r).toMatchObject({
      ok: false,
      failureClass: 'permanent',
      error: 'webhookUrl: required for a wechat target',
    });
    expect(r.attempts).toEqual([]);
  });

  it('a loopback target is refused without the allowlist, permanently', async () => {
    const strict = createHttpClient({ policy: createAddressPolicy([]) });
    try {
      const before = wecom.received.length;
      const { clock } = fakeClock();
      const r = await sendToTarget({ ...deps(clock), http: strict }, targets.wechat, bodyFor('wechat'), {
        messageId: 'm10',
      });
      expect(r).toMatchObject({ ok: false, failureClass: 'permanent' });
      expect(r.error).toMatch(/loopback/);
      expect(wecom.received.length).toBe(before);
    } finally {
      await strict.close();
    }
  });
});

describe('logs', () => {
  it('record each attempt and the final failure, and never a secret', () => {
    expect(logs.lines.some((l) => l.action === 'webhook_send')).toBe(true);
    expect(logs.lines.some((l) => l.action === 'webhook_send_failed')).toBe(true);
    const text = logs.raw.join('\n');
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain('AAH-telegram');
  });
});
