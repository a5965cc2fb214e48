import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTokens, isTimeZone, usageIndicator, usagePercent } from './format.ts';

describe('format', () => {
  it('shows times in the zone, across daylight saving', () => {
    expect(formatDateTime('2026-01-15T06:30:00Z', 'Asia/Shanghai')).toBe('2026/01/15 14:30:00');
    expect(formatDateTime('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026/03/08 01:59:59');
    expect(formatDateTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026/03/08 03:00:00');
    expect(formatDate('2026-01-15T20:00:00Z', 'Asia/Shanghai')).toBe('2026-01-16');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(formatDateTime('2026-01-15T06:30:00Z', 'Mars/Olympus')).toBe('2026/01/15 06:30:00');
  });

  it('usage and its indicator at the spec boundaries', () => {
    expect(usagePercent(92.5, 100)).toBe(92.5);
    expect(usagePercent(1, 0)).toBeNull();
    expect([usageIndicator(90), usageIndicator(89.9), usageIndicator(80), usageIndicator(79.9)]).toEqual([
      '🔴',
      '🟡',
      '🟡',
      '🟢',
    ]);
  });

  it('tokens as M / K / plain', () => {
    expect([formatTokens(5_230_000), formatTokens(1_500), formatTokens(999)]).toEqual(['5.23M', '1.50K', '999']);
  });
});
