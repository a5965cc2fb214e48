import { describe, expect, it } from 'vitest';
import { formatWhen } from './when.ts';

// Saturday 28 November 2026, 12:00 in Shanghai.
const NOW = Date.parse('2026-11-28T04:00:00Z');

describe('formatWhen', () => {
  it('gives only the time of day, 24-hour to the second, on the same day in the zone', () => {
    expect(formatWhen('2026-11-28T04:00:05Z', NOW, 'Asia/Shanghai', 'en')).toBe('12:00:05');
    expect(formatWhen('2026-11-28T15:59:59Z', NOW, 'Asia/Shanghai', 'en')).toBe('23:59:59');
    expect(formatWhen('2026-11-28T04:00:05Z', NOW, 'Asia/Shanghai', 'zh-CN')).toBe('12:00:05');
  });

  it('puts the date in front on another day of the zone (not of UTC)', () => {
    // 00:30 on the 29th in Shanghai, still the 28th in UTC.
    expect(formatWhen('2026-11-28T16:30:00Z', NOW, 'Asia/Shanghai', 'en')).toBe('Nov 29 00:30:00');
    expect(formatWhen('2026-11-28T16:30:00Z', NOW, 'Asia/Shanghai', 'zh-CN')).toBe('11月29日 00:30:00');
    // In New York now is Friday 23:00: half an hour later is the same day, 11:30 the next is not.
    expect(formatWhen('2026-11-28T04:30:00Z', NOW, 'America/New_York', 'en')).toBe('23:30:00');
    expect(formatWhen('2026-11-28T16:30:00Z', NOW, 'America/New_York', 'en')).toBe('Nov 28 11:30:00');
  });
});
