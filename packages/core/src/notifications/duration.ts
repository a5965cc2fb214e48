import type { Locale } from '../domain.ts';

const UNITS = {
  'zh-CN': { s: '秒', min: '分钟', h: '小时', d: '天' },
  'zh-TW': { s: '秒', min: '分鐘', h: '小時', d: '天' },
  en: { s: 's', min: 'min', h: 'h', d: 'd' },
  ja: { s: '秒', min: '分', h: '時間', d: '日' },
  // Abbreviations need no plural forms: 5 мин, 2 ч 5 мин.
  ru: { s: 'с', min: 'мин', h: 'ч', d: 'дн.' },
} satisfies Record<Locale, Record<'s' | 'min' | 'h' | 'd', string>>;

/**
 * A span for people, two units at most: `45 s`, `12 min`, `2 h 5 min`, `3 d 4 h`
 * (zh-CN: `45 秒`, `12 分钟`, `2 小时 5 分钟`). Under a minute in seconds, else to the
 * nearest minute. A negative span (clocks apart) reads as 0.
 */
export function formatDuration(seconds: number, locale: Locale): string {
  const u = UNITS[locale];
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} ${u.s}`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `${minutes} ${u.min}`;
  const pair = (a: number, ua: string, b: number, ub: string) => (b > 0 ? `${a} ${ua} ${b} ${ub}` : `${a} ${ua}`);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return pair(hours, u.h, minutes % 60, u.min);
  return pair(Math.floor(hours / 24), u.d, hours % 24, u.h);
}

/** Seconds from one instant to another, or null when either is unknown. */
export function secondsBetween(from: string | undefined, to: string | Date): number | null {
  if (from === undefined) return null;
  const ms = new Date(to).getTime() - Date.parse(from);
  return Number.isNaN(ms) ? null : Math.max(0, Math.round(ms / 1000));
}
