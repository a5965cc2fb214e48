import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_OPEN_DURATION_MS,
  HubId,
  RecordUsageInput,
  RecordUsageResult,
  SyncProvidersInput,
  SyncResult,
  SyncUsersInput,
} from './hub.ts';

type Parsed = { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
const issues = (r: Parsed) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const record = { requestId: 'r1', userId: 'u1', providerId: 'p1', costUsd: 0.5, inputTokens: 10, outputTokens: 2 };
const provider = (patch: Record<string, unknown>) =>
  issues(SyncProvidersInput.safeParse({ providers: [{ id: 'p', name: 'P', ...patch }] }));
const user = (patch: Record<string, unknown>) =>
  issues(SyncUsersInput.safeParse({ users: [{ id: 'u', name: 'U', ...patch }] }));

describe('hub edges', () => {
  it('ids: 1–128 characters as sent, or a whole number 0 or more', () => {
    expect(HubId.parse('x'.repeat(128))).toHaveLength(128);
    expect(HubId.parse(0)).toBe('0');
    expect(issues(HubId.safeParse('x'.repeat(129)))).toEqual([': at most 128 characters']);
    expect(issues(HubId.safeParse(-1))).toEqual([': must be a string or a whole number']);
    expect(issues(HubId.safeParse(null))).toEqual([': must be a string or a whole number']);
  });

  it('names: trimmed, required, at most 200 characters', () => {
    expect(SyncUsersInput.parse({ users: [{ id: 'u', name: '  Ann  ' }] }).users[0]?.name).toBe('Ann');
    expect(user({ name: '   ' })).toEqual(['users.0.name: a name is required']);
    expect(user({ name: 'n'.repeat(200) })).toEqual([]);
    expect(user({ name: 'n'.repeat(201) })).toEqual(['users.0.name: at most 200 characters']);
  });

  it('limits: 0 or more, a number or null', () => {
    expect(user({ limitWeeklyUsd: 0 })).toEqual([]);
    expect(user({ limitWeeklyUsd: -0.01 })).toEqual(['users.0.limitWeeklyUsd: must be 0 or more']);
    expect(user({ limitMonthlyUsd: '5' })).toEqual(['users.0.limitMonthlyUsd: must be a number of US dollars or null']);
    expect(user({ isEnabled: 'no' })).toEqual(['users.0.isEnabled: must be true or false']);
  });

  it('a second entry with the same id names the first', () => {
    const r = SyncUsersInput.safeParse({
      users: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
        { id: 'a', name: 'C' },
      ],
    });
    expect(issues(r)).toEqual(['users.2.id: duplicate of users.0.id']);
    const p = SyncProvidersInput.safeParse({
      providers: [
        { id: 7, name: 'A' },
        { id: '7', name: 'B' },
      ],
    });
    expect(issues(p)).toEqual(['providers.1.id: duplicate of providers.0.id']);
  });

  it('a provider’s breaker settings within their ranges, defaults as the reference hub', () => {
    expect([DEFAULT_FAILURE_THRESHOLD, DEFAULT_OPEN_DURATION_MS]).toEqual([5, 1_800_000]);
    expect(provider({ failureThreshold: 1, openDurationMs: 0 })).toEqual([]);
    expect(provider({ failureThreshold: 10_000, openDurationMs: 604_800_000 })).toEqual([]);
    expect(provider({ failureThreshold: 0 })).toEqual(['providers.0.failureThreshold: at least 1']);
    expect(provider({ failureThreshold: 10_001 })).toEqual(['providers.0.failureThreshold: at most 10000']);
    expect(provider({ failureThreshold: 1.5 })).toEqual(['providers.0.failureThreshold: must be a whole number']);
    expect(provider({ openDurationMs: 604_800_001 })).toEqual(['providers.0.openDurationMs: at most 7 days']);
    expect(provider({ openDurationMs: 0.5 })).toEqual([
      'providers.0.openDurationMs: must be a whole number of milliseconds',
    ]);
    expect(provider({ openDurationMs: -1 })).toHaveLength(1);
  });

  it('usage: costs and tokens 0 or more, an empty error is none', () => {
    const usage = (patch: Record<string, unknown>) =>
      RecordUsageInput.safeParse({ records: [{ ...record, ...patch }] });
    expect(issues(usage({ costUsd: 0, inputTokens: 0 }))).toEqual([]);
    expect(issues(usage({ costUsd: -0.01 }))).toEqual(['records.0.costUsd: must be 0 or more']);
    expect(issues(usage({ costUsd: '1' }))).toEqual(['records.0.costUsd: must be a number of US dollars']);
    expect(issues(usage({ errorMessage: 5 }))).toEqual(['records.0.errorMessage: must be a string or null']);
    const parsed = (patch: Record<string, unknown>) =>
      RecordUsageInput.parse({ records: [{ ...record, ...patch }] }).records[0];
    expect(parsed({ errorMessage: '' })?.errorMessage).toBeNull();
    expect(parsed({ errorMessage: '\u0000' })?.errorMessage).toBeNull();
    expect(parsed({ errorMessage: 'boom' })?.errorMessage).toBe('boom');
    expect(parsed({ success: false })?.success).toBe(false);
    expect(issues(usage({ createdAt: '2100-01-01T00:00:00Z' }))).toEqual([
      'records.0.createdAt: must be between 2000-01-01 and 2099-12-31',
    ]);
  });

  it('results are whole counts', () => {
    expect(RecordUsageResult.parse({ accepted: 2, duplicates: 0 })).toEqual({ accepted: 2, duplicates: 0 });
    expect(RecordUsageResult.safeParse({ accepted: 1.5, duplicates: 0 }).success).toBe(false);
    expect(SyncResult.parse({ created: 1, updated: 2 })).toEqual({ created: 1, updated: 2 });
    expect(SyncResult.safeParse({ created: 1 }).success).toBe(false);
  });
});
