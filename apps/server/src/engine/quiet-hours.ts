import type { QuietHours } from '@herald/core';
import { Temporal } from 'temporal-polyfill';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};

/**
 * When the quiet hours that `now` falls in end, or null when `now` is not in quiet hours. A
 * period belongs to the day it starts on; one whose end is not after its start runs into the
 * next day. Local times are resolved in `timeZone` the way Temporal does: a start or end that a
 * DST jump skips moves forward by the jump, one that occurs twice is the earlier.
 */
export function quietUntil(q: QuietHours, timeZone: string, now: Date): Date | null {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  const from = minutesOf(q.from);
  const to = minutesOf(q.to);
  const overnight = to <= from;
  // Periods that could contain now: the one starting today, and (overnight) yesterday's.
  for (const back of overnight ? [0, 1] : [0]) {
    const day = local.toPlainDate().subtract({ days: back });
    if (!q.days.includes(day.dayOfWeek)) continue;
    const start = at(day, from, timeZone);
    const end = at(overnight ? day.add({ days: 1 }) : day, to, timeZone);
    if (now.getTime() >= start && now.getTime() < end) return new Date(end);
  }
  return null;
}

function at(day: Temporal.PlainDate, minutes: number, timeZone: string): number {
  return day
    .toZonedDateTime({
      timeZone,
      plainTime: Temporal.PlainTime.from({ hour: Math.floor(minutes / 60), minute: minutes % 60 }),
    })
    .toInstant().epochMilliseconds;
}

/**
 * Circuit-breaker alerts, quota alerts at 100 % or more and a provider's balance used up are
 * urgent: they pass quiet hours by default.
 */
export function isUrgent(type: string, data: unknown): boolean {
  if (type === 'circuit_breaker') return true;
  if (type === 'provider_balance') {
    const d = (typeof data === 'object' && data !== null ? data : {}) as { event?: string; levelFraction?: number };
    return d.event === 'low' && d.levelFraction === 0;
  }
  if (type !== 'cost_alert' || typeof data !== 'object' || data === null) return false;
  const d = data as { currentCost?: number; quotaLimit?: number; event?: string };
  if (d.event === 'recovered') return false;
  return typeof d.currentCost === 'number' && typeof d.quotaLimit === 'number' && d.currentCost >= d.quotaLimit;
}
