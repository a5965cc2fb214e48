import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../../apps/server/test/herald.ts';
import { type AppRouter, createHeraldClient } from '../src/index.ts';

let h: TestHerald;
let apiKey: string;
beforeAll(async () => {
  h = await startTestHerald();
  apiKey = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'client test hub' })).key;
});
afterAll(() => h?.close());

describe('createHeraldClient', () => {
  it('calls hub procedures with the API key (trailing slash in the URL is fine)', async () => {
    const herald = createHeraldClient({ url: `${h.url}/`, apiKey });
    expect(await herald.hub.ping.query()).toEqual({ ok: true, apiKeyName: 'client test hub' });
  });

  it('batches calls made together into one request', async () => {
    let requests = 0;
    const herald = createHeraldClient({
      url: h.url,
      apiKey,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const results = await Promise.all([herald.hub.ping.query(), herald.hub.ping.query(), herald.hub.ping.query()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(requests).toBe(1);
  });

  it('surfaces a wrong key as UNAUTHORIZED', async () => {
    const herald = createHeraldClient({ url: h.url, apiKey: 'hrld_wrong' });
    const err = await herald.hub.ping.query().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
  });
});

describe('every hub procedure through the client (the README examples)', () => {
  it('syncs users and providers, records usage idempotently, and reports a breaker trip', async () => {
    const herald = createHeraldClient({ url: h.url, apiKey });
    expect(
      await herald.hub.syncUsers.mutate({
        users: [
          { id: 'u_42', name: 'Alice', limit5hUsd: 10, limitWeeklyUsd: 50, limitMonthlyUsd: 200 },
          { id: 'u_43', name: 'Bob', limitMonthlyUsd: null, isEnabled: false },
        ],
      }),
    ).toEqual({ created: 2, updated: 0 });
    expect(
      await herald.hub.syncProviders.mutate({
        providers: [{ id: 'anthropic-1', name: 'Anthropic Primary', limitWeeklyUsd: 5_000, failureThreshold: 5 }],
      }),
    ).toEqual({ created: 1, updated: 0 });

    const records = [
      {
        requestId: 'req_01HZX3',
        userId: 'u_42',
        providerId: 'anthropic-1',
        costUsd: 0.0123,
        inputTokens: 1200,
        outputTokens: 350,
        cacheCreationInputTokens: 0,
        cacheReadInputTokens: 8000,
        success: true,
        createdAt: '2026-01-15T06:30:00.000Z',
      },
      {
        requestId: 'req_01HZX4',
        userId: 'u_42',
        providerId: 'anthropic-1',
        costUsd: 0,
        inputTokens: 1200,
        outputTokens: 0,
        success: false,
        errorMessage: 'upstream 529: overloaded_error',
      },
    ];
    expect(await herald.hub.recordUsage.mutate({ records })).toEqual({ accepted: 2, duplicates: 0 });
    // Sent again after a timeout: nothing counts twice.
    expect(await herald.hub.recordUsage.mutate({ records })).toEqual({ accepted: 0, duplicates: 2 });

    expect(
      await herald.hub.reportCircuitBreaker.mutate({
        providerId: 'anthropic-1',
        providerName: 'Anthropic Primary',
        failureCount: 5,
        retryAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        lastError: 'upstream 529: overloaded_error',
      }),
      // Notifications are off in a fresh install: the trip is recorded, nobody is alerted.
    ).toEqual({ ok: true, outcome: 'disabled', notificationId: null });

    const stored = await h.db.selectFrom('usage_record').select('request_id').orderBy('request_id').execute();
    expect(stored.map((r) => r.request_id)).toEqual(['req_01HZX3', 'req_01HZX4']);
    const provider = await h.db
      .selectFrom('hub_provider')
      .select(['name', 'consecutive_failures'])
      .where('id', '=', 'anthropic-1')
      .executeTakeFirstOrThrow();
    expect(provider).toEqual({ name: 'Anthropic Primary', consecutive_failures: 1 });
  });

  it('reports an upstream balance, the README way', async () => {
    const herald = createHeraldClient({ url: h.url, apiKey });
    expect(
      await herald.hub.reportProviderBalance.mutate({
        providerId: 'anthropic-1',
        providerName: 'Anthropic Primary',
        balance: 42.5,
        currency: 'USD',
        lowBalanceThreshold: 100,
        reportedAt: new Date().toISOString(),
      }),
      // Off in a fresh install: recorded with the level it is at, nobody alerted.
    ).toEqual({ ok: true, outcome: 'disabled', level: '50%', notificationId: null });
  });

  it('a bad batch is a BAD_REQUEST naming each bad record and field, and stores nothing', async () => {
    const herald = createHeraldClient({ url: h.url, apiKey });
    const good = { requestId: 'ok-1', userId: 'u', providerId: 'p', costUsd: 1, inputTokens: 1, outputTokens: 1 };
    const err = await herald.hub.recordUsage
      .mutate({
        records: [
          good,
          { ...good, requestId: 'bad-1', costUsd: -1 },
          { ...good, requestId: 'bad-2', createdAt: 'soon' },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const e = err as TRPCClientError<AppRouter>;
    expect(e.data?.code).toBe('BAD_REQUEST');
    const issues = e.data?.herald.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual(['records.1.costUsd', 'records.2.createdAt']);
    expect(e.message).toMatch(/^records\.1\.costUsd: must be 0 or more; records\.2\.createdAt: /);
    expect(
      await h.db.selectFrom('usage_record').select('request_id').where('request_id', '=', 'ok-1').execute(),
    ).toEqual([]);
  });

  it('calls made together travel in one request', async () => {
    let requests = 0;
    const herald = createHeraldClient({
      url: h.url,
      apiKey,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const [users, providers] = await Promise.all([
      herald.hub.syncUsers.mutate({ users: [{ id: 'batched-user', name: 'Batched' }] }),
      herald.hub.syncProviders.mutate({ providers: [{ id: 'batched-provider', name: 'Batched' }] }),
    ]);
    expect([users, providers]).toEqual([
      { created: 1, updated: 0 },
      { created: 1, updated: 0 },
    ]);
    expect(requests).toBe(1);
  });
});
