import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_RATE_LIMIT } from '../../src/http/trpc-gate.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

let h: TestHerald;
beforeAll(async () => {
  // Behind a trusted proxy, so each test poses as its own client address.
  h = await startTestHerald({ TRUST_PROXY: 'true' });
});
afterAll(() => h?.close());

let nextAddress = 1;
const newAddress = () => ({ 'x-forwarded-for': `127.0.8.${nextAddress++}` });

async function sessionCookie(): Promise<string> {
  const r = await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: newAddress() });
  return `herald_session=${r.headers.get('set-cookie')?.match(/herald_session=([^;]+)/)?.[1]}`;
}

const post = (path: string, headers: Record<string, string>, body: string | FormData | null) =>
  fetch(`${h.url}${path}`, { method: 'POST', headers, body });

const stillLoggedIn = async (cookie: string) =>
  (await h.api('auth.session', undefined, { cookie })).body.result.data.authenticated as boolean;

/** tRPC's documented error shape. */
const trpcError = (code: string, httpStatus: number) => ({
  error: { message: expect.any(String), code: expect.any(Number), data: expect.objectContaining({ code, httpStatus }) },
});

describe('only JSON reaches tRPC', () => {
  it('refuses a cross-site form (multipart) with only the cookie: logout and migrateLegacyWebhooks do not run', async () => {
    const cookie = await sessionCookie();
    for (const path of ['/trpc/auth.logout', '/trpc/settings.migrateLegacyWebhooks']) {
      const form = new FormData();
      form.set('x', '1');
      const r = await post(path, { cookie }, form);
      expect(r.status, path).toBe(415);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await r.json()).toEqual(trpcError('UNSUPPORTED_MEDIA_TYPE', 415));
    }
    expect(await stillLoggedIn(cookie)).toBe(true);
    expect(await h.db.selectFrom('audit_log').select('action').where('action', 'like', 'settings.%').execute()).toEqual(
      [],
    );
  });

  it('refuses every other body type, and a body with none, in the tRPC error shape', async () => {
    const cookie = await sessionCookie();
    const types = [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'application/jsonx',
      'application/json-patch+json',
      'text/json',
    ];
    for (const type of types) {
      const r = await post('/trpc/auth.logout', { cookie, 'content-type': type }, '{}');
      expect(r.status, type).toBe(415);
      expect(await r.json()).toEqual(trpcError('UNSUPPORTED_MEDIA_TYPE', 415));
    }
    const none = await post('/trpc/auth.logout', { cookie }, null);
    expect(none.status).toBe(415);
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe(
      'Content-Type: application/json is required',
    );
    expect(await stillLoggedIn(cookie)).toBe(true);
  });

  it('accepts JSON however its media type is spelled, and queries without a body', async () => {
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8']) {
      const r = await post(
        '/trpc/settings.update',
        { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': type },
        '{}',
      );
      expect(r.status, type).toBe(200);
    }
    expect((await fetch(`${h.url}/trpc/auth.session`)).status).toBe(200);
  });
});

