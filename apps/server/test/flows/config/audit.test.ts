import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWecom } from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

const WECOM_KEY = 'wk-audit-5e6f7a8b9c0d';
const wecom = await startFakeWecom({ key: WECOM_KEY });

let h: TestHerald;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' });
  const admin = h.client(TEST_ADMIN_TOKEN);
  const target = (name: string) =>
    admin.targets.create.mutate({ name, providerType: 'wechat', webhookUrl: wecom.webhookUrl });
  ids.ops = (await target('运维群')).id;
  ids.dev = (await target('Dev room')).id;
  await admin.targets.update.mutate({ id: ids.ops, name: '运维群 (new)' });
  await admin.targets.delete.mutate({ id: ids.dev });
  await admin.bindings.set.mutate({
    notificationType: 'daily_leaderboard',
    bindings: [{ targetId: ids.ops, isEnabled: true, scheduleCron: '30 9 * * 1-5' }],
  });
  const key = await admin.apiKeys.create.mutate({ name: 'CCH prod' });
  ids.key = key.id;
  await admin.apiKeys.revoke.mutate({ id: key.id });
});
afterAll(async () => {
  for (const body of h.responses) expect(body).not.toContain(WECOM_KEY);
  await h?.close();
  await wecom.close();
});

const list = (input: unknown) => h.client(TEST_ADMIN_TOKEN).audit.list.query(input as never);
const actions = async (input: unknown) => (await list(input)).items.map((e) => e.action);

describe('audit.list filters', () => {
  it('by kind: only that kind’s actions, newest first', async () => {
    expect(await actions({ kind: 'create' })).toEqual(['api_key.create', 'target.create', 'target.create']);
    expect(await actions({ kind: 'delete' })).toEqual(['api_key.revoke', 'target.delete']);
    // The first target also switched Herald out of legacy mode.
    expect(await actions({ kind: 'update' })).toEqual(['bindings.set', 'target.update', 'settings.mode_switched']);
    expect(await actions({ kind: 'resend' })).toEqual([]);
  });

  it('by object: one target’s changes, one key’s, one binding type’s', async () => {
    expect(await actions({ entityType: 'target', entityId: ids.ops })).toEqual(['target.update', 'target.create']);
    expect(await actions({ entityType: 'api_key', entityId: ids.key })).toEqual(['api_key.revoke', 'api_key.create']);
    expect(await actions({ entityType: 'bindings', entityId: 'daily_leaderboard' })).toEqual(['bindings.set']);
    expect(await actions({ entityType: 'target', kind: 'delete' })).toEqual(['target.delete']);
  });

  it('pages through a filtered list by cursor', async () => {
    const first = await list({ kind: 'create', limit: 2 });
    expect(first.items.map((e) => e.action)).toEqual(['api_key.create', 'target.create']);
    const rest = await list({ kind: 'create', limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((e) => e.entityId)).toEqual([ids.ops]);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses an unknown kind and an over-long id, naming the field', async () => {
    const kind = await h.api('audit.list', { kind: 'rename' }, { token: TEST_ADMIN_TOKEN });
    expect(kind.status).toBe(400);
    expect(kind.body.error.data.issues).toEqual([
      expect.objectContaining({ path: 'kind', message: 'must be one of create, update, delete, resend' }),
    ]);
    const id = await h.api('audit.list', { entityId: 'x'.repeat(101) }, { token: TEST_ADMIN_TOKEN });
    expect(id.status).toBe(400);
    expect(id.body.error.data.issues).toEqual([
      expect.objectContaining({ path: 'entityId', message: 'at most 100 characters' }),
    ]);
  });
});
