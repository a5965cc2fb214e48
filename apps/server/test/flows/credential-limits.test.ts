import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_FAILURE_DELAY_MS, CREDENTIAL_FAILURE_LIMIT } from '../../src/auth/credential-limit.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

const { max } = CREDENTIAL_FAILURE_LIMIT;
const clock = manualClock(new Date('2026-03-02T10:00:00Z'));

let h: TestHerald;
/** A second process on the same database and clock. */
let other: TestHerald;
let hubKey: string;
let revokedKey: string;

beforeAll(async () => {
  // Behind a trusted proxy, so each test poses as its own client address.
  h = await startTestHerald({ TRUST_PROXY: 'true' }, { clock });
  other = await startTestHerald({ TRUST_PROXY: 'true' }, { clock, shareWith: h });
  const admin = h.client(TEST_ADMIN_TOKEN);
  hubKey = (await admin.apiKeys.create.mutate({ name: 'hub' })).key;
  const revoked = await admin.apiKeys.create.mutate({ name: 'old hub' });
  await admin.apiKeys.revoke.mutate({ id: revoked.id });
  revokedKey = revoked.key;
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});

let nextAddress = 1;
const newAddress = () => ({ 'x-forwarded-for': `127.0.7.${nextAddress++}` });

const wrongBearer = (from: Record<string, string>, server = h) =>
  server.api('settings.get', undefined, { token: `not-the-admin-token-${Math.random()}`, headers: from });
const statuses = (rs: Array<{ status: number }>) => rs.map((r) => r.status).sort();

describe('wrong credentials share one limit per client address', () => {
  it('limits wrong admin bearer tokens: each is held for the delay, then the address is refused unchecked', async () => {
    const from = newAddress();
    const started = performance.now();
    const first = await Promise.all(Array.from({ length: max }, () => wrongBearer(from)));
    expect(statuses(first)).toEqual(Array(max).fill(401));
    expect(performance.now() - started).toBeGreaterThanOrEqual(CREDENTIAL_FAILURE_DELAY_MS - 50);

    const limited = await wrongBearer(from);
    expect(limited.status).toBe(429);
    expect(limited.body.error.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right token is not checked from this address until the window ends.
    expect((await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN, headers: from })).status).toBe(429);
    // Another address is not affected.
    expect((await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN, headers: newAddress() })).status).toBe(
      200,
    );
  });

  it('counts a burst guess by guess: of 60 wrong tokens sent at once, only the first 10 are checked', async () => {
    const from = newAddress();
    const burst = await Promise.all(Array.from({ length: 60 }, () => wrongBearer(from)));
    expect(burst.filter((r) => r.status === 401)).toHaveLength(max);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(60 - max);
  });

  it('adds up logins, admin bearer tokens and hub keys in one count', async () => {
    const from = newAddress();
    const wrong = await Promise.all([
      ...Array.from({ length: 4 }, () => h.api('auth.login', { token: 'wrong' }, { headers: from })),
      ...Array.from({ length: 3 }, () => wrongBearer(from)),
      h.api('hub.ping', undefined, { token: revokedKey, headers: from }),
      h.api('hub.ping', undefined, { token: `hrld_${'x'.repeat(43)}`, headers: from }),
      h.api('hub.recordUsage', { records: [] }, { token: 'hrld_short', headers: from }),
    ]);
    expect(statuses(wrong)).toEqual(Array(max).fill(401));
    const login = await h.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from });
    expect(login.status).toBe(429);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect((await h.api('hub.ping', undefined, { token: revokedKey, headers: from })).status).toBe(429);
  });

  it('lets a valid hub key through from a limited address: a guesser behind the same address cannot lock a hub out', async () => {
    const from = newAddress();
    await Promise.all(Array.from({ length: max }, () => wrongBearer(from)));
    expect((await wrongBearer(from)).status).toBe(429);
    const ping = await h.api('hub.ping', undefined, { token: hubKey, headers: from });
    expect(ping.status).toBe(200);
    expect(ping.body.result.data).toEqual({ ok: true, apiKeyName: 'hub' });
  });

  it('never counts or holds a valid credential, however many requests a hub sends', async () => {
    const from = newAddress();
    const calls = await Promise.all([
      ...Array.from({ length: 100 }, () => h.api('hub.ping', undefined, { token: hubKey, headers: from })),
      ...Array.from({ length: 30 }, () => h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN, headers: from })),
    ]);
    expect(new Set(statuses(calls))).toEqual(new Set([200]));
    const counted = await h.db
      .selectFrom('auth_failure')
      .selectAll()
      .where('address', '=', from['x-forwarded-for'])
      .execute();
    expect(counted).toEqual([]);
    // All ten wrong guesses are still there to spend.
    expect(statuses(await Promise.all(Array.from({ length: max }, () => wrongBearer(from))))).toEqual(
      Array(max).fill(401),
    );
  });

  it('shares the count with every process on the database: another process checks one more guess at most', async () => {
    const from = newAddress();
    await Promise.all(Array.from({ length: max }, () => wrongBearer(from)));
    const row = await h.db
      .selectFrom('auth_failure')
      .select('failures')
      .where('address', '=', from['x-forwarded-for'])
      .executeTakeFirst();
    expect(row?.failures).toBe(max);
    // The other process has not seen this address: it checks one guess, records it, and learns the shared count.
    expect((await wrongBearer(from, other)).status).toBe(401);
    expect((await wrongBearer(from, other)).status).toBe(429);
    expect((await other.api('auth.login', { token: TEST_ADMIN_TOKEN }, { headers: from })).status).toBe(429);
  });

  it('opens again when the window ends', async () => {
    const from = newAddress();
    await Promise.all(Array.from({ length: max }, () => wrongBearer(from)));
    expect((await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN, headers: from })).status).toBe(429);
    clock.advance(CREDENTIAL_FAILURE_LIMIT.windowMs);
    expect((await h.api('settings.get', undefined, { token: TEST_ADMIN_TOKEN, headers: from })).status).toBe(200);
    expect((await wrongBearer(from)).status).toBe(401);
  });

  it('logs a warning for the first wrong credential and one when the limit is reached, not one per guess', async () => {
    const from = newAddress();
    const ip = from['x-forwarded-for'];
    await Promise.all(Array.from({ length: 40 }, () => wrongBearer(from)));
    const lines = h.logs.lines.filter((l) => l.ip === ip);
    expect(lines.map((l) => l.action)).toEqual(['admin_token_failed', 'credential_limit_reached']);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn']);
    expect(lines[1]).toMatchObject({ failures: max });
    expect(h.logs.raw.join('\n')).not.toContain('not-the-admin-token');
  });
});
