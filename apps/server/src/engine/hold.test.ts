import { describe, expect, it } from 'vitest';
import type { SettingsRow } from '../db/tables/settings.ts';
import { holdFor, silenceReason, topOfHourSpreadMs } from './hold.ts';

const settings = { timezone: 'UTC', circuit_breaker_group_wait: 10, cost_alert_group_wait: 0 } as SettingsRow;
const target = { targetId: 't1', targetName: 'g', bindingId: 'b1', channel: 'wechat' as const };
const NOW = new Date('2026-11-30T23:30:00Z'); // a Monday
const quiet = { days: [1], from: '22:00', to: '07:00', bypassUrgent: true };
const cost = (currentCost: number) => ({ currentCost, quotaLimit: 100 });

describe('what holds a new delivery', () => {
  it("quiet hours hold what is not urgent until they end, in the binding's zone", () => {
    const r = { ...target, quietHours: quiet, timezone: 'UTC' };
    expect(holdFor(r, 'cost_alert', cost(85), settings, NOW, { source: 'schedule' })).toEqual({
      reason: 'quiet_hours',
      until: new Date('2026-12-01T07:00:00Z'),
    });
    // Urgent ones pass: a breaker (then its grouping wait applies) and a quota at 100 %.
    expect(holdFor(r, 'circuit_breaker', {}, settings, NOW, { source: 'hub' })?.reason).toBe('grouping');
    expect(holdFor(r, 'cost_alert', cost(100), settings, NOW, { source: 'schedule' })).toBeNull();
    // Unless the binding says otherwise.
    const strict = { ...r, quietHours: { ...quiet, bypassUrgent: false } };
    expect(holdFor(strict, 'cost_alert', cost(100), settings, NOW, { source: 'schedule' })?.reason).toBe('quiet_hours');
    // In Shanghai it is 07:30 on Tuesday: the night is over.
    expect(
      holdFor({ ...r, timezone: 'Asia/Shanghai' }, 'cost_alert', cost(85), settings, NOW, { source: 'schedule' }),
    ).toBeNull();
  });

  it("the type's grouping wait, a cost check's digest, and nothing for tests or resends", () => {
    expect(holdFor(target, 'circuit_breaker', {}, settings, NOW, { source: 'hub' })).toEqual({
      reason: 'grouping',
      until: new Date(NOW.getTime() + 10_000),
    });
    expect(holdFor(target, 'cost_alert', cost(85), settings, NOW, { source: 'schedule' })).toBeNull();
    expect(holdFor(target, 'cost_alert', cost(85), settings, NOW, { source: 'schedule', group: true })).toEqual({
      reason: 'grouping',
      until: NOW,
    });
    expect(holdFor(target, 'daily_leaderboard', {}, settings, NOW, { source: 'schedule', group: true })).toBeNull();
    expect(holdFor(target, 'circuit_breaker', {}, settings, NOW, { source: 'manual' })).toBeNull();
  });

  it('a run at the top of the hour or the half hour is spread over 5–24 s, the same for a target each time', () => {
    const top = new Date('2026-11-30T09:00:01Z');
    const spread = topOfHourSpreadMs('target-a', top);
    expect(spread).toBeGreaterThanOrEqual(5_000);
    expect(spread).toBeLessThanOrEqual(24_000);
    expect(topOfHourSpreadMs('target-a', new Date('2026-11-30T09:30:02Z'))).toBe(spread);
    expect(topOfHourSpreadMs('target-a', new Date('2026-11-30T09:00:06Z'))).toBe(0);
    expect(topOfHourSpreadMs('target-a', new Date('2026-11-30T09:15:00Z'))).toBe(0);
    const others = new Set(['b', 'c', 'd', 'e', 'f', 'g'].map((k) => topOfHourSpreadMs(k, top)));
    expect(others.size).toBeGreaterThan(1);
  });

  it('says which silence held a delivery back, and until when', () => {
    expect(
      silenceReason({
        matcher_kind: 'provider',
        matcher_value: 'p1',
        reason: 'maintenance',
        ends_at: new Date('2026-12-01T00:00:00Z'),
      }),
    ).toBe('silenced (provider p1) until 2026-12-01T00:00:00.000Z: maintenance');
  });
});
