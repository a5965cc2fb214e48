import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../herald.ts';

let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald();
});
afterAll(() => h?.close());

const admin = () => h.client(TEST_ADMIN_TOKEN);

describe('hub API keys', () => {
  it('shows a new key once, stores only its hash, and lists it without the key', async () => {
    const created = await admin().apiKeys.create.mutate({ name: '  Production hub  ' });
    expect(created.key).toMatch(/^hrld_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('Production hub');
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const rows = await h.db.selectFrom('api_key').selectAll().where('id', '=', created.id).execute();
    expect(JSON.stringify(rows)).not.toContain(created.key);

    const listed = await admin().apiKeys.list.query();
    const item = listed.find((k) => k.id === created.id);
    expect(item).toMatchObject({ name: 'Production hub', prefix: created.prefix, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(item).not.toHaveProperty('key');
  });

  it('a key opens hub procedures and records its last use; revoking it shuts them at once', async () => {
    const created = await admin().apiKeys.create.mutate({ name: 'to revoke' });
    expect(await h.client(created.key).hub.ping.query()).toEqual({ ok: true, apiKeyName: 'to revoke' });
    const used = (await admin().apiKeys.list.query()).find((k) => k.id === created.id);
    expect(used?.lastUsedAt).not.toBeNull();

    const revoked = await admin().apiKeys.revoke.mutate({ id: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await h.api('hub.ping', undefined, { token: created.key })).status).toBe(401);

    // Revoking twice keeps the first time.
    const again = await admin().apiKeys.revoke.mutate({ id: created.id });
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('revoking an unknown key is NOT_FOUND and changes nothing', async () => {
    const before = await admin().apiKeys.list.query();
    const r = await h.api(
      'apiKeys.revoke',
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: TEST_ADMIN_TOKEN },
    );
    expect(r.status).toBe(404);
    expect(await admin().apiKeys.list.query()).toEqual(before);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{}, 'name'],
  ])('create rejects %j naming the field, and stores nothing', async (input, field) => {
    const before = await admin().apiKeys.list.query();
    const r = await h.api('apiKeys.create', input, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual([field]);
    expect(r.body.error.message).toMatch(new RegExp(`^${field}: `));
    expect(await admin().apiKeys.list.query()).toEqual(before);
  });

  it('revoke rejects an id that is not a UUID, naming the field', async () => {
    const r = await h.api('apiKeys.revoke', { id: 'abc' }, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues[0].path).toBe('id');
  });

  it('error responses carry no stack traces', async () => {
    const r = await h.api('apiKeys.revoke', { id: 'abc' }, { token: TEST_ADMIN_TOKEN });
    expect(JSON.stringify(r.body)).not.toContain('stack');
  });
});
