import { describe, expect, it } from 'vitest';
import { CircuitBreakerData } from '../notifications/circuit-breaker.ts';
import { ListDeliveriesInput } from './deliveries.ts';
import {
  LIMIT_USD_MAX,
  RecordUsageInput,
  SyncProvidersInput,
  SyncUsersInput,
  USAGE_COST_MAX_USD,
  USAGE_TOKENS_MAX,
} from './hub.ts';
import { CreateTargetInput } from './targets.ts';
import { JSON_VALUE_MAX_CHARS } from './text.ts';

const issuesOf = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const record = { requestId: 'r1', userId: 'u1', providerId: 'p1', costUsd: 0.5, inputTokens: 10, outputTokens: 2 };
const usage = (patch: Record<string, unknown>) => RecordUsageInput.safeParse({ records: [{ ...record, ...patch }] });
const breaker = { providerId: 'p', providerName: 'P', failureCount: 5, retryAt: '2026-01-15T14:30:00Z' };

/** Each bound: the last accepted value, the first refused one, and the message naming the bound. */
describe('bounds a real hub never reaches', () => {
  it('limits in USD', () => {
    const user = (limit: number) =>
      SyncUsersInput.safeParse({ users: [{ id: 'u', name: 'U', limitMonthlyUsd: limit }] });
    expect(user(LIMIT_USD_MAX).success).toBe(true);
    expect(issuesOf(user(LIMIT_USD_MAX * 1.000001))).toEqual([
      'users.0.limitMonthlyUsd: at most 1000000000 USD (send null for no limit)',
    ]);
    expect(issuesOf(user(1e308))).toHaveLength(1);
    const provider = SyncProvidersInput.safeParse({ providers: [{ id: 'p', name: 'P', limit5hUsd: 1e308 }] });
    expect(issuesOf(provider)).toEqual(['providers.0.limit5hUsd: at most 1000000000 USD (send null for no limit)']);
  });

  it('cost and tokens of one request', () => {
    expect(usage({ costUsd: USAGE_COST_MAX_USD }).success).toBe(true);
    expect(issuesOf(usage({ costUsd: 1e308 }))).toEqual([
      'records.0.costUsd: at most 1000000 (is the hub sending micro-dollars?)',
    ]);
    expect(usage({ inputTokens: USAGE_TOKENS_MAX, cacheReadInputTokens: USAGE_TOKENS_MAX }).success).toBe(true);
    expect(issuesOf(usage({ cacheReadInputTokens: USAGE_TOKENS_MAX + 1 }))).toEqual([
      'records.0.cacheReadInputTokens: at most 100000000 tokens in one request',
    ]);
  });

  it('dates from 2000 to 2099, in usage, breaker reports and delivery filters', () => {
    const bound = 'must be between 2000-01-01 and 2099-12-31';
    expect(usage({ createdAt: '2000-01-01T00:00:00Z' }).success).toBe(true);
    expect(usage({ createdAt: '2099-12-31T23:59:59.999Z' }).success).toBe(true);
    expect(issuesOf(usage({ createdAt: '1999-12-31T23:59:59.999Z' }))).toEqual([`records.0.createdAt: ${bound}`]);
    expect(issuesOf(usage({ createdAt: '0000-01-01T00:00:00Z' }))).toEqual([`records.0.createdAt: ${bound}`]);
    expect(issuesOf(usage({ createdAt: '2100-01-01T00:00:00Z' }))).toEqual([`records.0.createdAt: ${bound}`]);
    expect(issuesOf(usage({ createdAt: '9999-12-31T23:59:59Z' }))).toEqual([`records.0.createdAt: ${bound}`]);
    expect(issuesOf(CircuitBreakerData.safeParse({ ...breaker, retryAt: '9999-01-01T00:00:00Z' }))).toEqual([
      `retryAt: ${bound}`,
    ]);
    expect(issuesOf(ListDeliveriesInput.safeParse({ from: '0000-01-01T00:00:00Z' }))).toEqual([`from: ${bound}`]);
  });

  it('a breaker report: failure count, and a last error cut instead of refused', () => {
    expect(issuesOf(CircuitBreakerData.safeParse({ ...breaker, failureCount: 1e9 + 1 }))).toEqual([
      'failureCount: at most 1000000000',
    ]);
    const long = CircuitBreakerData.parse({ ...breaker, lastError: `a\u0000${'x'.repeat(20_000)}` });
    expect(long.lastError).toMatch(/^ax+$/);
    expect(long.lastError).toHaveLength(10_000);
  });

  it('a custom template of 1 MB and a Telegram topic past a 32-bit id', () => {
    const custom = { name: 't', providerType: 'custom', webhookUrl: 'https://example.com/h' };
    expect(issuesOf(CreateTargetInput.safeParse({ ...custom, customTemplate: { text: 'x'.repeat(1 << 20) } }))).toEqual(
      [`customTemplate: too large: at most ${JSON_VALUE_MAX_CHARS} characters of keys and text`],
    );
    const telegram = {
      name: 't',
      providerType: 'telegram',
      telegramBotToken: `123:${'A'.repeat(30)}`,
      telegramChatId: '-100',
    };
    expect(CreateTargetInput.safeParse({ ...telegram, telegramTopicId: 2_147_483_647 }).success).toBe(true);
    expect(issuesOf(CreateTargetInput.safeParse({ ...telegram, telegramTopicId: 2_147_483_648 }))).toEqual([
      'telegramTopicId: a topic id is at most 2147483647',
    ]);
  });
});
