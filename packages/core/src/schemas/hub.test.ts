import { describe, expect, it } from 'vitest';
import { RecordUsageInput, SyncProvidersInput, SyncUsersInput, USAGE_ERROR_MESSAGE_MAX } from './hub.ts';

const issuesOf = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const record = { requestId: 'r1', userId: 'u1', providerId: 'p1', costUsd: 0.5, inputTokens: 10, outputTokens: 2 };

describe('hub schemas', () => {
  it('fill in a usage record’s defaults and keep ids exactly as sent', () => {
    expect(RecordUsageInput.parse({ records: [{ ...record, requestId: ' r1 ', userId: 42 }] }).records[0]).toEqual({
      ...record,
      requestId: ' r1 ',
      userId: '42',
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
      success: true,
      errorMessage: null,
    });
  });

  it('say a missing number is required rather than of the wrong type', () => {
    const { outputTokens: _, costUsd: __, ...partial } = record;
    expect(issuesOf(RecordUsageInput.safeParse({ records: [partial] }))).toEqual([
      'records.0.costUsd: is required',
      'records.0.outputTokens: is required',
    ]);
    expect(issuesOf(RecordUsageInput.safeParse({ records: [{ ...record, outputTokens: '2' }] }))).toEqual([
      'records.0.outputTokens: must be a number',
    ]);
  });

  it('cut long error messages and accept any ISO date-time with an offset', () => {
    const [r] = RecordUsageInput.parse({
      records: [{ ...record, errorMessage: 'x'.repeat(9_000), createdAt: '2026-01-15T14:30:00.123456+08:00' }],
    }).records;
    expect(r?.errorMessage).toHaveLength(USAGE_ERROR_MESSAGE_MAX);
    expect(r?.createdAt).toBe('2026-01-15T14:30:00.123456+08:00');
  });

  it('name each bad field of each bad record', () => {
    const r = RecordUsageInput.safeParse({
      records: [
        record,
        { ...record, costUsd: Number.NaN, inputTokens: -1 },
        { ...record, userId: '', success: 'yes', createdAt: '2026-01-15 14:30' },
        { ...record, providerId: 1.5, outputTokens: 2.5 },
      ],
    });
    expect(issuesOf(r)).toEqual([
      'records.1.costUsd: must be a number of US dollars',
      'records.1.inputTokens: must be 0 or more',
      'records.2.userId: must not be empty',
      'records.2.success: must be true or false',
      'records.2.createdAt: must be an ISO 8601 date-time, e.g. 2026-01-15T14:30:00Z',
      'records.3.providerId: must be a string or a whole number',
      'records.3.outputTokens: must be a whole number',
    ]);
  });

  it('refuse more than 5,000 of anything in one call', () => {
    const many = <T>(item: (i: number) => T) => Array.from({ length: 5_001 }, (_, i) => item(i));
    expect(issuesOf(RecordUsageInput.safeParse({ records: many((i) => ({ ...record, requestId: `r${i}` })) }))).toEqual(
      ['records: at most 5000 records per call'],
    );
    expect(issuesOf(SyncUsersInput.safeParse({ users: many((i) => ({ id: `u${i}`, name: 'U' })) }))).toEqual([
      'users: at most 5000 users per call',
    ]);
    expect(issuesOf(SyncProvidersInput.safeParse({ providers: many((i) => ({ id: `p${i}`, name: 'P' })) }))).toEqual([
      'providers: at most 5000 providers per call',
    ]);
  });

  it('keep an omitted limit omitted (keep the stored value) and null as null (no limit)', () => {
    expect(SyncUsersInput.parse({ users: [{ id: 'u', name: 'U', limit5hUsd: null }] }).users[0]).toEqual({
      id: 'u',
      name: 'U',
      limit5hUsd: null,
    });
  });
});
