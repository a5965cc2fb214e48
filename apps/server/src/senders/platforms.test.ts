import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { systemClock } from './clock.ts';
import { SENDERS, senderOf } from './index.ts';
import {
  type HttpChannelSender,
  type PlatformResponse,
  requireField,
  SenderConfigError,
  type Verdict,
} from './sender.ts';

const ctx = { messageId: 'msg_1', now: new Date('2026-01-15T06:30:00.000Z'), telegramApiBaseUrl: 'http://127.0.0.1:9' };
const res = (status: number, body: unknown, headers: Record<string, string> = {}): PlatformResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const show = (v: Verdict) =>
  v.ok ? 'ok' : `${v.class} ${v.code} ${v.message}${v.retryAfterMs !== undefined ? ` after ${v.retryAfterMs}` : ''}`;

describe('each sender', () => {
  it('is registered under its own channel', () => {
    for (const [channel, sender] of Object.entries(SENDERS)) expect(sender.channel).toBe(channel);
  });

  it('names the missing field and the channel', () => {
    for (const [channel, field] of [
      ['wechat', 'webhookUrl'],
      ['feishu', 'webhookUrl'],
      ['dingtalk', 'webhookUrl'],
      ['custom', 'webhookUrl'],
      ['telegram', 'telegramBotToken'],
    ] as const) {
      expect(() =>
        (senderOf(channel) as HttpChannelSender).prepare({ channel, webhookUrl: '  ' } as never, {}, ctx),
      ).toThrow(new SenderConfigError(`${field}: required for a ${channel} target`));
    }
    expect(requireField(' x ', 'f', 'wechat')).toBe('x');
    expect(new SenderConfigError('m').name).toBe('SenderConfigError');
  });

  it('lists every secret a target holds, for masking', () => {
    const url = 'https://h.test/hook/ab12cd34?key=K3Y&access_token=T0K';
    expect(SENDERS.wechat.secretsOf({ channel: 'wechat', webhookUrl: url })).toEqual([url, 'K3Y']);
    expect(SENDERS.dingtalk.secretsOf({ channel: 'dingtalk', webhookUrl: url, dingtalkSecret: 'SEC' })).toEqual([
      url,
      'SEC',
      'T0K',
    ]);
    expect(
      SENDERS.feishu.secretsOf({ channel: 'feishu', webhookUrl: 'https://f.test/hook/h00k', feishuSecret: 'S' }),
    ).toEqual(['https://f.test/hook/h00k', 'S', 'h00k']);
    expect(SENDERS.telegram.secretsOf({ channel: 'telegram', telegramBotToken: '1:abc' })).toEqual(['1:abc']);
    expect(
      SENDERS.custom.secretsOf({
        channel: 'custom',
        webhookUrl: url,
        signingSecret: 'whsec_x',
        customHeaders: { A: 'v1' },
      }),
    ).toEqual([url, 'whsec_x', 'v1']);
    for (const channel of ['wechat', 'dingtalk', 'feishu', 'telegram', 'custom'] as const) {
      expect(
        senderOf(channel)
          .secretsOf({ channel } as never)
          .every((s) => s === ''),
      ).toBe(true);
    }
  });
});

