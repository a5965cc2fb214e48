import { QuietHours, WEEKDAYS } from '@herald/core';

/** A binding's quiet hours as the form edits them; switched off, the typed values are kept until saved. */
export type QuietHoursDraft = {
  enabled: boolean;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  from: string;
  to: string;
  bypassUrgent: boolean;
};

/** What a new period starts as: every night from 22:00 to 07:00, urgent alerts let through. */
export const DEFAULT_QUIET_HOURS: Omit<QuietHoursDraft, 'enabled'> = {
  days: [...WEEKDAYS],
  from: '22:00',
  to: '07:00',
  bypassUrgent: true,
};

export function quietHoursDraftOf(value: QuietHours | null | undefined): QuietHoursDraft {
  if (!value) return { enabled: false, ...DEFAULT_QUIET_HOURS, days: [...DEFAULT_QUIET_HOURS.days] };
  return { enabled: true, days: [...value.days], from: value.from, to: value.to, bypassUrgent: value.bypassUrgent };
}

/** The value `bindings.set` takes: null when switched off; days in week order. */
export function quietHoursValue(draft: QuietHoursDraft): QuietHours | null {
  if (!draft.enabled) return null;
  return {
    days: [...new Set(draft.days)].sort((a, b) => a - b),
    from: draft.from.trim(),
    to: draft.to.trim(),
    bypassUrgent: draft.bypassUrgent,
  };
}

export type QuietHoursMessages = { noDays: string; badTime: string; sameTimes: string };
export type QuietHoursField = 'days' | 'from' | 'to';

/** Why the server would refuse these quiet hours, per field, in the UI language (empty: none). */
export function quietHoursProblems(
  draft: QuietHoursDraft,
  messages: QuietHoursMessages,
): Partial<Record<QuietHoursField, string>> {
  const value = quietHoursValue(draft);
  if (!value) return {};
  const checked = QuietHours.safeParse(value);
  if (checked.success) return {};
  const out: Partial<Record<QuietHoursField, string>> = {};
  for (const issue of checked.error.issues) {
    const field = issue.path[0];
    if (field === 'days') out.days ??= messages.noDays;
    else if (field === 'from' || field === 'to') {
      const sameTimes = field === 'to' && value.from === value.to;
      out[field] ??= sameTimes ? messages.sameTimes : messages.badTime;
    }
  }
  return out;
}

/** Switched on and as the server would take it (the summary in words is shown only then). */
export function quietHoursComplete(draft: QuietHoursDraft): boolean {
  const value = quietHoursValue(draft);
  return value !== null && QuietHours.safeParse(value).success;
}

/** The period runs past midnight into the next day (`to` at or before `from`). */
export function spansMidnight(from: string, to: string): boolean {
  return to.trim() <= from.trim();
}

/** Consecutive days as ranges, e.g. [1,2,3,4,5,7] → [[1,5],[7,7]], for "Mon–Fri, Sun". */
export function dayRanges(days: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && last[1] === day - 1) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges;
}

/** The weekday's name in `language` (1 = Monday): 30 November 2026 was a Monday. */
export function weekdayName(day: number, language: string, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 10, 29 + day));
}

/** The days as short ranges in `language`, e.g. "Mon–Fri, Sun"; null for every day. */
export function describeDays(days: readonly number[], language: string): string | null {
  if (new Set(days).size === 7) return null;
  return dayRanges(days)
    .map(([a, b]) => {
      if (a === b) return weekdayName(a, language);
      const sep = b === a + 1 ? ', ' : '–';
      return `${weekdayName(a, language)}${sep}${weekdayName(b, language)}`;
    })
    .join(', ');
}
