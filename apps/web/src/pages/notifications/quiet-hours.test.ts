import { describe, expect, it } from 'vitest';
import {
  describeDays,
  quietHoursComplete,
  quietHoursDraftOf,
  quietHoursProblems,
  quietHoursValue,
  spansMidnight,
  weekdayName,
} from './quiet-hours.ts';

const messages = { noDays: 'no days', badTime: 'bad time', sameTimes: 'same times' };

describe('quiet hours: form ↔ value', () => {
  it('round-trips a stored value through the form', () => {
    const stored = { days: [1, 2, 3, 4, 5], from: '22:00', to: '07:00', bypassUrgent: false };
    const draft = quietHoursDraftOf(stored);
    expect(draft.enabled).toBe(true);
    expect(quietHoursValue(draft)).toEqual(stored);
    // The draft is a copy: editing it leaves the stored value alone.
    draft.days.push(6);
    expect(stored.days).toEqual([1, 2, 3, 4, 5]);
  });

  it('turns none into a switched-off draft that saves as null', () => {
    const draft = quietHoursDraftOf(null);
    expect(draft).toEqual({
      enabled: false,
      days: [1, 2, 3, 4, 5, 6, 7],
      from: '22:00',
      to: '07:00',
      bypassUrgent: true,
    });
    expect(quietHoursValue(draft)).toBeNull();
  });

  it('saves days once each in week order and times trimmed', () => {
    const value = quietHoursValue({
      enabled: true,
      days: [7, 3, 3, 1],
      from: ' 08:00 ',
      to: '18:00',
      bypassUrgent: true,
    });
    expect(value).toEqual({ days: [1, 3, 7], from: '08:00', to: '18:00', bypassUrgent: true });
  });

  it('finds what the server refuses, per field', () => {
    const base = { enabled: true, days: [1], from: '22:00', to: '07:00', bypassUrgent: true };
    expect(quietHoursProblems(base, messages)).toEqual({});
    expect(quietHoursProblems({ ...base, days: [] }, messages)).toEqual({ days: 'no days' });
    expect(quietHoursProblems({ ...base, from: '7:00', to: '24:00' }, messages)).toEqual({
      from: 'bad time',
      to: 'bad time',
    });
    expect(quietHoursProblems({ ...base, to: '22:00' }, messages)).toEqual({ to: 'same times' });
    // Switched off: nothing is sent, so nothing is wrong.
    expect(quietHoursProblems({ ...base, enabled: false, days: [] }, messages)).toEqual({});
  });

  it('is complete only when switched on and valid', () => {
    const base = { enabled: true, days: [1], from: '22:00', to: '07:00', bypassUrgent: true };
    expect(quietHoursComplete(base)).toBe(true);
    expect(quietHoursComplete({ ...base, enabled: false })).toBe(false);
    expect(quietHoursComplete({ ...base, from: '22:0' })).toBe(false);
    expect(quietHoursComplete({ ...base, days: [] })).toBe(false);
  });

  it('knows when a period runs past midnight', () => {
    expect(spansMidnight('22:00', '07:00')).toBe(true);
    expect(spansMidnight('00:00', '09:00')).toBe(false);
    expect(spansMidnight('12:00', '12:00')).toBe(true);
  });
});

describe('quiet hours in words', () => {
  it('names ISO weekdays in both languages', () => {
    expect(weekdayName(1, 'en')).toBe('Mon');
    expect(weekdayName(7, 'en', 'long')).toBe('Sunday');
    expect(weekdayName(1, 'zh-CN')).toBe('周一');
  });

  it('shortens runs of days, and says nothing for every day', () => {
    expect(describeDays([1, 2, 3, 4, 5], 'en')).toBe('Mon–Fri');
    expect(describeDays([6, 7], 'en')).toBe('Sat, Sun');
    expect(describeDays([7, 1, 2, 3, 5], 'en')).toBe('Mon–Wed, Fri, Sun');
    expect(describeDays([1, 2, 3, 4, 5, 6, 7], 'en')).toBeNull();
  });
});
