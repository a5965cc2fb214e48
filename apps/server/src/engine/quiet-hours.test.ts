import type { QuietHours } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { isUrgent, quietUntil } from './quiet-hours.ts';

const q = (from: string, to: string, days = [1, 2, 3, 4, 5, 6, 7]): QuietHours => ({
  days,
  from,
  to,
  bypassUrgent: true,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('quiet hours', () => {
  it('holds inside a same-day period and releases at its end', () => {
    const hours = q('12:00', '14:00');
    expect(iso(quietUntil(hours, 'UTC', new Date('2026-03-02T13:00:00Z')))).toBe('2026-03-02T14:00:00.000Z');
    expect(quietUntil(hours, 'UTC', new Date('2026-03-02T14:00:00Z'))).toBeNull();
    expect(quietUntil(hours, 'UTC', new Date('2026-03-02T11:59:59Z'))).toBeNull();
  });

  it('runs across midnight into the next day, counted on the day it starts', () => {
    // 22:00–07:00 on Mondays only (2026-03-02 is a Monday) in Shanghai (UTC+8).
    const hours = q('22:00', '07:00', [1]);
    const tz = 'Asia/Shanghai';
    expect(iso(quietUntil(hours, tz, new Date('2026-03-02T15:30:00Z')))).toBe('2026-03-02T23:00:00.000Z'); // Mon 23:30
    expect(iso(quietUntil(hours, tz, new Date('2026-03-02T20:00:00Z')))).toBe('2026-03-02T23:00:00.000Z'); // Tue 04:00
    expect(quietUntil(hours, tz, new Date('2026-03-03T15:30:00Z'))).toBeNull(); // Tue 23:30: not a listed day
    expect(quietUntil(hours, tz, new Date('2026-03-01T20:00:00Z'))).toBeNull(); // Mon 04:00: Sunday's night is not listed
  });

  it('follows DST: a night spanning the spring-forward jump ends at 07:00 local time', () => {
    // New York springs forward on 2027-03-14 at 02:00 (EST −5 → EDT −4).
    const hours = q('22:00', '07:00');
    const tz = 'America/New_York';
    const during = new Date('2027-03-14T06:30:00Z'); // 01:30 EST
    expect(iso(quietUntil(hours, tz, during))).toBe('2027-03-14T11:00:00.000Z'); // 07:00 EDT
    // Fall back on 2027-11-07: 07:00 EST is 12:00 UTC.
    expect(iso(quietUntil(hours, tz, new Date('2027-11-07T05:30:00Z')))).toBe('2027-11-07T12:00:00.000Z');
  });

  it('a start the clocks skip moves forward by the jump', () => {
    const hours = q('02:30', '04:00');
    const tz = 'America/New_York';
    // 02:30 does not exist on 2027-03-14: the period starts at 03:30 EDT (07:30Z).
    expect(quietUntil(hours, tz, new Date('2027-03-14T07:10:00Z'))).toBeNull();
    expect(iso(quietUntil(hours, tz, new Date('2027-03-14T07:40:00Z')))).toBe('2027-03-14T08:00:00.000Z');
  });

  it('urgent: breakers and quota alerts at 100 % or more', () => {
    expect(isUrgent('circuit_breaker', {})).toBe(true);
    expect(isUrgent('cost_alert', { currentCost: 10, quotaLimit: 10 })).toBe(true);
    expect(isUrgent('cost_alert', { currentCost: 8, quotaLimit: 10 })).toBe(false);
    expect(isUrgent('cost_alert', { currentCost: 12, quotaLimit: 10, event: 'recovered' })).toBe(false);
    expect(isUrgent('daily_leaderboard', {})).toBe(false);
    // A provider's balance used up is urgent; merely low, or topped up again, is not.
    expect(isUrgent('provider_balance', { event: 'low', levelFraction: 0 })).toBe(true);
    expect(isUrgent('provider_balance', { event: 'low', levelFraction: 0.5 })).toBe(false);
    expect(isUrgent('provider_balance', { event: 'recovered', levelFraction: 0 })).toBe(false);
  });
});