describe('Origin of changes made with the session cookie', () => {
  const json = { 'content-type': 'application/json' };

  it('refuses a change from another origin, and changes nothing', async () => {
    const cookie = await sessionCookie();
    for (const origin of [
      'http://evil.example',
      'null',
      `${h.url}.evil.example`,
      h.url.replace('127.0.0.1', 'localhost'),
    ]) {
      const update = await post('/trpc/settings.update', { ...json, cookie, origin }, '{"enabled":true}');
      expect(update.status, origin).toBe(403);
      expect(await update.json()).toEqual(trpcError('FORBIDDEN', 403));
      expect((await post('/trpc/auth.logout', { ...json, cookie, origin }, '')).status, origin).toBe(403);
    }
    expect(await stillLoggedIn(cookie)).toBe(true);
    const settings = await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN });
    expect(settings.body.result.data.enabled).toBe(false);
  });

  it('accepts the dashboard’s own origin, a client that sends none, and a forwarded host behind a trusted proxy', async () => {
    const cookie = await sessionCookie();
    expect((await post('/trpc/settings.update', { ...json, cookie, origin: h.url }, '{}')).status).toBe(200);
    expect((await post('/trpc/settings.update', { ...json, cookie }, '{}')).status).toBe(200);
    const proxied = { ...json, cookie, origin: 'https://herald.example.com', 'x-forwarded-host': 'herald.example.com' };
    expect((await post('/trpc/settings.update', proxied, '{}')).status).toBe(200);
    expect((await post('/trpc/auth.logout', { ...json, cookie, origin: h.url }, '')).status).toBe(200);
    expect(await stillLoggedIn(cookie)).toBe(false);
  });

  it('does not apply to the bearer token (no browser sends it by itself) nor to reading', async () => {
    const cookie = await sessionCookie();
    const origin = 'http://evil.example';
    const bearer = { ...json, authorization: `Bearer ${TEST_ADMIN_TOKEN}`, origin };
    expect((await post('/trpc/settings.update', bearer, '{}')).status).toBe(200);
    expect((await fetch(`${h.url}/trpc/settings.get`, { headers: { cookie, origin } })).status).toBe(200);
  });
});

describe('the login limit sees the path tRPC resolves', () => {
  const variants = [
    '/%74rpc/auth.login',
    '/%74%72%70%63/auth.login',
    '/trpc/auth%2Elogin',
    '/trpc/auth%2elogin',
    '/trpc/%61uth.login',
    '//trpc/auth.login',
    '/trpc//auth.login',
    '/TRPC/auth.login',
    '/trpc/AUTH.LOGIN',
    '/trpc/auth.login/',
    '/trpc/auth.login%2F',
    '/trpc/auth.login;x',
    '/trpc/auth.login%00',
    '/trpc/auth.login%20',
    '/trpc/auth.login?x=1',
    '/trpc/auth.login#x',
    '/trpc/./auth.login',
    '/trpc/auth.login?batch=1',
    '/trpc/auth.login%2Cauth.session?batch=1',
    '/trpc/auth.session%2Cauth.login?batch=1',
    '/trpc/auth.session,auth.login?batch=1',
  ];

  it('counts every encoded, doubled, cased or batched spelling that reaches auth.login', async () => {
    const from = newAddress();
    let reached = 0;
    for (const path of variants) {
      const batch = path.includes('batch=1');
      const body = batch
        ? JSON.stringify({ 0: { token: TEST_ADMIN_TOKEN }, 1: { token: TEST_ADMIN_TOKEN } })
        : JSON.stringify({ token: TEST_ADMIN_TOKEN });
      const r = await post(path, { ...from, 'content-type': 'application/json' }, body);
      const text = await r.text();
      if (r.headers.get('set-cookie')?.includes('herald_session=')) reached++;
      expect(r.status, `${path}: ${text}`).toBeLessThan(500);
    }
    // Logins left for this address by the plain path: every spelling that reached the login was counted
    // (a batch refused after counting, for mixing a mutation with a query, used one up without reaching it).
    let plain = 0;
    while ((await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from })).status === 200) plain++;
    expect(reached).toBeGreaterThan(0);
    expect(reached + plain).toBeLessThanOrEqual(LOGIN_RATE_LIMIT.max);
  });

  it('refuses two logins in one batch however the comma is written', async () => {
    for (const path of [
      '/trpc/auth.login,auth.login?batch=1',
      '/trpc/auth.login%2Cauth.login?batch=1',
      '/trpc/auth.login%2cauth%2Elogin?batch=1',
    ]) {
      const r = await post(
        path,
        { ...newAddress(), 'content-type': 'application/json' },
        JSON.stringify({ 0: { token: 'a' }, 1: { token: 'b' } }),
      );
      expect(r.status, path).toBe(400);
      expect(await r.json()).toEqual(trpcError('BAD_REQUEST', 400));
    }
  });

  it('answers the login limit in the tRPC error shape', async () => {
    const from = newAddress();
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++)
      await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from });
    const limited = await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(trpcError('TOO_MANY_REQUESTS', 429));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
