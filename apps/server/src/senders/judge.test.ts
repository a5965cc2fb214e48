import { describe, expect, it } from 'vitest';
import { byBusinessCode, byStatus, clampHint, jsonOf, retryAfterHeader } from './judge.ts';
import type { PlatformResponse, Verdict } from './sender.ts';

const res = (status: number, body = '', headers: PlatformResponse['headers'] = {}): PlatformResponse => ({
  status,
  headers,
  body,
});
const NOW = Date.parse('2026-01-15T06:30:00.000Z');
const CODES = { retryable: [45009, -1], permanent: [93000] } as const;

/** `ok`, or `class code message [after ms]`: everything a verdict says, in one comparable string. */
function show(v: Verdict): string {
  if (v.ok) return 'ok';
  return `${v.class} ${v.code} ${v.message}${v.retryAfterMs !== undefined ? ` after ${v.retryAfterMs}` : ''}`;
}

describe('Retry-After', () => {
  const after = (value: string | string[] | undefined) => retryAfterHeader(res(429, '', { 'retry-after': value }), NOW);

  it('reads delta-seconds, with a fraction as written rather than as a date', () => {
    expect(after('0')).toBe(0);
    expect(after('7')).toBe(7000);
    expect(after(' 12 ')).toBe(12_000);
    expect(after('1.5')).toBe(1500);
    expect(after('0.25')).toBe(250);
  });

  it('reads an HTTP date against the given clock, never below zero', () => {
    expect(after('Thu, 15 Jan 2026 06:30:30 GMT')).toBe(30_000);
    expect(after('Thu, 15 Jan 2026 06:29:00 GMT')).toBe(0);
    expect(after(['Thu, 15 Jan 2026 06:31:00 GMT', '5'])).toBe(60_000);
    expect(after(['9'])).toBe(9000);
    expect(after('2026-01-15T06:30:30Z')).toBe(30_000);
  });

  it('is undefined when absent or unreadable (a number that is neither seconds nor a date)', () => {
    for (const v of [undefined, '', '   ', 'soon', '-5', '1.5.2', '1e3', '+3', '.5', '5.']) {
      expect(after(v), JSON.stringify(v)).toBeUndefined();
    }
  });

  it('uses the wall clock only when no time is given', () => {
    const r = res(429, '', { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
    const ms = retryAfterHeader(r) as number;
    expect(ms).toBeGreaterThan(3_500_000);
    expect(ms).toBeLessThanOrEqual(3_600_000);
  });

  it('a hint is bounded to 0 … 5 minutes', () => {
    expect([clampHint(undefined), clampHint(-1), clampHint(0), clampHint(299_999)]).toEqual([undefined, 0, 0, 299_999]);
    expect([clampHint(300_000), clampHint(300_001), clampHint(86_400_000)]).toEqual([300_000, 300_000, 300_000]);
  });
});

describe('jsonOf', () => {
  it('is the object of a JSON answer and null for anything else', () => {
    expect(jsonOf(res(200, '{"errcode":0}'))).toEqual({ errcode: 0 });
    for (const body of ['', 'not json', '[1,2]', 'null', '5', '"s"', 'true']) expect(jsonOf(res(200, body))).toBeNull();
  });
});

describe('byStatus: the HTTP verdict at every boundary', () => {
  it.each([
    [199, 'permanent 199 HTTP 199'],
    [200, 'ok'],
    [204, 'ok'],
    [299, 'ok'],
    [300, 'permanent 300 HTTP 300'],
    [400, 'permanent 400 HTTP 400'],
    [404, 'permanent 404 HTTP 404'],
    [407, 'permanent 407 HTTP 407'],
    [408, 'retryable 408 HTTP 408'],
    [409, 'permanent 409 HTTP 409'],
    [428, 'permanent 428 HTTP 428'],
    [429, 'retryable 429 HTTP 429'],
    [430, 'permanent 430 HTTP 430'],
    [499, 'permanent 499 HTTP 499'],
    [500, 'retryable 500 HTTP 500'],
    [502, 'retryable 502 HTTP 502'],
    [599, 'retryable 599 HTTP 599'],
  ])('%i → %s', (status, expected) => {
    expect(show(byStatus(res(status)))).toBe(expected);
  });

  it('keeps the caller message and carries a bounded Retry-After on 429 only', () => {
    expect(show(byStatus(res(429, '', { 'retry-after': '3' }), 'slow down'))).toBe(
      'retryable 429 slow down after 3000',
    );
    expect(show(byStatus(res(429, '', { 'retry-after': '9999' })))).toBe('retryable 429 HTTP 429 after 300000');
    expect(byStatus(res(429))).not.toHaveProperty('retryAfterMs');
    expect(byStatus(res(503, '', { 'retry-after': '3' }))).not.toHaveProperty('retryAfterMs');
  });
});

describe('byBusinessCode: the platform code decides', () => {
  const judge = (status: number, code: number | undefined, headers: PlatformResponse['headers'] = {}) =>
    show(byBusinessCode(res(status, '{"x":1}', headers), code, 'msg', CODES));

  it('code 0 is delivered only with a 2xx; over an HTTP error it is that error', () => {
    expect(judge(200, 0)).toBe('ok');
    expect(judge(299, 0)).toBe('ok');
    expect(judge(300, 0)).toBe('permanent 300 HTTP 300');
    expect(judge(502, 0)).toBe('retryable 502 HTTP 502');
    expect(judge(400, 0)).toBe('permanent 400 HTTP 400');
  });

  it('no code: a 2xx is not proof of delivery, an HTTP error is judged by its status with the body', () => {
    expect(judge(200, undefined)).toBe('permanent undefined unexpected answer: {"x":1}');
    expect(judge(299, undefined)).toBe('permanent undefined unexpected answer: {"x":1}');
    expect(judge(300, undefined)).toBe('permanent 300 HTTP 300: {"x":1}');
    expect(judge(503, undefined)).toBe('retryable 503 HTTP 503: {"x":1}');
    const long = show(byBusinessCode(res(200, 'y'.repeat(500)), undefined, '', CODES));
    expect(long).toBe(`permanent undefined unexpected answer: ${'y'.repeat(200)}`);
    const longError = show(byBusinessCode(res(500, 'z'.repeat(500)), undefined, '', CODES));
    expect(longError).toBe(`retryable 500 HTTP 500: ${'z'.repeat(200)}`);
  });

  it('listed codes, and unknown codes by HTTP status (5xx retryable)', () => {
    expect(judge(200, 45009)).toBe('retryable 45009 45009: msg');
    expect(judge(200, -1)).toBe('retryable -1 -1: msg');
    expect(judge(500, 93000)).toBe('permanent 93000 93000: msg');
    expect(judge(200, 12345)).toBe('permanent 12345 12345: msg');
    expect(judge(499, 12345)).toBe('permanent 12345 12345: msg');
    expect(judge(500, 12345)).toBe('retryable 12345 12345: msg');
  });

  it('a retryable code carries the bounded Retry-After; a permanent one none', () => {
    expect(judge(200, 45009, { 'retry-after': '4' })).toBe('retryable 45009 45009: msg after 4000');
    expect(judge(200, 45009, { 'retry-after': '1.5' })).toBe('retryable 45009 45009: msg after 1500');
    expect(judge(500, 12345, { 'retry-after': '999' })).toBe('retryable 12345 12345: msg after 300000');
    expect(judge(200, 93000, { 'retry-after': '4' })).toBe('permanent 93000 93000: msg');
    expect(byBusinessCode(res(200, ''), 45009, 'm', CODES)).not.toHaveProperty('retryAfterMs');
  });
});
