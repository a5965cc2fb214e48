import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { ErrorEnvelope, HERALD_ERRORS, type HeraldErrorCode } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAIN_MAX_BYTES } from '../../src/http/error-answers.ts';
import { BODY_LIMIT_BYTES } from '../../src/http/server.ts';
import { LOGIN_RATE_LIMIT } from '../../src/http/trpc-gate.ts';
import { createTestDatabase } from '../db.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

/**
 * A TCP relay in front of the test database: `down()` cuts every connection and refuses new
 * ones (the database "goes away" for Herald), `up()` lets them through again.
 */
async function databaseRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s)).on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(target);
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    down() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    up() {
      open = true;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let h: TestHerald;
let relay: Awaited<ReturnType<typeof databaseRelay>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let hubKey: string;
beforeAll(async () => {
  database = await createTestDatabase();
  relay = await databaseRelay(new URL(database.url));
  // Behind a trusted proxy, so the login limit can be reached from an address of this test's own.
  h = await startTestHerald({ DATABASE_URL: relay.url, TRUST_PROXY: 'true' });
  hubKey = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'errors hub' })).key;
});
afterAll(async () => {
  relay?.up();
  await h?.close();
  await relay?.close();
  await database?.drop();
});

type Answer = { status: number; headers: Headers | http.IncomingHttpHeaders; text: string };

/**
 * The one documented error shape, exactly: no other keys at any level, the HTTP status repeated
 * in `httpStatus`, and the machine code with the retry flag core's table gives it.
 */
function expectError(res: Answer, status: number, code: HeraldErrorCode) {
  expect(res.status, res.text).toBe(status);
  const type = res.headers instanceof Headers ? res.headers.get('content-type') : res.headers['content-type'];
  expect(type).toMatch(/^application\/json/);
  const body = JSON.parse(res.text);
  expect(ErrorEnvelope.parse(body)).toEqual(body);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'data', 'message']);
  for (const key of Object.keys(body.error.data))
    expect(['code', 'httpStatus', 'path', 'issues', 'herald']).toContain(key);
  expect(body.error.data.httpStatus).toBe(status);
  expect(body.error.data.herald.code).toBe(code);
  expect(body.error.data.herald.retryable).toBe(HERALD_ERRORS[code].retryable);
  expect(body.error.message).not.toBe('');
  return body as ErrorEnvelope;
}

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  headers: res.headers,
  text: await res.text(),
});
const get = async (path: string, headers: Record<string, string> = {}) =>
  answer(await fetch(`${h.url}${path}`, { headers }));
const post = async (path: string, body: string | null, headers: Record<string, string> = {}) =>
  answer(await fetch(`${h.url}${path}`, { method: 'POST', headers, body }));
const hubAuth = () => ({ authorization: `Bearer ${hubKey}` });
const json = { 'content-type': 'application/json' };

