import { Temporal } from 'temporal-polyfill';

/** The rolling window of the 5 h limit. */
export const FIVE_HOURS_MS = 5 * 3_600_000;

export type CostWindows = {
  /** now − 5 h (rolling). */
  since5h: Date;
  /** Monday 00:00 of the current week, local to the zone. */
  weekStart: Date;
  /** The 1st of the current month at 00:00, local to the zone. */
  monthStart: Date;
};

/**
 * Where the cost windows start at `now` in an IANA zone. Calendar arithmetic happens in the
 * zone (Temporal), so a week that spans a DST change is still Monday 00:00 to now, and a day
 * whose midnight is skipped by DST starts at its first instant (`startOfDay`).
 */
export function costWindows(now: Date, timeZone: string): CostWindows {
  const z = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const weekStart = z.subtract({ days: z.dayOfWeek - 1 }).startOfDay();
  const monthStart = z.with({ day: 1 }).startOfDay();
  return {
    since5h: new Date(now.getTime() - FIVE_HOURS_MS),
    weekStart: new Date(weekStart.epochMilliseconds),
    monthStart: new Date(monthStart.epochMilliseconds),
  };
}
