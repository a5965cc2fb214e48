import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

/** Procedures anyone may call. Adding one here is a security decision: keep it short. */
const PUBLIC = new Set(['auth.login', 'auth.logout', 'auth.session']);
const isHub = (path: string) => path.startsWith('hub.');

let h: TestHerald;
let hubKey: string;
let revokedKey: string;

/** Wrong credentials count against their address: each check below comes from its own. */
let nextIp = 1;
const fromNewAddress = () => ({ 'x-forwarded-for': `127.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}` });

beforeAll(async () => {
  // Behind a trusted proxy, so each check can pose as its own client address.
  h = await startTestHerald({ TRUST_PROXY: 'true' });
  const admin = h.client(TEST_ADMIN_TOKEN);
  hubKey = (await admin.apiKeys.create.mutate({ name: 'hub' })).key;
  const revoked = await admin.apiKeys.create.mutate({ name: 'old hub' });
  await admin.apiKeys.revoke.mutate({ id: revoked.id });
  revokedKey = revoked.key;
});
afterAll(() => h?.close());

const procedures = allProcedures();
const adminProcedures = procedures.filter((p) => !PUBLIC.has(p.path) && !isHub(p.path));
const hubProcedures = procedures.filter((p) => isHub(p.path));

describe('router enumeration', () => {
  it('finds the procedures (so an empty router cannot pass these tests)', () => {
    expect(adminProcedures.map((p) => p.path)).toEqual(expect.arrayContaining(['apiKeys.list', 'apiKeys.create']));
    expect(hubProcedures.length).toBeGreaterThan(0);
  });
});

describe.each(adminProcedures)('admin procedure $path', ({ path }) => {
  it('is refused without credentials', async () => {
    const r = await h.api(path, {});
    expect(r.status).toBe(401);
    expect(r.body.error.data.code).toBe('UNAUTHORIZED');
  });
  it('is refused with a hub API key', async () => {
    expect((await h.api(path, {}, { token: hubKey })).status).toBe(401);
  });
  it('is refused with a wrong bearer token or a forged session cookie', async () => {
    expect((await h.api(path, {}, { token: `${TEST_ADMIN_TOKEN}x`, headers: fromNewAddress() })).status).toBe(401);
    expect((await h.api(path, {}, { cookie: 'herald_session=abc.def' })).status).toBe(401);
  });
  it('gets past authentication with the admin token', async () => {
    const r = await h.api(path, {}, { token: TEST_ADMIN_TOKEN });
    expect(r.status).not.toBe(401);
  });
});

describe.each(hubProcedures)('hub procedure $path', ({ path }) => {
  it('is refused without a key, with the admin token and with a revoked key', async () => {
    for (const token of [undefined, TEST_ADMIN_TOKEN, revokedKey, 'hrld_not-a-real-key']) {
      const r = await h.api(path, {}, token ? { token, headers: fromNewAddress() } : {});
      expect(r.status, `token ${token}`).toBe(401);
    }
  });
  it('gets past authentication with a valid hub key', async () => {
    expect((await h.api(path, {}, { token: hubKey })).status).not.toBe(401);
  });
});
