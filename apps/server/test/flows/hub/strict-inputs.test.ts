import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

let h: TestHerald;
let key: string;
beforeAll(async () => {
  h = await startTestHerald();
  key = (await h.client(TEST_ADMIN_TOKEN).apiKeys.create.mutate({ name: 'strict hub' })).key;
});
afterAll(() => h?.close());

const count = async (table: 'hub_user' | 'hub_provider' | 'usage_record' | 'provider_balance_state') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A 400 refusing unknown fields, naming each at its path; nothing else in the answer. */
function expectUnknownFields(
  res: Awaited<ReturnType<TestHerald['api']>>,
  issues: Array<{ path: string; message: string }>,
) {
  expect(res.status).toBe(400);
  // Each carries its stable code beside the English message (core issue-codes.ts).
  const coded = issues.map((i) => ({ ...i, code: 'field.unknown' }));
  expect(res.body.error.data.herald).toEqual({ code: 'UNKNOWN_FIELD', retryable: false, issues: coded });
  expect(res.body.error.data.issues).toEqual(coded);
  expect(res.body.error.message).toBe(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
}

describe('hub inputs refuse fields Herald does not know', () => {
  it('syncUsers: a misspelt limit is a 400 naming it, with the field meant, and no user is stored', async () => {
    const res = await h.api(
      'hub.syncUsers',
      {
        users: [
          { id: 'u1', name: 'Ann', limit5hUsd: 5 },
          { id: 'u2', name: 'Bob', limit5hUSD: 10 },
        ],
      },
      { token: key },
    );
    expectUnknownFields(res, [{ path: 'users.1.limit5hUSD', message: 'unknown field (did you mean `limit5hUsd`?)' }]);
    expect(await count('hub_user')).toBe(0);
  });

  it('a field with no close match lists the fields the object takes', async () => {
    const res = await h.api(
      'hub.syncProviders',
      { providers: [{ id: 'p', name: 'P', colour: 'red' }] },
      { token: key },
    );
    expectUnknownFields(res, [
      {
        path: 'providers.0.colour',
        message:
          'unknown field (the fields are `id`, `name`, `limit5hUsd`, `limitWeeklyUsd`, `limitMonthlyUsd`, `failureThreshold`, `openDurationMs`)',
      },
    ]);
    expect(await count('hub_provider')).toBe(0);
  });

  it('recordUsage: snake_case at the top level and in a record; nothing of the batch is stored', async () => {
    const record = { requestId: 'r1', userId: 'u', providerId: 'p', costUsd: 0.5, inputTokens: 1, outputTokens: 1 };
    const res = await h.api(
      'hub.recordUsage',
      { records: [record, { ...record, requestId: 'r2', cost_usd: 0.5 }], batch_id: 7 },
      { token: key },
    );
    expectUnknownFields(res, [
      { path: 'records.1.cost_usd', message: 'unknown field (did you mean `costUsd`?)' },
      { path: 'batch_id', message: 'unknown field (the fields are `records`)' },
    ]);
    expect(await count('usage_record')).toBe(0);
  });

  it('an unknown field and a bad value in one call: both named, the code says an unknown field is among them', async () => {
    const res = await h.api(
      'hub.syncUsers',
      { users: [{ id: 'u', name: 'U', limitWeeklyUsd: -1, enabled: true }] },
      { token: key },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.data.herald).toEqual({
      code: 'UNKNOWN_FIELD',
      retryable: false,
      issues: [
        { path: 'users.0.limitWeeklyUsd', message: 'must be 0 or more', code: 'number.too_small', params: { min: 0 } },
        { path: 'users.0.enabled', message: 'unknown field (did you mean `isEnabled`?)', code: 'field.unknown' },
      ],
    });
  });

  it('reportProviderBalance and reportCircuitBreaker refuse unknown fields the same way', async () => {
    const balance = await h.api(
      'hub.reportProviderBalance',
      { providerId: 'p', balance: 3, lowBalance: 5 },
      { token: key },
    );
    expect(balance.body.error.data.herald.issues).toEqual([
      {
        path: 'lowBalance',
        message: expect.stringMatching(/^unknown field \(the fields are `providerId`, /),
        code: 'field.unknown',
      },
    ]);
    expect(await count('provider_balance_state')).toBe(0);
    const breaker = await h.api(
      'hub.reportCircuitBreaker',
      { providerId: 'p', providerName: 'P', failureCount: 3, retryAt: '2026-01-15T14:30:00Z', retry_at: 'x' },
      { token: key },
    );
    expectUnknownFields(breaker, [{ path: 'retry_at', message: 'unknown field (did you mean `retryAt`?)' }]);
    expect(await h.db.selectFrom('notification').select('id').execute()).toEqual([]);
  });

  it('a bad value alone is INVALID_INPUT, and the corrected call goes through', async () => {
    const bad = await h.api('hub.syncUsers', { users: [{ id: 'u1', name: 'Ann', limit5hUsd: 'ten' }] }, { token: key });
    expect(bad.body.error.data.herald).toEqual({
      code: 'INVALID_INPUT',
      retryable: false,
      issues: [
        {
          path: 'users.0.limit5hUsd',
          message: 'must be a number of US dollars or null',
          code: 'field.wrong_type',
          params: { expected: 'number' },
        },
      ],
    });
    const good = await h.api('hub.syncUsers', { users: [{ id: 'u1', name: 'Ann', limit5hUsd: 10 }] }, { token: key });
    expect(good.status).toBe(200);
    expect(await h.db.selectFrom('hub_user').select(['id', 'limit_5h_usd']).execute()).toEqual([
      { id: 'u1', limit_5h_usd: '10' },
    ]);
  });
});
