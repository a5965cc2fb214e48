import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { dingtalkSign } from './dingtalk.ts';
import { feishuSign } from './feishu.ts';
import { SENDERS } from './index.ts';
import type { HttpChannelSender, PlatformResponse } from './sender.ts';

const ctx = {
  messageId: 'msg_2mN3',
  now: new Date('2026-01-15T06:30:00.123Z'),
  telegramApiBaseUrl: 'http://127.0.0.1:9',
};
const res = (status: number, body: unknown, headers: Record<string, string> = {}): PlatformResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('signing', () => {
  it('dingtalk: ms timestamp and URL-encoded sign in the query, recomputed per attempt', () => {
    const target = {
      channel: 'dingtalk' as const,
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=T',
      dingtalkSecret: 'SECabc',
    };
    const a = new URL(SENDERS.dingtalk.prepare(target, { msgtype: 'markdown' }, ctx).url);
    expect(a.searchParams.get('access_token')).toBe('T');
    expect(a.searchParams.get('timestamp')).toBe(String(ctx.now.getTime()));
    const expected = createHmac('sha256', 'SECabc').update(`${ctx.now.getTime()}\nSECabc`).digest('base64');
    expect(a.searchParams.get('sign')).toBe(expected);
    expect(a.search).toContain(`sign=${encodeURIComponent(expected).replace(/%20/g, '+')}`);
    const later = { ...ctx, now: new Date(ctx.now.getTime() + 1000) };
    const b = new URL(SENDERS.dingtalk.prepare(target, {}, later).url);
    expect(b.searchParams.get('sign')).toBe(dingtalkSign(later.now.getTime(), 'SECabc'));
    expect(b.searchParams.get('sign')).not.toBe(expected);
  });

  it('dingtalk without a secret sends the URL unchanged', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=T';
    expect(SENDERS.dingtalk.prepare({ channel: 'dingtalk', webhookUrl: url }, {}, ctx).url).toBe(url);
  });

  it('feishu: second timestamp and sign in the body (key = ts\\nsecret, empty message)', () => {
    const p = SENDERS.feishu.prepare(
      { channel: 'feishu', webhookUrl: 'https://open.feishu.cn/x', feishuSecret: 's3' },
      { msg_type: 'interactive' },
      ctx,
    );
    const body = JSON.parse(p.body);
    const ts = Math.floor(ctx.now.getTime() / 1000);
    expect(body).toEqual({
      timestamp: String(ts),
      sign: createHmac('sha256', `${ts}\ns3`).update('').digest('base64'),
      msg_type: 'interactive',
    });
    expect(body.sign).toBe(feishuSign(ts, 's3'));
  });

  it('custom: Standard Webhooks headers that the reference library verifies; the id is stable', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    const target = {
      channel: 'custom' as const,
      webhookUrl: 'http://127.0.0.1:9/hook',
      signingSecret: secret,
      customHeaders: { 'X-Team': 'ops' },
    };
    const now = new Date();
    const p = SENDERS.custom.prepare(target, { a: 1 }, { ...ctx, now });
    expect(p.headers['X-Team']).toBe('ops');
    expect(p.headers['webhook-id']).toBe(ctx.messageId);
    expect(new Webhook(secret).verify(p.body, p.headers)).toEqual({ a: 1 });
    const retry = SENDERS.custom.prepare(target, { a: 1 }, { ...ctx, now: new Date(now.getTime() + 2000) });
    expect(retry.headers['webhook-id']).toBe(ctx.messageId);
    expect(retry.headers['webhook-signature']).not.toBe(p.headers['webhook-signature']);
  });

  it('telegram: the configured API base and the token path', () => {
    const p = SENDERS.telegram.prepare({ channel: 'telegram', telegramBotToken: '123:abc' }, {}, ctx);
    expect(p.url).toBe('http://127.0.0.1:9/bot123:abc/sendMessage');
  });

  it('a missing webhook URL is a configuration error naming the field', () => {
    expect(() => SENDERS.wechat.prepare({ channel: 'wechat' }, {}, ctx)).toThrow(
      /webhookUrl: required for a wechat target/,
    );
  });
});

describe('judging answers', () => {
  const cls = (channel: keyof typeof SENDERS, r: PlatformResponse) => {
    const v = (SENDERS[channel] as HttpChannelSender).judge(r);
    return v.ok ? 'ok' : `${v.class} ${v.code}${v.retryAfterMs !== undefined ? ` after ${v.retryAfterMs}` : ''}`;
  };

  it.each([
    ['wechat', res(200, { errcode: 0, errmsg: 'ok' }), 'ok'],
    ['wechat', res(200, { errcode: 45009, errmsg: 'api freq out of limit' }), 'retryable 45009'],
    ['wechat', res(200, { errcode: 93000, errmsg: 'invalid webhook url' }), 'permanent 93000'],
    ['wechat', res(200, { errcode: 40058, errmsg: 'too long' }), 'permanent 40058'],
    ['wechat', res(502, 'bad gateway'), 'retryable 502'],
    ['wechat', res(200, 'not json'), 'permanent undefined'],
    ['dingtalk', res(200, { errcode: 0 }), 'ok'],
    ['dingtalk', res(200, { errcode: 130101, errmsg: 'send too fast' }), 'retryable 130101'],
    ['dingtalk', res(200, { errcode: 310000, errmsg: 'sign not match' }), 'permanent 310000'],
    ['dingtalk', res(200, { errcode: 460101, errmsg: 'too large' }), 'permanent 460101'],
    ['feishu', res(200, { code: 0, msg: 'success' }), 'ok'],
    ['feishu', res(200, { StatusCode: 0, StatusMessage: 'success' }), 'ok'],
    ['feishu', res(400, { code: 9499, msg: 'too many request' }), 'retryable 9499'],
    ['feishu', res(200, { code: 11232, msg: 'frequency limited' }), 'retryable 11232'],
    ['feishu', res(400, { code: 9499, msg: 'Bad Request' }), 'permanent 9499'],
    ['feishu', res(200, { code: 19021, msg: 'sign match fail' }), 'permanent 19021'],
    ['feishu', res(400, { code: 19001, msg: 'param invalid' }), 'permanent 19001'],
    ['telegram', res(200, { ok: true, result: {} }), 'ok'],
    [
      'telegram',
      res(429, { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 7 } }),
      'retryable 429 after 7000',
    ],
    ['telegram', res(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }), 'permanent 400'],
    ['telegram', res(502, 'Bad Gateway'), 'retryable 502'],
    ['custom', res(204, ''), 'ok'],
    ['custom', res(429, '', { 'retry-after': '3' }), 'retryable 429 after 3000'],
    ['custom', res(503, 'down'), 'retryable 503'],
    ['custom', res(404, 'nope'), 'permanent 404'],
  ] as const)('%s %j → %s', (channel, r, expected) => {
    expect(cls(channel, r)).toBe(expected);
  });

  it('keeps the platform message', () => {
    const v = SENDERS.wechat.judge(res(200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [x]' }));
    expect(v).toMatchObject({ ok: false, message: '93000: invalid webhook url, hint: [x]' });
  });

  it('bounds a platform wait hint', () => {
    const v = SENDERS.telegram.judge(res(429, { ok: false, error_code: 429, parameters: { retry_after: 86_400 } }));
    expect(v.ok === false && v.retryAfterMs).toBe(300_000);
  });
});
