import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { rollupMatchesRaw, usage } from './support.ts';

let h: TestHerald;
let key: string;
beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'usage hub' })).key;
});
afterAll(() => h?.close());

const count = async (table: 'usage_record' | 'usage_daily') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('hub.recordUsage', () => {
  it('stores every field, with defaults for the optional ones', async () => {
    const at = '2026-03-01T10:00:00.000+08:00';
    const r = await h.client(key).hub.recordUsage.mutate({
      records: [
        usage({
          requestId: 'full-1',
          userId: 'alice',
          providerId: 'anthropic',
          costUsd: 0.123456789,
          inputTokens: 1000,
          outputTokens: 200,
          cacheCreationInputTokens: 30,
          cacheReadInputTokens: 4000,
          success: false,
          errorMessage: 'upstream 529',
          createdAt: at,
        }),
        usage({ requestId: 'min-1', userId: 42 as unknown as string, providerId: 'anthropic' }),
      ],
    });
    expect(r).toEqual({ accepted: 2, duplicates: 0 });
    const rows = await h.db
      .selectFrom('usage_record')
      .selectAll()
      .where('request_id', 'in', ['full-1', 'min-1'])
      .orderBy('request_id')
      .execute();
    expect(rows[0]).toMatchObject({
      request_id: 'full-1',
      user_id: 'alice',
      provider_id: 'anthropic',
      cost_usd: '0.123456789',
      input_tokens: 1000,
      output_tokens: 200,
      cache_creation_input_tokens: 30,
      cache_read_input_tokens: 4000,
      success: false,
      error_message: 'upstream 529',
    });
    expect(rows[0]?.created_at.toISOString()).toBe('2026-03-01T02:00:00.000Z');
    // A numeric id is kept as its text; createdAt defaults to when Herald received it.
    expect(rows[1]).toMatchObject({
      user_id: '42',
      cache_creation_input_tokens: 0,
      success: true,
      error_message: null,
    });
    expect(Math.abs((rows[1]?.created_at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('is idempotent by requestId: a re-sent batch counts once, in the rollup too', async () => {
    const batch = [
      usage({ requestId: 'idem-1', userId: 'bob', costUsd: 1.5, createdAt: '2026-04-01T12:00:00Z' }),
      usage({ requestId: 'idem-2', userId: 'bob', costUsd: 2.25, createdAt: '2026-04-01T13:00:00Z' }),
    ];
    expect(await h.client(key).hub.recordUsage.mutate({ records: batch })).toEqual({ accepted: 2, duplicates: 0 });
    const rollup = () =>
      h.db
        .selectFrom('usage_daily')
        .select(['cost_usd', 'requests', 'tokens'])
        .where('subject_type', '=', 'user')
        .where('subject_id', '=', 'bob')
        .execute();
    const before = await rollup();
    expect(before).toEqual([{ cost_usd: 3.75, requests: 2, tokens: 240 }]);

    // Again, plus one new record and a duplicate within the batch itself.
    const extra = usage({ requestId: 'idem-3', userId: 'bob', costUsd: 1, createdAt: '2026-04-01T14:00:00Z' });
    expect(await h.client(key).hub.recordUsage.mutate({ records: [...batch, extra, extra] })).toEqual({
      accepted: 1,
      duplicates: 3,
    });
    expect(await rollup()).toEqual([{ cost_usd: 4.75, requests: 3, tokens: 360 }]);
    const { rollup: r, raw } = await rollupMatchesRaw(h.db);
    expect(r).toEqual(raw);
  });

  it('keeps usage of users and providers the hub has not synced', async () => {
    await h.client(key).hub.recordUsage.mutate({ records: [usage({ userId: 'ghost', providerId: 'ghost-provider' })] });
    const row = await h.db
      .selectFrom('usage_record')
      .select('user_id')
      .where('user_id', '=', 'ghost')
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect(await h.db.selectFrom('hub_user').selectAll().where('id', '=', 'ghost').execute()).toEqual([]);
  });

  it('a batch with a bad record answers 400 naming each bad record and field, and stores nothing', async () => {
    const before = await count('usage_record');
    const records = [
      usage({ requestId: 'good-1' }),
      usage({ requestId: 'good-2', costUsd: -1 }),
      usage({ requestId: 'good-3' }),
      { ...usage({ requestId: '' }), inputTokens: 1.5 },
      usage({ requestId: 'good-5', createdAt: 'yesterday' }),
      usage({ requestId: 'good-6', userId: 'x'.repeat(129) }),
    ];
    const r = await h.api('hub.recordUsage', { records }, { token: key });
    expect(r.status).toBe(400);
    const paths = r.body.error.data.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual([
      'records.1.costUsd',
      'records.3.requestId',
      'records.3.inputTokens',
      'records.4.createdAt',
      'records.5.userId',
    ]);
    expect(r.body.error.message).toContain('records.1.costUsd: must be 0 or more');
    expect(r.body.error.message).toContain('records.4.createdAt: must be an ISO 8601 date-time');
    expect(await count('usage_record')).toBe(before);
    expect(
      await h.db.selectFrom('usage_record').select('request_id').where('request_id', 'like', 'good-%').execute(),
    ).toEqual([]);
  });

  it.each([
    ['missing fields', { requestId: 'm1' }, ['records.0.userId', 'records.0.providerId', 'records.0.costUsd']],
    ['a cost that is not a number', { ...usage(), costUsd: '0.1' }, ['records.0.costUsd']],
    ['an absurd cost', { ...usage(), costUsd: 2_000_000 }, ['records.0.costUsd']],
    ['negative tokens', { ...usage(), outputTokens: -1 }, ['records.0.outputTokens']],
    ['a zero timestamp', { ...usage(), createdAt: '1970-01-01T00:00:00Z' }, ['records.0.createdAt']],
    ['a date without a time', { ...usage(), createdAt: '2026-01-01' }, ['records.0.createdAt']],
  ])('rejects %s', async (_what, record, expected) => {
    const r = await h.api('hub.recordUsage', { records: [record] }, { token: key });
    expect(r.status).toBe(400);
    const paths = r.body.error.data.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(expected));
  });

  it('takes 5,000 records in one call and refuses 5,001', async () => {
    const records = Array.from({ length: 5_001 }, (_, i) => usage({ requestId: `big-${i}`, userId: `u${i % 50}` }));
    const over = await h.api('hub.recordUsage', { records }, { token: key });
    expect(over.status).toBe(400);
    expect(over.body.error.data.issues).toEqual([
      { path: 'records', message: 'at most 5000 records per call', code: 'list.too_many', params: { max: 5000 } },
    ]);
    expect(
      await h.db.selectFrom('usage_record').select('request_id').where('request_id', '=', 'big-0').execute(),
    ).toEqual([]);

    const ok = await h.api('hub.recordUsage', { records: records.slice(0, 5_000) }, { token: key });
    expect(ok.status).toBe(200);
    expect(ok.body.result.data).toEqual({ accepted: 5_000, duplicates: 0 });
  });

  it('cuts a very long error message instead of rejecting the record', async () => {
    await h.client(key).hub.recordUsage.mutate({
      records: [usage({ requestId: 'long-error', success: false, errorMessage: 'e'.repeat(50_000) })],
    });
    const row = await h.db
      .selectFrom('usage_record')
      .select('error_message')
      .where('request_id', '=', 'long-error')
      .executeTakeFirstOrThrow();
    expect(row.error_message).toHaveLength(2_000);
  });

  it('an empty batch is fine', async () => {
    expect(await h.client(key).hub.recordUsage.mutate({ records: [] })).toEqual({ accepted: 0, duplicates: 0 });
  });

  it('failures feed the provider breaker count; a success resets it', async () => {
    await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'flaky', name: 'Flaky' }] });
    const fail = () => usage({ providerId: 'flaky', success: false, errorMessage: '503' });
    await h.client(key).hub.recordUsage.mutate({ records: [fail(), fail(), fail()] });
    const state = () =>
      h.db
        .selectFrom('hub_provider')
        .select(['consecutive_failures', 'breaker_opened_at'])
        .where('id', '=', 'flaky')
        .executeTakeFirstOrThrow();
    expect((await state()).consecutive_failures).toBe(3);
    await h.client(key).hub.recordUsage.mutate({ records: [fail(), fail()] });
    // The threshold (5) was reached: the breaker opened and the count starts again.
    expect(await state()).toEqual({ consecutive_failures: 0, breaker_opened_at: expect.any(Date) });
  });
});

describe('hub procedures need a hub key', () => {
  const calls: Array<[string, unknown]> = [
    ['hub.recordUsage', { records: [] }],
    ['hub.syncUsers', { users: [] }],
    ['hub.syncProviders', { providers: [] }],
    [
      'hub.reportCircuitBreaker',
      { providerId: 'p', providerName: 'P', failureCount: 5, retryAt: '2026-01-01T00:00:00Z' },
    ],
  ];

  it.each(calls)('%s refuses the admin token, no token and a wrong key', async (procedure, input) => {
    for (const token of [TEST_ADMIN_TOKEN, undefined, 'hrld_not-a-key']) {
      const r = await h.api(procedure, input, token ? { token } : {});
      expect(r.status).toBe(401);
    }
  });

  it('a revoked key is refused at once', async () => {
    const created = await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'short-lived' });
    expect((await h.api('hub.recordUsage', { records: [] }, { token: created.key })).status).toBe(200);
    await h.client(TEST_ADMIN_TOKEN).apiKeys.revoke.mutate({ id: created.id });
    expect((await h.api('hub.recordUsage', { records: [] }, { token: created.key })).status).toBe(401);
  });
});
