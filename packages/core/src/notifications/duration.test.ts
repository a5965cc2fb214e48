import { describe, expect, it } from 'vitest';
import { formatDuration, secondsBetween } from './duration.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 s', '0 秒'],
    [45, '45 s', '45 秒'],
    [59.4, '59 s', '59 秒'],
    [60, '1 min', '1 分钟'],
    [12 * 60 + 29, '12 min', '12 分钟'],
    [12 * 60 + 30, '13 min', '13 分钟'],
    [59 * 60 + 29, '59 min', '59 分钟'],
    [59 * 60 + 31, '1 h', '1 小时'],
    [2 * 3600 + 5 * 60, '2 h 5 min', '2 小时 5 分钟'],
    [47 * 3600 + 59 * 60, '47 h 59 min', '47 小时 59 分钟'],
    [48 * 3600, '2 d', '2 天'],
    [3 * 86400 + 4 * 3600 + 10 * 60, '3 d 4 h', '3 天 4 小时'],
    [-30, '0 s', '0 秒'],
  ])('%s s → "%s" / "%s"', (seconds, en, zh) => {
    expect(formatDuration(seconds, 'en')).toBe(en);
    expect(formatDuration(seconds, 'zh-CN')).toBe(zh);
  });
});

describe('formatDuration in the other message languages', () => {
  it.each([
    [45, '45 秒', '45 秒', '45 с'],
    [12 * 60, '12 分鐘', '12 分', '12 мин'],
    [2 * 3600 + 5 * 60, '2 小時 5 分鐘', '2 時間 5 分', '2 ч 5 мин'],
    [3 * 86400 + 4 * 3600, '3 天 4 小時', '3 日 4 時間', '3 дн. 4 ч'],
  ])('%s s → "%s" / "%s" / "%s"', (seconds, zhTW, ja, ru) => {
    expect(formatDuration(seconds, 'zh-TW')).toBe(zhTW);
    expect(formatDuration(seconds, 'ja')).toBe(ja);
    expect(formatDuration(seconds, 'ru')).toBe(ru);
  });
});

describe('secondsBetween', () => {
  it('whole seconds to an instant, never negative; null when the start is unknown or unreadable', () => {
    expect(secondsBetween('2026-01-15T06:18:00Z', '2026-01-15T06:30:00.400Z')).toBe(720);
    expect(secondsBetween('2026-01-15T06:18:00Z', new Date('2026-01-15T06:17:00Z'))).toBe(0);
    expect(secondsBetween(undefined, '2026-01-15T06:30:00Z')).toBeNull();
    expect(secondsBetween('not a time', '2026-01-15T06:30:00Z')).toBeNull();
  });
});