/** A request with a plain `node:http` client (no fetch niceties): the body streamed in 64 KiB writes. */
function rawPost(
  path: string,
  bodyBytes: number,
  headers: Record<string, string | number>,
): Promise<Answer & { writeError: Error | null; wroteAll: boolean }> {
  return new Promise((resolve, reject) => {
    let writeError: Error | null = null;
    let wroteAll = false;
    const req = http.request(`${h.url}${path}`, { method: 'POST', headers });
    req.on('error', (e) => {
      writeError = e;
    });
    req.on('finish', () => {
      wroteAll = true;
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on(
        'end',
        () =>
          // A reset would arrive as an error on the request after the answer: wait for the socket to close.
          req.socket?.once('close', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, writeError, wroteAll }),
          ) ?? reject(new Error('no socket')),
      );
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = bodyBytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        const more = req.write(n === chunk.length ? chunk : chunk.subarray(0, n));
        if (left === 0) break;
        if (!more) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** Raw bytes on a socket, for what no HTTP client would send. */
function rawSocket(request: string): Promise<string> {
  const { port } = new URL(h.url);
  return new Promise((resolve) => {
    let text = '';
    const s = net.connect(Number(port), '127.0.0.1', () => s.write(request));
    s.setEncoding('utf8');
    s.on('data', (c: string) => {
      text += c;
    });
    s.on('error', () => {});
    s.on('close', () => resolve(text));
  });
}
function parseRaw(text: string): Answer {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const status = Number(head.split(' ')[1]);
  const headers = new Headers(
    head
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(/:\s*/, 2) as [string, string]),
  );
  return { status, headers, text: body };
}

describe('every error a client can get comes in the one documented shape', () => {
  it('400 INVALID_INPUT: a bad value, named with its path', async () => {
    const record = { requestId: 'r', userId: 'u', providerId: 'p', costUsd: 'free', inputTokens: 1, outputTokens: 1 };
    const body = expectError(
      await post('/trpc/hub.recordUsage', JSON.stringify({ records: [record] }), { ...json, ...hubAuth() }),
      400,
      'INVALID_INPUT',
    );
    expect(body.error.data.herald.issues).toEqual([
      {
        path: 'records.0.costUsd',
        message: 'must be a number of US dollars',
        code: 'field.wrong_type',
        params: { expected: 'number' },
      },
    ]);
    expect(body.error.data.path).toBe('hub.recordUsage');
  });

  it('400 INVALID_INPUT: a body that is not JSON, and a URL that cannot be decoded', async () => {
    expectError(await post('/trpc/hub.recordUsage', '{"records": [', { ...json, ...hubAuth() }), 400, 'INVALID_INPUT');
    expectError(await get('/trpc/hub.ping%E0%A4%A', hubAuth()), 400, 'INVALID_INPUT');
  });

  it('400 UNKNOWN_FIELD: a field Herald does not know, with the one meant', async () => {
    const body = expectError(
      await post('/trpc/hub.syncUsers', JSON.stringify({ users: [{ id: 'u', name: 'U', limit5hUSD: 5 }] }), {
        ...json,
        ...hubAuth(),
      }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(body.error.data.herald.issues).toEqual([
      { path: 'users.0.limit5hUSD', message: 'unknown field (did you mean `limit5hUsd`?)', code: 'field.unknown' },
    ]);
  });

  it('401 UNAUTHENTICATED: no key', async () => {
    const body = expectError(await get('/trpc/hub.ping'), 401, 'UNAUTHENTICATED');
    expect(body.error.data.herald).toMatchObject({ reason: 'auth.hub_key_required', params: {} });
  });

  it('403 FORBIDDEN: a change with the session cookie from another origin', async () => {
    const login = await h.api(
      'auth.login',
      { token: TEST_ADMIN_TOKEN },
      { headers: { 'x-forwarded-for': '127.0.9.1' } },
    );
    const cookie = `herald_session=${login.headers.get('set-cookie')?.match(/herald_session=([^;]+)/)?.[1]}`;
    const body = expectError(
      await post('/trpc/settings.update', '{}', { ...json, cookie, origin: 'http://evil.example' }),
      403,
      'FORBIDDEN',
    );
    expect(body.error.data.herald).toMatchObject({
      reason: 'auth.cross_origin',
      params: { origin: 'http://evil.example' },
    });
  });

  it('404 NOT_FOUND: an unknown procedure, and a route that does not exist', async () => {
    expectError(await post('/trpc/hub.reportEverything', '{}', { ...json, ...hubAuth() }), 404, 'NOT_FOUND');
    expectError(await get('/trpc/hub/ping'), 404, 'NOT_FOUND');
    expectError(await get('/api/v1/anything'), 404, 'NOT_FOUND');
    expectError(await post('/healthz', '{}', json), 404, 'NOT_FOUND');
  });

  it('405 METHOD_NOT_ALLOWED: a mutation sent as GET', async () => {
    expectError(await get('/trpc/hub.recordUsage', hubAuth()), 405, 'METHOD_NOT_ALLOWED');
  });

  it('409 CONFLICT: ending a silence twice', async () => {
    const admin = h.client(TEST_ADMIN_TOKEN);
    const silence = await admin.silences.create.mutate({
      matcher: { kind: 'type', notificationType: 'cost_alert' },
      durationMinutes: 5,
    });
    await admin.silences.end.mutate({ id: silence.id });
    const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const body = expectError(
      await post('/trpc/silences.end', JSON.stringify({ id: silence.id }), { ...json, ...auth }),
      409,
      'CONFLICT',
    );
    expect(body.error.data.herald).toMatchObject({ reason: 'silence.already_ended', params: { id: silence.id } });
  });

  it('413 PAYLOAD_TOO_LARGE: a plain client writes its whole body and reads the answer, no broken pipe', async () => {
    const size = BODY_LIMIT_BYTES + 1024 * 1024;
    const sized = await rawPost('/trpc/hub.recordUsage', size, {
      ...json,
      ...hubAuth(),
      'content-length': size,
    });
    expect(sized.writeError).toBeNull();
    expect(sized.wroteAll).toBe(true);
    const body = expectError(sized, 413, 'PAYLOAD_TOO_LARGE');
    expect(body.error.message).toBe(
      `the body is over the limit of ${BODY_LIMIT_BYTES} bytes: send fewer records per call`,
    );

    // Streamed without a length: refused once it passes the limit, then read to its end the same way.
    const chunked = await rawPost('/trpc/hub.recordUsage', size, {
      ...json,
      ...hubAuth(),
      'transfer-encoding': 'chunked',
    });
    expect(chunked.writeError).toBeNull();
    expect(chunked.wroteAll).toBe(true);
    expectError(chunked, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('413 PAYLOAD_TOO_LARGE: a body declared far over the limit is answered before it is sent', async () => {
    const text = await rawSocket(
      `POST /trpc/hub.recordUsage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${hubKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${DRAIN_MAX_BYTES + 1}\r\n\r\n{"records":`,
    );
    const res = parseRaw(text);
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.headers instanceof Headers && res.headers.get('connection')).toBe('close');
  });

  it('415 UNSUPPORTED_MEDIA_TYPE: a body without a content type, or not JSON', async () => {
    expectError(await post('/trpc/hub.recordUsage', '{"records":[]}', hubAuth()), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(
      await post('/trpc/hub.recordUsage', 'records=1', {
        ...hubAuth(),
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('431 (PAYLOAD_TOO_LARGE) and 400: requests Node itself cannot take', async () => {
    const huge = parseRaw(
      await rawSocket(`GET /trpc/hub.ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`),
    );
    expectError(huge, 431, 'PAYLOAD_TOO_LARGE');
    expectError(parseRaw(await rawSocket('NOT HTTP AT ALL\r\n\r\n')), 400, 'INVALID_INPUT');
  });

  it('429 RATE_LIMITED with Retry-After: too many logins from one address', async () => {
    const from = { 'x-forwarded-for': '127.0.9.2' };
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++)
      await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from });
    const res = await post('/trpc/auth.login', JSON.stringify({ token: TEST_ADMIN_TOKEN }), { ...json, ...from });
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number((res.headers as Headers).get('retry-after'))).toBeGreaterThan(0);
  });

  it('500 INTERNAL: a fault says nothing of its cause, and may be retried', async () => {
    await h.db.schema.alterTable('silence').renameTo('silence_away').execute();
    try {
      const body = expectError(
        await get('/trpc/silences.list', { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }),
        500,
        'INTERNAL',
      );
      expect(body.error.message).toBe('internal error');
    } finally {
      await h.db.schema.alterTable('silence_away').renameTo('silence').execute();
    }
  });

  it('503 UNAVAILABLE with Retry-After while the database is away; the same call works once it is back', async () => {
    const users = JSON.stringify({ users: [{ id: 'u-outage', name: 'During' }] });
    relay.down();
    try {
      const res = await post('/trpc/hub.syncUsers', users, { ...json, ...hubAuth() });
      const body = expectError(res, 503, 'UNAVAILABLE');
      expect((res.headers as Headers).get('retry-after')).toBe('2');
      expect(body.error.message).toBe('the database is unavailable right now: retry in a few seconds');
      expect(body.error.data.herald).toMatchObject({
        reason: 'database.unavailable',
        params: { retryAfterSeconds: 2 },
      });
    } finally {
      relay.up();
    }
    const again = await post('/trpc/hub.syncUsers', users, { ...json, ...hubAuth() });
    expect(again.status, again.text).toBe(200);
  });
});
