import { describe, expect, it } from 'vitest';
import { formatMoment, type MomentWords, momentOf } from './relative-time.ts';

const NOW = Date.parse('2026-11-28T04:00:00Z');
const at = (offset: string) => NOW + parseOffset(offset);
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function parseOffset(offset: string): number {
  const [, sign, n, unit] = /^([+-])(\d+)([smhd])$/.exec(offset) ?? [];
  const ms = { s: S, m: M, h: H, d: D }[unit as 's' | 'm' | 'h' | 'd'];
  return (sign === '-' ? -1 : 1) * Number(n) * ms;
}

const words: MomentWords = {
  justNow: 'just now',
  inAMoment: 'in a moment',
  date: (t) => `on ${new Date(t).toISOString().slice(0, 10)}`,
};
const say = (offset: string, language = 'en') => formatMoment(momentOf(at(offset), NOW), at(offset), language, words);

describe('momentOf', () => {
  it('is now within 45 seconds either way', () => {
    expect(momentOf(NOW, NOW)).toEqual({ kind: 'now', future: false });
    expect(momentOf(at('-44s'), NOW)).toEqual({ kind: 'now', future: false });
    expect(momentOf(at('+44s'), NOW)).toEqual({ kind: 'now', future: true });
  });

  it('counts minutes, then hours, then days, rounding to the nearest', () => {
    expect(momentOf(at('-45s'), NOW)).toEqual({ kind: 'relative', value: -1, unit: 'minute' });
    expect(momentOf(at('-150s'), NOW)).toEqual({ kind: 'relative', value: -3, unit: 'minute' });
    expect(momentOf(at('-44m'), NOW)).toEqual({ kind: 'relative', value: -44, unit: 'minute' });
    expect(momentOf(at('-45m'), NOW)).toEqual({ kind: 'relative', value: -1, unit: 'hour' });
    expect(momentOf(at('+100m'), NOW)).toEqual({ kind: 'relative', value: 2, unit: 'hour' });
    expect(momentOf(at('-21h'), NOW)).toEqual({ kind: 'relative', value: -21, unit: 'hour' });
    expect(momentOf(at('-22h'), NOW)).toEqual({ kind: 'relative', value: -1, unit: 'day' });
    expect(momentOf(at('+6d'), NOW)).toEqual({ kind: 'relative', value: 6, unit: 'day' });
  });

  it('gives the date from a week away', () => {
    expect(momentOf(NOW - 6 * D - 11 * H, NOW)).toEqual({ kind: 'relative', value: -6, unit: 'day' });
    expect(momentOf(NOW - 6 * D - 12 * H, NOW)).toEqual({ kind: 'date' });
    expect(momentOf(at('+30d'), NOW)).toEqual({ kind: 'date' });
  });
});

describe('formatMoment', () => {
  it('says it with Intl in the language', () => {
    expect(say('-3m')).toBe('3 minutes ago');
    expect(say('+2h')).toBe('in 2 hours');
    expect(say('-1d')).toBe('yesterday');
    expect(say('-3m', 'zh-CN')).toBe('3分钟前');
    expect(say('+2h', 'zh-TW')).toBe('2 小時後');
    expect(say('-3m', 'ja')).toBe('3 分前');
    expect(say('-5m', 'ru')).toBe('5 минут назад');
  });

  it('uses the given words for now and the date', () => {
    expect(say('-10s')).toBe('just now');
    expect(say('+10s')).toBe('in a moment');
    expect(say('-8d')).toBe('on 2026-11-20');
  });
});
