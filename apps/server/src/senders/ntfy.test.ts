import { describe, expect, it } from 'vitest';
import { NTFY_REFILL_MS, ntfySender } from './ntfy.ts';
import { type PlatformResponse, SenderConfigError, type SendTargetOf } from './sender.ts';

const ctx = { messageId: 'msg_1', now: new Date('2026-01-15T06:30:00.000Z'), telegramApiBaseUrl: '' };
const TOKEN = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
const target = (over: Partial<SendTargetOf<'ntfy'>> = {}): SendTargetOf<'ntfy'> => ({
  channel: 'ntfy',
  webhookUrl: 'https://ntfy.example.com/herald-alerts',
  ntfyToken: TOKEN,
  ...over,
});
const res = (status: number, body: unknown, headers: Record<string, string> = {}): PlatformResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const ntfyError = (code: number, http: number, error: string) => res(http, { code, http, error, link: 'x' });

describe('ntfy sender: prepare', () => {
  it('publishes JSON to the server root with the topic first and the token as Bearer', () => {
    const body = { title: 'T', message: 'm', priority: 5, tags: ['warning'], markdown: true };
    const req = ntfySender.prepare(target(), body, ctx);
    expect(req.url).toBe('https://ntfy.example.com/');
    expect(req.headers).toEqual({ 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` });
    expect(JSON.parse(req.body)).toEqual({ topic: 'herald-alerts', ...body });
    expect(Object.keys(JSON.parse(req.body))[0]).toBe('topic');
  });

  it('sends no Authorization without a token, and keeps a path prefix', () => {
    const req = ntfySender.prepare(
      target({ ntfyToken: null, webhookUrl: 'http://127.0.0.1:8080/ntfy/a_b-1' }),
      {},
      ctx,
    );
    expect(req.url).toBe('http://127.0.0.1:8080/ntfy/');
    expect(req.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(req.body)).toEqual({ topic: 'a_b-1' });
  });

  it('names the field when the URL has no topic', () => {
    expect(() => ntfySender.prepare(target({ webhookUrl: ' ' }), {}, ctx)).toThrow(
      new SenderConfigError('webhookUrl: required for a ntfy target'),
    );
    expect(() => ntfySender.prepare(target({ webhookUrl: 'https://ntfy.example.com/' }), {}, ctx)).toThrow(
      /webhookUrl: must end in an ntfy topic/,
    );
  });
});

describe('ntfy sender: judge', () => {
  it('takes ntfy’s stored message as success, and nothing else over a 2xx', () => {
    const stored = { id: 'hXy2', time: 1, expires: 2, event: 'message', topic: 't', message: 'm' };
    expect(ntfySender.judge(res(200, stored))).toEqual({ ok: true });
    expect(ntfySender.judge(res(200, '<html>proxy</html>'))).toMatchObject({
      ok: false,
      class: 'permanent',
      message: 'unexpected answer: <html>proxy</html>',
    });
    expect(ntfySender.judge(res(200, { ...stored, event: 'open' })).ok).toBe(false);
  });

  it('42901 is ntfy’s rate limit: wait the 5 s refill, or the Retry-After a proxy adds', () => {
    const limit = ntfyError(42901, 429, 'limit reached: too many requests, please be nice');
    expect(ntfySender.judge(limit)).toEqual({
      ok: false,
      class: 'retryable',
      rateLimited: true,
      code: 42901,
      message: '42901: limit reached: too many requests, please be nice',
      retryAfterMs: NTFY_REFILL_MS,
    });
    expect(ntfySender.judge({ ...limit, headers: { 'retry-after': '30' } })).toMatchObject({ retryAfterMs: 30_000 });
    // The daily message limit: rate-limited too, but the 5 s refill says nothing about it.
    const daily = ntfySender.judge(ntfyError(42908, 429, 'limit reached: too many messages'));
    expect(daily).toMatchObject({ class: 'retryable', rateLimited: true, code: 42908 });
    expect(daily.ok === false && daily.retryAfterMs).toBeUndefined();
  });

  it.each([
    [40101, 401, 'unauthorized'],
    [40301, 403, 'forbidden'],
    [40401, 404, 'page not found'],
    [40009, 400, 'invalid request: topic invalid'],
    [40007, 400, 'invalid priority parameter'],
    [40017, 400, 'invalid request: request body must be message JSON'],
    [41301, 413, 'attachment too large, or bandwidth limit reached'],
    [41303, 413, 'JSON body too large'],
  ])('%i is permanent, with ntfy’s code and words', (code, http, error) => {
    expect(ntfySender.judge(ntfyError(code, http, error))).toEqual({
      ok: false,
      class: 'permanent',
      code,
      message: `${code}: ${error}`,
    });
  });

  it('5xx is retryable, a bare 429 from a proxy is a rate limit, other bare errors are permanent', () => {
    expect(ntfySender.judge(ntfyError(50001, 500, 'internal server error'))).toEqual({
      ok: false,
      class: 'retryable',
      code: 50001,
      message: '50001: internal server error',
    });
    expect(ntfySender.judge(res(502, 'Bad Gateway'))).toMatchObject({ class: 'retryable', code: 502 });
    expect(ntfySender.judge(res(429, 'slow down', { 'retry-after': '2' }))).toMatchObject({
      rateLimited: true,
      retryAfterMs: 2_000,
    });
    expect(ntfySender.judge(res(400, 'nope'))).toEqual({
      ok: false,
      class: 'permanent',
      code: 400,
      message: 'HTTP 400: nope',
    });
  });
});

describe('ntfy sender: secrets', () => {
  it('are the topic URL, the token and a topic long enough to be one', () => {
    expect(ntfySender.secretsOf(target())).toEqual(['https://ntfy.example.com/herald-alerts', TOKEN, 'herald-alerts']);
    expect(ntfySender.secretsOf(target({ webhookUrl: 'https://ntfy.example.com/alerts', ntfyToken: null }))).toEqual([
      'https://ntfy.example.com/alerts',
      '',
      '',
    ]);
  });
});
