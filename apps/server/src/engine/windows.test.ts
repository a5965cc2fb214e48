import { describe, expect, it } from 'vitest';
import { costWindows } from './windows.ts';

const iso = (w: { since5h: Date; weekStart: Date; monthStart: Date }) => ({
  since5h: w.since5h.toISOString(),
  weekStart: w.weekStart.toISOString(),
  monthStart: w.monthStart.toISOString(),
});

// Expected instants are written by hand from the zones' offsets (checked with zdump).
describe('costWindows', () => {
  it.each([
    // Asia/Shanghai, +08:00, no DST. Wed 2026-12-02 11:00 local.
    ['Asia/Shanghai', '2026-12-02T03:00:00Z', '2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    // UTC itself.
    ['UTC', '2026-12-02T03:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    // New York, week after the fall-back (Sun 2026-11-01 02:00 EDT → 01:00 EST): the month began in EDT, the week in EST.
    ['America/New_York', '2026-11-03T12:00:00Z', '2026-11-02T05:00:00.000Z', '2026-11-01T04:00:00.000Z'],
    // New York, the Sunday of the spring-forward (2026-03-08): week and month began in EST.
    ['America/New_York', '2026-03-08T12:00:00Z', '2026-03-02T05:00:00.000Z', '2026-03-01T05:00:00.000Z'],
    // New York, the Tuesday after: the week began in EDT, the month in EST.
    ['America/New_York', '2026-03-10T12:00:00Z', '2026-03-09T04:00:00.000Z', '2026-03-01T05:00:00.000Z'],
    // Berlin, the Sunday DST ends (2026-10-25): a Sunday belongs to the week that began the Monday before (CEST).
    ['Europe/Berlin', '2026-10-25T12:00:00Z', '2026-10-18T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
    // Berlin, one minute before the next Monday (Sun 23:59 CET) and half an hour into it.
    ['Europe/Berlin', '2026-10-25T22:59:00Z', '2026-10-18T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T23:30:00Z', '2026-10-25T23:00:00.000Z', '2026-09-30T22:00:00.000Z'],
    // Kolkata, +05:30: Mon 2026-06-01 05:30 local is both a week and a month start day.
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', '2026-05-31T18:30:00.000Z', '2026-05-31T18:30:00.000Z'],
    // Kolkata, the instant of local midnight itself starts the new windows.
    ['Asia/Kolkata', '2026-05-31T18:30:00Z', '2026-05-31T18:30:00.000Z', '2026-05-31T18:30:00.000Z'],
    ['Asia/Kolkata', '2026-05-31T18:29:59.999Z', '2026-05-24T18:30:00.000Z', '2026-04-30T18:30:00.000Z'],
    // Chatham, +12:45 / +13:45 (DST ended Sun 2026-04-05 03:45 → 02:45): week in +12:45, month in +13:45.
    ['Pacific/Chatham', '2026-04-07T00:00:00Z', '2026-04-05T11:15:00.000Z', '2026-03-31T10:15:00.000Z'],
    // Chatham the evening DST began (Sun 2026-09-27 02:45 → 03:45, now 21:45 +13:45): week and month began in +12:45.
    ['Pacific/Chatham', '2026-09-27T08:00:00Z', '2026-09-20T11:15:00.000Z', '2026-08-31T11:15:00.000Z'],
    // Chatham, Mon 2026-09-28 01:45 +13:45: the new week began in DST, the month before it.
    ['Pacific/Chatham', '2026-09-27T12:00:00Z', '2026-09-27T10:15:00.000Z', '2026-08-31T11:15:00.000Z'],
  ])('%s at %s', (zone, now, weekStart, monthStart) => {
    const at = new Date(now);
    expect(iso(costWindows(at, zone))).toEqual({
      since5h: new Date(at.getTime() - 5 * 3_600_000).toISOString(),
      weekStart,
      monthStart,
    });
  });

  it('a week spanning a DST change is not 7 × 24 h long', () => {
    // Berlin: Mon 2026-10-26 00:00 CET minus Mon 2026-10-19 00:00 CEST = 169 h.
    const a = costWindows(new Date('2026-10-25T23:30:00Z'), 'Europe/Berlin').weekStart;
    const b = costWindows(new Date('2026-10-20T12:00:00Z'), 'Europe/Berlin').weekStart;
    expect((a.getTime() - b.getTime()) / 3_600_000).toBe(169);
  });

  it('windows always start at or before now', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (
        let t = Date.parse('2026-01-01T00:00:00Z');
        t < Date.parse('2027-01-01T00:00:00Z');
        t += 7 * 3_600_000 + 13
      ) {
        const w = costWindows(new Date(t), zone);
        expect(w.weekStart.getTime()).toBeLessThanOrEqual(t);
        expect(w.monthStart.getTime()).toBeLessThanOrEqual(t);
        expect(t - w.weekStart.getTime()).toBeLessThan(7 * 24 * 3_600_000 + 3_600_000);
      }
    }
  });

  it('rejects an unknown zone', () => {
    expect(() => costWindows(new Date(), 'Mars/Olympus')).toThrow();
  });
});
