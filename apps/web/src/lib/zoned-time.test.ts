import { describe, expect, it } from 'vitest';
import { dayRange, instantToWallTime, wallTimeToInstant } from './zoned-time.ts';

describe('zoned wall times', () => {
  it('read a wall time in the given zone', () => {
    expect(wallTimeToInstant('2026-11-28T09:30', 'Asia/Shanghai')).toBe('2026-11-28T01:30:00.000Z');
    expect(wallTimeToInstant('2026-11-28T09:30', 'UTC')).toBe('2026-11-28T09:30:00.000Z');
  });

  it('move a wall time skipped by DST forward, and refuse what is not a date-time', () => {
    // 02:30 on 8 March 2026 does not exist in New York (clocks jump from 02:00 to 03:00).
    expect(wallTimeToInstant('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeToInstant('', 'UTC')).toBeNull();
    expect(wallTimeToInstant('yesterday', 'UTC')).toBeNull();
  });

  it('show an instant as a wall time in the zone, to the minute', () => {
    expect(instantToWallTime('2026-11-28T01:30:45.123Z', 'Asia/Shanghai')).toBe('2026-11-28T09:30');
    expect(instantToWallTime('2026-11-28T01:30:00+08:00', 'UTC')).toBe('2026-11-27T17:30');
  });

  it('span a calendar day in the zone, 23 hours on the day DST starts', () => {
    expect(dayRange('2026-11-28', 'Asia/Shanghai')).toEqual({
      from: '2026-11-27T16:00:00.000Z',
      to: '2026-11-28T16:00:00.000Z',
    });
    expect(dayRange('2026-03-08', 'America/New_York')).toEqual({
      from: '2026-03-08T05:00:00.000Z',
      to: '2026-03-09T04:00:00.000Z',
    });
  });
});
