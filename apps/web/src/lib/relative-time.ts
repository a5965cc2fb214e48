/** How far a moment is from now, in the unit a person would say it in. */
export type Moment =
  /** Within a minute either way ("just now", "in a moment"). */
  | { kind: 'now'; future: boolean }
  /** Negative in the past, positive in the future. */
  | { kind: 'relative'; value: number; unit: 'minute' | 'hour' | 'day' }
  /** A week or more away: the date says more than "23 days ago". */
  | { kind: 'date' };

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The unit for the distance from `now` to `at`: under 45 s is now, under 45 min minutes,
 * under 22 h hours, under 7 days days (each rounded), further the date. Thresholds as
 * Moment.js and Day.js use them, so "1 hour ago" stops short of reading as "60 minutes ago".
 */
export function momentOf(at: number, now: number): Moment {
  const diff = at - now;
  const distance = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  if (distance < 45 * SECOND) return { kind: 'now', future: diff > 0 };
  if (distance < 45 * MINUTE)
    return { kind: 'relative', value: sign * Math.max(1, Math.round(distance / MINUTE)), unit: 'minute' };
  if (distance < 22 * HOUR)
    return { kind: 'relative', value: sign * Math.max(1, Math.round(distance / HOUR)), unit: 'hour' };
  const days = Math.max(1, Math.round(distance / DAY));
  if (days < 7) return { kind: 'relative', value: sign * days, unit: 'day' };
  return { kind: 'date' };
}

/** The words for a moment that Intl doesn't give: "just now", "in a moment" and the date. */
export type MomentWords = { justNow: string; inAMoment: string; date: (at: number) => string };

/** "3 minutes ago", "in 2 hours", "yesterday" (Intl, in `language`); the words for now and the date. */
export function formatMoment(moment: Moment, at: number, language: string, words: MomentWords): string {
  if (moment.kind === 'now') return moment.future ? words.inAMoment : words.justNow;
  if (moment.kind === 'date') return words.date(at);
  let format = formats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    formats.set(language, format);
  }
  return format.format(moment.value, moment.unit);
}

// Every cell re-renders with the shared clock: one formatter per language, not one per cell and tick.
const formats = new Map<string, Intl.RelativeTimeFormat>();
