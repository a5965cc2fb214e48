/**
 * "Every N minutes" as cron expressions, because pg-boss schedules only know cron.
 *
 * The fire times are aligned to local midnight in the schedule's own time zone: each day
 * fires at 00:00, N, 2N, … while the time is before 24:00, and the next day starts again
 * at 00:00 (so an N that does not divide a day leaves one shorter gap before midnight).
 * Hours that share the same set of minutes become one expression `m1,m2 h1,h2 * * *`, so
 * an interval may need several expressions (90 → one for 00:00, 03:00, … and one for
 * 01:30, 04:30, …); each becomes its own schedule. Exact divisors read the usual way:
 * `*\/N * * * *` when N divides 60, `0 *\/H * * *` when N is H hours and H divides 24.
 *
 * The reference product used a fixed millisecond repeat aligned to the Unix epoch
 * instead, which drifts from wall-clock times and ignores the time zone.
 */

export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 1440;

const MINUTES_PER_DAY = 1440;

/** The cron expressions (minute hour * * *) that together fire every `minutes` minutes. */
export function intervalCrons(minutes: number): string[] {
  if (!Number.isInteger(minutes) || minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
    throw new RangeError(
      `interval must be a whole number of minutes between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES}, got ${minutes}`,
    );
  }
  if (minutes === 1) return ['* * * * *'];
  if (minutes < 60 && 60 % minutes === 0) return [`*/${minutes} * * * *`];
  if (minutes % 60 === 0 && MINUTES_PER_DAY % minutes === 0) {
    const hours = minutes / 60;
    if (hours === 1) return ['0 * * * *'];
    if (hours === 24) return ['0 0 * * *'];
    return [`0 */${hours} * * *`];
  }

  // Minutes of each hour that fire.
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  for (let t = 0; t < MINUTES_PER_DAY; t += minutes) byHour[Math.floor(t / 60)]?.push(t % 60);

  // Hours grouped by their minute set, in order of first firing.
  const groups = new Map<string, { minutes: number[]; hours: number[] }>();
  for (const [hour, mins] of byHour.entries()) {
    if (mins.length === 0) continue;
    const id = mins.join(',');
    const group = groups.get(id) ?? { minutes: mins, hours: [] };
    group.hours.push(hour);
    groups.set(id, group);
  }
  return [...groups.values()].map((g) => `${g.minutes.join(',')} ${hoursField(g.hours)} * * *`);
}

function hoursField(hours: number[]): string {
  return hours.length === 24 ? '*' : hours.join(',');
}
