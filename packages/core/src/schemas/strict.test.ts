import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HERALD_ERROR_CODES, HERALD_ERRORS } from './error-codes.ts';
import { ErrorEnvelope, heraldError } from './errors.ts';
import { RecordUsageInput, SyncProvidersInput, SyncUsersInput } from './hub.ts';
import { CircuitBreakerReport } from './incidents.ts';
import { ProviderBalanceReport } from './provider-balance.ts';
import { closestKey, editDistance, isUnknownFieldIssue, strict } from './strict.ts';

type Parsed = { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
const issues = (r: Parsed) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('limit', 'limit')).toBe(0);
    expect(editDistance('limt', 'limit')).toBe(1);
    expect(editDistance('limitt', 'limit')).toBe(1);
    expect(editDistance('limot', 'limit')).toBe(1);
    expect(editDistance('lmiit', 'limit')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('ignores case, `_` and `-`, so a snake_case or shouted key finds its camelCase field', () => {
    const known = ['requestId', 'limit5hUsd', 'limitWeeklyUsd'];
    expect(closestKey('limit5hUSD', known)).toBe('limit5hUsd');
    expect(closestKey('request_id', known)).toBe('requestId');
    expect(closestKey('limit-weekly-usd', known)).toBe('limitWeeklyUsd');
    expect(closestKey('limitWeklyUsd', known)).toBe('limitWeeklyUsd');
  });

  it('suggests nothing when no key is close, and never a one-letter key for another', () => {
    expect(closestKey('colour', ['requestId', 'userId'])).toBeUndefined();
    expect(closestKey('b', ['a'])).toBeUndefined();
    expect(closestKey('nme', ['id', 'name'])).toBe('name');
  });

  it('picks the closest of several candidates', () => {
    expect(closestKey('limit5Usd', ['limit5hUsd', 'limit5hUsdx'])).toBe('limit5hUsd');
  });
});

describe('strict()', () => {
  const Inner = strict(z.object({ a: z.number(), bee: z.string().optional() }));
  const Outer = strict(z.object({ items: z.array(Inner), name: z.string() }));

  it('accepts known fields and keeps its output type', () => {
    const v: { items: Array<{ a: number; bee?: string | undefined }>; name: string } = Outer.parse({
      items: [{ a: 1 }],
      name: 'n',
    });
    expect(v).toEqual({ items: [{ a: 1 }], name: 'n' });
  });

  it('refuses each unknown field at its own path, nested too, with the close key or the list of keys', () => {
    expect(issues(Outer.safeParse({ items: [{ a: 1, be: 'x' }], name: 'n', nmae: 'n', extra: true }))).toEqual([
      'items.0.be: unknown field (did you mean `bee`?)',
      'nmae: unknown field (did you mean `name`?)',
      'extra: unknown field (the fields are `items`, `name`)',
    ]);
  });

  it('names unknown fields alongside every other problem in one answer', () => {
    expect(issues(Outer.safeParse({ items: [{ a: 'x', c: 1 }], name: 5 }))).toEqual([
      'items.0.a: Invalid input: expected number, received string',
      'items.0.c: unknown field (the fields are `a`, `bee`)',
      'name: Invalid input: expected string, received number',
    ]);
  });

  it('marks its issues so the API can tell an unknown field from a bad value', () => {
    const r = Outer.safeParse({ items: [], name: 'n', x: 1, y: 2 });
    expect(r.error?.issues.map(isUnknownFieldIssue)).toEqual([true, true]);
    expect(Outer.safeParse({ items: 1, name: 'n' }).error?.issues.map(isUnknownFieldIssue)).toEqual([false]);
  });

  it('says `additionalProperties: false` in its JSON Schema', () => {
    const schema = z.toJSONSchema(Outer, { io: 'input' }) as unknown as {
      additionalProperties: boolean;
      properties: { items: { items: { additionalProperties: boolean } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.items.items.additionalProperties).toBe(false);
  });
});

describe('every hub input is strict', () => {
  const record = { requestId: 'r', userId: 'u', providerId: 'p', costUsd: 0.1, inputTokens: 1, outputTokens: 1 };

  it('syncUsers: a misspelt limit is refused, not read as "no limit"', () => {
    expect(issues(SyncUsersInput.safeParse({ users: [{ id: 'u', name: 'U', limit5hUSD: 5 }] }))).toEqual([
      'users.0.limit5hUSD: unknown field (did you mean `limit5hUsd`?)',
    ]);
    expect(issues(SyncUsersInput.safeParse({ users: [], user: [] }))).toEqual([
      'user: unknown field (did you mean `users`?)',
    ]);
  });

  it('syncProviders, recordUsage, reportProviderBalance, reportCircuitBreaker (open and closed)', () => {
    expect(issues(SyncProvidersInput.safeParse({ providers: [{ id: 'p', name: 'P', failure_threshold: 3 }] }))).toEqual(
      ['providers.0.failure_threshold: unknown field (did you mean `failureThreshold`?)'],
    );
    expect(issues(RecordUsageInput.safeParse({ records: [{ ...record, costUSD: 1 }] }))).toEqual([
      'records.0.costUSD: unknown field (did you mean `costUsd`?)',
    ]);
    expect(issues(ProviderBalanceReport.safeParse({ providerId: 'p', balance: 1, curency: 'usd' }))).toEqual([
      'curency: unknown field (did you mean `currency`?)',
    ]);
    const open = { providerId: 'p', providerName: 'P', failureCount: 3, retryAt: '2026-01-15T14:30:00Z' };
    expect(issues(CircuitBreakerReport.safeParse({ ...open, lastErorr: 'x' }))).toEqual([
      'lastErorr: unknown field (did you mean `lastError`?)',
    ]);
    expect(issues(CircuitBreakerReport.safeParse({ state: 'closed', providerId: 'p', closed_at: 'x' }))).toEqual([
      'closed_at: unknown field (did you mean `closedAt`?)',
    ]);
  });
});

describe('error codes', () => {
  it('says which codes to retry: rate limits, outages, faults and timeouts only', () => {
    expect(HERALD_ERROR_CODES.filter((c) => HERALD_ERRORS[c].retryable).sort()).toEqual([
      'INTERNAL',
      'RATE_LIMITED',
      'TIMEOUT',
      'UNAVAILABLE',
    ]);
  });

  it('builds the herald part of an error, with issues only when there are some', () => {
    expect(heraldError('UNAVAILABLE')).toEqual({ code: 'UNAVAILABLE', retryable: true });
    expect(heraldError('INVALID_INPUT', [])).toEqual({ code: 'INVALID_INPUT', retryable: false });
    expect(heraldError('UNKNOWN_FIELD', [{ path: 'x', message: 'unknown field' }])).toEqual({
      code: 'UNKNOWN_FIELD',
      retryable: false,
      issues: [{ path: 'x', message: 'unknown field' }],
    });
  });

  it('describes the envelope: an unknown machine code is not one', () => {
    const body = (code: string) => ({
      error: {
        message: 'm',
        code: -32600,
        data: { code: 'BAD_REQUEST', httpStatus: 400, herald: { code, retryable: false } },
      },
    });
    expect(ErrorEnvelope.safeParse(body('INVALID_INPUT')).success).toBe(true);
    expect(ErrorEnvelope.safeParse(body('BAD_REQUEST')).success).toBe(false);
  });
});
