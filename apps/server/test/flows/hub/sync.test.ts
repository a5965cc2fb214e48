import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

let h: TestHerald;
let key: string;
beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'sync hub' })).key;
});
afterAll(() => h?.close());

const users = () =>
  h.db
    .selectFrom('hub_user')
    .select(['id', 'name', 'limit_5h_usd', 'limit_weekly_usd', 'limit_monthly_usd', 'is_enabled'])
    .orderBy('id')
    .execute();
const providers = () =>
  h.db
    .selectFrom('hub_provider')
    .select(['id', 'name', 'limit_weekly_usd', 'failure_threshold', 'open_duration_ms', 'consecutive_failures'])
    .orderBy('id')
    .execute();

describe('hub.syncUsers', () => {
  it('creates, then updates names and limits; null clears a limit, an omitted field keeps its value', async () => {
    expect(
      await h.client(key).hub.syncUsers.mutate({
        users: [
          { id: 'u1', name: 'Alice', limit5hUsd: 10, limitWeeklyUsd: 50.5, limitMonthlyUsd: 200 },
          { id: 'u2', name: 'Bob' },
          { id: 3 as unknown as string, name: '  Carol  ', isEnabled: false },
        ],
      }),
    ).toEqual({ created: 3, updated: 0 });
    expect(await users()).toEqual([
      {
        id: '3',
        name: 'Carol',
        limit_5h_usd: null,
        limit_weekly_usd: null,
        limit_monthly_usd: null,
        is_enabled: false,
      },
      {
        id: 'u1',
        name: 'Alice',
        limit_5h_usd: '10',
        limit_weekly_usd: '50.5',
        limit_monthly_usd: '200',
        is_enabled: true,
      },
      { id: 'u2', name: 'Bob', limit_5h_usd: null, limit_weekly_usd: null, limit_monthly_usd: null, is_enabled: true },
    ]);

    expect(
      await h.client(key).hub.syncUsers.mutate({
        users: [
          { id: 'u1', name: 'Alice Liddell', limit5hUsd: null, limitWeeklyUsd: 60 }, // monthly omitted: kept
          { id: 'u2', name: 'Bob', limitMonthlyUsd: 30, isEnabled: false },
          { id: 'u4', name: 'Dan', limitMonthlyUsd: 5 },
        ],
      }),
    ).toEqual({ created: 1, updated: 2 });
    expect(await users()).toEqual([
      {
        id: '3',
        name: 'Carol',
        limit_5h_usd: null,
        limit_weekly_usd: null,
        limit_monthly_usd: null,
        is_enabled: false,
      },
      {
        id: 'u1',
        name: 'Alice Liddell',
        limit_5h_usd: null,
        limit_weekly_usd: '60',
        limit_monthly_usd: '200',
        is_enabled: true,
      },
      { id: 'u2', name: 'Bob', limit_5h_usd: null, limit_weekly_usd: null, limit_monthly_usd: '30', is_enabled: false },
      { id: 'u4', name: 'Dan', limit_5h_usd: null, limit_weekly_usd: null, limit_monthly_usd: '5', is_enabled: true },
    ]);
  });

  it('takes 5,000 users in one call', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ id: `bulk-${i}`, name: `User ${i}`, limitWeeklyUsd: i }));
    expect(await h.client(key).hub.syncUsers.mutate({ users: many })).toEqual({ created: 5_000, updated: 0 });
    expect(await h.client(key).hub.syncUsers.mutate({ users: many })).toEqual({ created: 0, updated: 5_000 });
  });

  it.each([
    ['5,001 users', { users: Array.from({ length: 5_001 }, (_, i) => ({ id: `x${i}`, name: 'x' })) }, ['users']],
    [
      'a duplicate id',
      {
        users: [
          { id: 'd', name: 'A' },
          { id: 'e', name: 'B' },
          { id: 'd', name: 'C' },
        ],
      },
      ['users.2.id'],
    ],
    ['an empty name', { users: [{ id: 'n', name: ' ' }] }, ['users.0.name']],
    ['a negative limit', { users: [{ id: 'n', name: 'N', limit5hUsd: -1 }] }, ['users.0.limit5hUsd']],
    ['a limit as text', { users: [{ id: 'n', name: 'N', limitMonthlyUsd: '10' }] }, ['users.0.limitMonthlyUsd']],
    ['an id too long', { users: [{ id: 'i'.repeat(129), name: 'N' }] }, ['users.0.id']],
  ])('rejects %s, naming it, and stores nothing', async (_what, input, paths) => {
    const before = await users();
    const r = await h.api('hub.syncUsers', input, { token: key });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    expect(await users()).toEqual(before);
  });

  it('names the first occurrence of a duplicate id', async () => {
    const r = await h.api(
      'hub.syncUsers',
      {
        users: [
          { id: 'd', name: 'A' },
          { id: 'd', name: 'C' },
        ],
      },
      { token: key },
    );
    expect(r.body.error.message).toBe('users.1.id: duplicate of users.0.id');
  });
});

describe('hub.syncProviders', () => {
  it('upserts limits and breaker settings, and keeps the breaker count', async () => {
    expect(
      await h.client(key).hub.syncProviders.mutate({
        providers: [
          { id: 'p1', name: 'Anthropic', limitWeeklyUsd: 1000 },
          { id: 'p2', name: 'OpenAI', failureThreshold: 3, openDurationMs: 600_000 },
        ],
      }),
    ).toEqual({ created: 2, updated: 0 });
    await h.db.updateTable('hub_provider').set({ consecutive_failures: 2 }).where('id', '=', 'p2').execute();

    expect(
      await h.client(key).hub.syncProviders.mutate({
        providers: [
          { id: 'p1', name: 'Anthropic Primary', limitWeeklyUsd: null },
          { id: 'p2', name: 'OpenAI' },
        ],
      }),
    ).toEqual({ created: 0, updated: 2 });
    expect(await providers()).toEqual([
      {
        id: 'p1',
        name: 'Anthropic Primary',
        limit_weekly_usd: null,
        failure_threshold: 5,
        open_duration_ms: 1_800_000,
        consecutive_failures: 0,
      },
      {
        id: 'p2',
        name: 'OpenAI',
        limit_weekly_usd: null,
        failure_threshold: 3,
        open_duration_ms: 600_000,
        consecutive_failures: 2,
      },
    ]);
  });

  it.each([
    [{ providers: [{ id: 'p', name: 'P', failureThreshold: 0 }] }, 'providers.0.failureThreshold'],
    [{ providers: [{ id: 'p', name: 'P', failureThreshold: 2.5 }] }, 'providers.0.failureThreshold'],
    [{ providers: [{ id: 'p', name: 'P', openDurationMs: -1 }] }, 'providers.0.openDurationMs'],
    [{ providers: [{ id: '', name: 'P' }] }, 'providers.0.id'],
    [{ providers: Array.from({ length: 5_001 }, (_, i) => ({ id: `p${i}`, name: 'P' })) }, 'providers'],
  ])('rejects %j', async (input, path) => {
    const r = await h.api('hub.syncProviders', input, { token: key });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual([path]);
  });
});
