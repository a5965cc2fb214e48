import { CronExpressionParser } from 'cron-parser';
import { describe, expect, it } from 'vitest';
import { intervalCrons } from './interval-cron.ts';

/** Minutes after local midnight at which the union of `crons` fires during one day in `tz`. */
function firesOver(crons: string[], tz: string, day = '2026-03-10'): number[] {
  const start = new Date(`${day}T00:00:00Z`);
  const offsetMs = startOfLocalDay(start, tz);
  const from = new Date(offsetMs - 1000);
  const until = offsetMs + 24 * 3600_000;
  const out = new Set<number>();
  for (const cron of crons) {
    const it = CronExpressionParser.parse(cron, { tz, currentDate: from });
    for (;;) {
      const t = it.next().getTime();
      if (t >= until) break;
      out.add(Math.round((t - offsetMs) / 60_000));
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The UTC instant of 00:00 local time in `tz` on the date of `day` (no DST change that day). */
function startOfLocalDay(day: Date, tz: string): number {
  const it = CronExpressionParser.parse('0 0 * * *', { tz, currentDate: new Date(day.getTime() - 14 * 3600_000) });
  return it.next().getTime();
}

function expected(n: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < 1440; t += n) out.push(t);
  return out;
}

describe('intervalCrons', () => {
  it('uses */N when N divides an hour', () => {
    expect(intervalCrons(10)).toEqual(['*/10 * * * *']);
    expect(intervalCrons(15)).toEqual(['*/15 * * * *']);
    expect(intervalCrons(30)).toEqual(['*/30 * * * *']);
  });

  it('uses whole hours when N is hours dividing a day', () => {
    expect(intervalCrons(60)).toEqual(['0 * * * *']);
    expect(intervalCrons(120)).toEqual(['0 */2 * * *']);
    expect(intervalCrons(360)).toEqual(['0 */6 * * *']);
    expect(intervalCrons(1440)).toEqual(['0 0 * * *']);
  });

  it('groups hours that share minutes (45 min)', () => {
    expect(intervalCrons(45)).toEqual([
      '0,45 0,3,6,9,12,15,18,21 * * *',
      '30 1,4,7,10,13,16,19,22 * * *',
      '15 2,5,8,11,14,17,20,23 * * *',
    ]);
  });

  it('needs two crons for 90 minutes', () => {
    expect(intervalCrons(90)).toEqual(['0 0,3,6,9,12,15,18,21 * * *', '30 1,4,7,10,13,16,19,22 * * *']);
  });

  it('handles an interval that divides neither an hour nor a day (7 min)', () => {
    const crons = intervalCrons(7);
    expect(crons).toHaveLength(7);
    expect(crons[0]).toBe('0,7,14,21,28,35,42,49,56 0,7,14,21 * * *');
    for (const c of crons) expect(c).toMatch(/^[\d,]+ [\d,]+ \* \* \*$/);
  });

  it('restarts at local midnight for an interval that does not divide a day (1000 min)', () => {
    expect(intervalCrons(1000)).toEqual(['0 0 * * *', '40 16 * * *']);
  });

  it('refuses intervals outside 1–1440 whole minutes', () => {
    for (const bad of [0, -5, 1441, 12.5, Number.NaN]) expect(() => intervalCrons(bad)).toThrow(RangeError);
    expect(intervalCrons(1)).toEqual(['* * * * *']);
  });

  it('fires exactly at 00:00, N, 2N, … over a day, for every interval, in any zone', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'];
    for (let n = 10; n <= 1440; n++) {
      const tz = zones[n % zones.length] as string;
      expect(firesOver(intervalCrons(n), tz), `every ${n} min in ${tz}`).toEqual(expected(n));
    }
  });
});
