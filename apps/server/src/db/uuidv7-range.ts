/**
 * Delivery ids are UUIDv7 (time-ordered), so a stretch of time is a primary-key range. An id is
 * stamped when the delivery is enqueued and created_at when its transaction began: a range
 * widened by this much holds every row whose created_at is inside the stretch.
 */
export const ID_SLACK_MS = 60_000;

/** The smallest UUIDv7 of a millisecond: every id created at or after `at` sorts at or after it. */
export function uuidv7Floor(at: Date | number): string {
  const ms = Math.max(0, typeof at === 'number' ? at : at.getTime());
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-0000-0000-000000000000`;
}
