import { Temporal } from 'temporal-polyfill';

/**
 * A `datetime-local` value (wall-clock time, no zone) read in `timeZone`, as an ISO instant;
 * null when it is not a date-time. A wall time skipped by DST moves forward (Temporal's default).
 */
export function wallTimeToInstant(wall: string, timeZone: string): string | null {
  try {
    const zoned = Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone);
    return new Date(zoned.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

/** An ISO instant as a `datetime-local` value (to the minute) in `timeZone`. */
export function instantToWallTime(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** A calendar day ('YYYY-MM-DD') in `timeZone` as the instants [from, to) it spans (23–25 h around DST). */
export function dayRange(date: string, timeZone: string): { from: string; to: string } {
  const day = Temporal.PlainDate.from(date);
  const start = day.toZonedDateTime({ timeZone });
  const end = day.add({ days: 1 }).toZonedDateTime({ timeZone });
  return {
    from: new Date(start.epochMilliseconds).toISOString(),
    to: new Date(end.epochMilliseconds).toISOString(),
  };
}
