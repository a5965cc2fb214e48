import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald } from '../../../apps/server/test/herald.ts';
import { createHeraldClient, heraldErrorOf, isRetryable, retryAfterSeconds, TRPCClientError } from '../src/index.ts';

/** A stand-in for Herald (or what sits in front of it) on loopback: answers every call with `next`. */
type Answer = { status: number; body: string; headers?: Record<string, string> };
let next: Answer;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(next.status, next.headers ?? {});
    res.end(next.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function envelope(code: string, retryable: boolean, httpStatus: number, trpcCode: string) {
  return JSON.stringify({
    error: { message: 'refused', code: -32000, data: { code: trpcCode, httpStatus, herald: { code, retryable } } },
  });
}

async function failedPing(base = url): Promise<unknown> {
  return createHeraldClient({ url: base, apiKey: 'hrld_test' })
    .hub.ping.query()
    .then(
      () => expect.fail('the call succeeded'),
      (e: unknown) => e,
    );
}

describe('the retry helpers read what Herald answered', () => {
  it('503 with Retry-After: retry, after the seconds Herald named', async () => {
    next = {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '7' },
      body: envelope('UNAVAILABLE', true, 503, 'SERVICE_UNAVAILABLE'),
    };
    const err = await failedPing();
    expect(err).toBeInstanceOf(TRPCClientError);
    expect(heraldErrorOf(err)).toEqual({ code: 'UNAVAILABLE', retryable: true });
    expect(isRetryable(err)).toBe(true);
    expect(retryAfterSeconds(err)).toBe(7);
  });

  it('400: never retried, and no wait named', async () => {
    next = {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: envelope('INVALID_INPUT', false, 400, 'BAD_REQUEST'),
    };
    const err = await failedPing();
    expect(heraldErrorOf(err)?.code).toBe('INVALID_INPUT');
    expect(isRetryable(err)).toBe(false);
    expect(retryAfterSeconds(err)).toBeNull();
  });

  it('a proxy’s own error page (no Herald answer): retry', async () => {
    next = { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' };
    const err = await failedPing();
    expect(err).toBeInstanceOf(TRPCClientError);
    expect(heraldErrorOf(err)).toBeNull();
    expect(isRetryable(err)).toBe(true);
  });

  it('nothing listening (Herald down): retry', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await failedPing(`http://127.0.0.1:${port}`);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect(heraldErrorOf(err)).toBeNull();
    expect(isRetryable(err)).toBe(true);
    expect(retryAfterSeconds(err)).toBeNull();
  });

  it('anything that is not a client error is not Herald’s to judge', () => {
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(heraldErrorOf('nope')).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});

describe('against Herald itself', () => {
  it('too many wrong keys: 429, retryable, after the Retry-After Herald sends', async () => {
    // Its own Herald: the limit it trips holds for this address for a minute.
    const h = await startTestHerald();
    try {
      const herald = createHeraldClient({ url: h.url, apiKey: 'hrld_wrong', batch: false });
      const errors = await Promise.all(
        Array.from({ length: 11 }, () =>
          herald.hub.ping.query().then(
            () => null,
            (e: unknown) => e,
          ),
        ),
      );
      const codes = errors.map((e) => heraldErrorOf(e)?.code);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      const limited = errors[codes.indexOf('RATE_LIMITED')];
      expect(isRetryable(limited)).toBe(true);
      expect(retryAfterSeconds(limited)).toBeGreaterThan(0);
      expect(isRetryable(errors[codes.indexOf('UNAUTHENTICATED')])).toBe(false);
    } finally {
      await h.close();
    }
  });
});
