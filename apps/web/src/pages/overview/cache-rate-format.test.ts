import { describe, expect, it } from 'vitest';
import { cacheRateFormat, isWindowMode } from './cache-rate-format.ts';

describe('the cache hit-rate panel’s numbers', () => {
  it('shows rates with one decimal and changes as signed percentage points', () => {
    const en = cacheRateFormat('en', 'UTC');
    expect([0.1, 0.6, 0.12345, 0, 1].map(en.rate)).toEqual(['10.0%', '60.0%', '12.3%', '0.0%', '100.0%']);
    // 0.1 - 0.6 is -0.49999999999999994 in floating point: still minus fifty points.
    expect(en.points(0.1 - 0.6)).toBe('-50.0');
    expect(en.points(0.034)).toBe('+3.4');
    expect(en.points(0)).toBe('0.0');
    expect(cacheRateFormat('ru', 'UTC').points(-0.125)).toBe('-12,5');
    expect(cacheRateFormat('ru', 'UTC').rate(0.125)).toBe('12,5\u00a0%');
  });

  it('dates a window’s end only when it falls on another local day than its start', () => {
    const shanghai = cacheRateFormat('en', 'Asia/Shanghai');
    expect(shanghai.range('2026-03-02T09:30:00Z', '2026-03-02T10:00:00Z')).toEqual({
      start: '3/2/26, 5:30 PM',
      end: '6:00 PM',
    });
    // 15:30–17:00 UTC is 23:30 on the 2nd to 01:00 on the 3rd in Shanghai.
    expect(shanghai.range('2026-03-02T15:30:00Z', '2026-03-02T17:00:00Z')).toEqual({
      start: '3/2/26, 11:30 PM',
      end: '3/3/26, 1:00 AM',
    });
  });

  it('names only the resolved window modes', () => {
    expect(['5m', '30m', '1h', '1.5h'].every(isWindowMode)).toBe(true);
    expect(isWindowMode('auto')).toBe(false);
    expect(isWindowMode('2h')).toBe(false);
  });
});