describe('signing', () => {
  it('trims the secrets; without one nothing is added', () => {
    const ts = ctx.now.getTime();
    const d = new URL(
      SENDERS.dingtalk.prepare(
        { channel: 'dingtalk', webhookUrl: 'https://d.test/robot/send?access_token=T', dingtalkSecret: ' SEC ' },
        {},
        ctx,
      ).url,
    );
    expect(d.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC').update(`${ts}\nSEC`).digest('base64'));
    const blank = SENDERS.dingtalk.prepare(
      { channel: 'dingtalk', webhookUrl: 'https://d.test/robot/send?access_token=T', dingtalkSecret: '  ' },
      { a: 1 },
      ctx,
    );
    expect(blank).toEqual({ url: 'https://d.test/robot/send?access_token=T', headers: {}, body: '{"a":1}' });

    const f = SENDERS.feishu.prepare(
      { channel: 'feishu', webhookUrl: 'https://f.test/h', feishuSecret: ' s ' },
      { a: 1 },
      ctx,
    );
    const seconds = Math.floor(ts / 1000);
    expect(JSON.parse(f.body)).toEqual({
      timestamp: String(seconds),
      sign: createHmac('sha256', `${seconds}\ns`).update('').digest('base64'),
      a: 1,
    });
    expect(
      SENDERS.feishu.prepare({ channel: 'feishu', webhookUrl: 'https://f.test/h', feishuSecret: ' ' }, { a: 1 }, ctx),
    ).toEqual({ url: 'https://f.test/h', headers: {}, body: '{"a":1}' });
    const w = SENDERS.wechat.prepare({ channel: 'wechat', webhookUrl: ' https://w.test/x ' }, { a: 1 }, ctx);
    expect(w).toEqual({ url: 'https://w.test/x', headers: {}, body: '{"a":1}' });
  });

  it('custom: headers as configured; Standard Webhooks headers only with a secret', () => {
    const p = SENDERS.custom.prepare(
      { channel: 'custom', webhookUrl: 'https://c.test/h', customHeaders: { 'X-Team': 'ops' } },
      { a: 1 },
      ctx,
    );
    expect(p).toEqual({ url: 'https://c.test/h', headers: { 'X-Team': 'ops' }, body: '{"a":1}' });
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const s = SENDERS.custom.prepare(
      { channel: 'custom', webhookUrl: 'https://c.test/h', signingSecret: secret },
      {},
      ctx,
    );
    expect(Object.keys(s.headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(s.headers['webhook-timestamp']).toBe(String(Math.floor(ctx.now.getTime() / 1000)));
  });
});

describe('platform answers', () => {
  it('telegram', () => {
    const j = (r: PlatformResponse) => show(SENDERS.telegram.judge(r));
    expect(j(res(200, { ok: true }))).toBe('ok');
    expect(j(res(500, { ok: true }))).toBe('retryable 500 500: HTTP 500');
    expect(j(res(200, { ok: false, description: 'odd' }))).toBe('permanent 200 unexpected answer: odd');
    expect(j(res(299, 'not json'))).toBe('permanent 299 unexpected answer: HTTP 299');
    expect(j(res(400, { ok: false, error_code: 400, description: 'Bad Request: x' }))).toBe(
      'permanent 400 400: Bad Request: x',
    );
    expect(j(res(403, { ok: false }))).toBe('permanent 403 403: HTTP 403');
    expect(j(res(429, 'slow down'))).toBe('retryable 429 HTTP 429');
    expect(j(res(400, { ok: false, error_code: 429, description: 'Too Many', parameters: { retry_after: 2 } }))).toBe(
      'retryable 429 Too Many after 2000',
    );
    expect(j(res(429, { ok: false, error_code: 429, parameters: { retry_after: '2' } }))).toBe(
      'retryable 429 HTTP 429',
    );
    expect(SENDERS.telegram.judge(res(429, { ok: false, error_code: 429 }))).not.toHaveProperty('retryAfterMs');
    expect(j(res(502, { ok: false, error_code: 502, description: 'Bad Gateway' }))).toBe(
      'retryable 502 502: Bad Gateway',
    );
  });

  it('feishu: code or StatusCode, and 9499 retried only when it says too many', () => {
    const j = (r: PlatformResponse) => show(SENDERS.feishu.judge(r));
    expect(j(res(200, { StatusCode: 19021, StatusMessage: 'sign fail' }))).toBe('permanent 19021 19021: sign fail');
    expect(j(res(200, { code: '0', msg: 'x' }))).toBe('permanent undefined unexpected answer: {"code":"0","msg":"x"}');
    expect(j(res(400, { code: 9499, msg: 'Too Many Requests' }))).toBe('retryable 9499 9499: Too Many Requests');
    expect(j(res(400, { code: 9499 }))).toBe('permanent 9499 9499: ');
    expect(j(res(200, { code: 2200, msg: 'internal' }))).toBe('retryable 2200 2200: internal');
  });

  it('wechat and dingtalk: errcode and errmsg', () => {
    expect(show(SENDERS.wechat.judge(res(200, { errcode: -1, errmsg: 'busy' })))).toBe('retryable -1 -1: busy');
    expect(show(SENDERS.wechat.judge(res(200, { errcode: '0' })))).toBe(
      'permanent undefined unexpected answer: {"errcode":"0"}',
    );
    expect(show(SENDERS.wechat.judge(res(200, { errcode: 1 })))).toBe('permanent 1 1: ');
    expect(show(SENDERS.dingtalk.judge(res(200, { errcode: -1, errmsg: 'busy' })))).toBe('retryable -1 -1: busy');
    expect(show(SENDERS.dingtalk.judge(res(200, { errcode: '0' })))).toBe(
      'permanent undefined unexpected answer: {"errcode":"0"}',
    );
    expect(show(SENDERS.dingtalk.judge(res(200, { errcode: 1 })))).toBe('permanent 1 1: ');
  });

  it('custom: any 2xx; otherwise the status with the start of the body', () => {
    const j = (r: PlatformResponse) => show(SENDERS.custom.judge(r));
    expect(j(res(299, 'fine'))).toBe('ok');
    expect(j(res(300, 'moved'))).toBe('permanent 300 HTTP 300: moved');
    expect(j(res(404, 'n'.repeat(300)))).toBe(`permanent 404 HTTP 404: ${'n'.repeat(200)}`);
  });
});

describe('the system clock', () => {
  it('tells the time and waits', async () => {
    expect(systemClock.now()).toBeInstanceOf(Date);
    const before = performance.now();
    await systemClock.sleep(20);
    expect(performance.now() - before).toBeGreaterThanOrEqual(19);
  });
});
