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
