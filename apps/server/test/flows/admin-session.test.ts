import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_FAILURE_DELAY_MS } from '../../src/auth/credential-limit.ts';
import { LOGIN_RATE_LIMIT } from '../../src/http/trpc-gate.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

let h: TestHerald;
beforeAll(async () => {
  // Behind a trusted proxy, so each test can pose as its own client address.
  h = await startTestHerald({ TRUST_PROXY: 'true' });
});
afterAll(() => h?.close());

/** Each login test uses its own client address so the per-address limit stays out of the way. */
let nextIp = 1;
const fromNewAddress = () => ({ 'x-forwarded-for': `127.0.0.${nextIp++}` });

function sessionCookieOf(setCookie: string | null): string {
  const m = setCookie?.match(/herald_session=([^;]+)/);
  if (!m) throw new Error(`no session cookie in ${setCookie}`);
  return `herald_session=${m[1]}`;
}

describe('auth.login', () => {
  it('sets a signed, httpOnly, SameSite=Strict session cookie with a lifetime (not a date)', async () => {
    const r = await h.api('auth.login', { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(200);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^herald_session=[^;]+\.[^;]+;/); // value.signature
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//);
    // SESSION_TTL_HOURS (12) as Max-Age: a browser whose clock differs from the server's keeps it as long.
    expect(setCookie).toMatch(/; Max-Age=43200(;|$)/);
    expect(setCookie).not.toMatch(/Expires=/i);
    expect(setCookie).not.toContain(TEST_ADMIN_TOKEN);
    expect(r.body.result.data).toMatchObject({ authenticated: true });
  });

  it('opens admin procedures with the cookie, and logout closes them', async () => {
    const login = await h.api('auth.login', { token: TEST_ADMIN_TOKEN });
    const cookie = sessionCookieOf(login.headers.get('set-cookie'));
    expect((await h.api('apiKeys.list', undefined, { cookie })).status).toBe(200);
    expect((await h.api('auth.session', undefined, { cookie })).body.result.data.authenticated).toBe(true);

    const out = await h.api('auth.logout', undefined, { cookie });
    expect(out.headers.get('set-cookie')).toMatch(/herald_session=;/);
    expect((await h.api('apiKeys.list', undefined, { cookie })).status).toBe(401);
    expect((await h.api('auth.session', undefined, { cookie })).body.result.data.authenticated).toBe(false);
  });

  it('refuses a cookie whose value or signature was changed', async () => {
    const login = await h.api('auth.login', { token: TEST_ADMIN_TOKEN });
    const cookie = sessionCookieOf(login.headers.get('set-cookie'));
    const [value, sig] = cookie.slice('herald_session='.length).split('.');
    const tamperedValue = `herald_session=${value?.slice(0, -2)}AA.${sig}`;
    const tamperedSig = `herald_session=${value}.${sig?.slice(0, -2)}AA`;
    expect((await h.api('apiKeys.list', undefined, { cookie: tamperedValue })).status).toBe(401);
    expect((await h.api('apiKeys.list', undefined, { cookie: tamperedSig })).status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const login = await h.api('auth.login', { token: TEST_ADMIN_TOKEN });
    const cookie = sessionCookieOf(login.headers.get('set-cookie'));
    await h.db
      .updateTable('admin_session')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .execute();
    expect((await h.api('apiKeys.list', undefined, { cookie })).status).toBe(401);
  });

  it('refuses a wrong token, slowly, and sets no cookie', async () => {
    const started = performance.now();
    const r = await h.api('auth.login', { token: 'wrong-token' }, { headers: fromNewAddress() });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('wrong admin token');
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(CREDENTIAL_FAILURE_DELAY_MS - 50);
    expect(h.logs.lines.some((l) => l.action === 'admin_login_failed')).toBe(true);
  });

  it('names the field when the token is missing', async () => {
    const r = await h.api('auth.login', {});
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues).toEqual([expect.objectContaining({ path: 'token' })]);
  });

  it('limits login attempts per client address', async () => {
    const headers = { 'x-forwarded-for': '127.0.99.1' };
    for (let i = 0; i < LOGIN_RATE_LIMIT.max; i++) {
      expect((await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers })).status).toBe(200);
    }
    const limited = await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('set-cookie')).toBeNull();
    // Another address is not affected.
    expect((await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: fromNewAddress() })).status).toBe(200);
  });

  it('refuses a batch holding more than one login', async () => {
    const r = await fetch(`${h.url}/trpc/auth.login,auth.login?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { token: 'a' }, 1: { token: 'b' } }),
    });
    expect(r.status).toBe(400);
  });
});
