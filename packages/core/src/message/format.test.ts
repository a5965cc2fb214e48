import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatAmountNumber,
  formatCount,
  formatDate,
  formatDateTime,
  formatLocalTime,
  formatTokens,
  isTimeZone,
  usageIndicator,
  usagePercent,
} from './format.ts';

describe('format', () => {
  it('shows times in the zone, across daylight saving', () => {
    expect(formatDateTime('2026-01-15T06:30:00Z', 'Asia/Shanghai')).toBe('2026/01/15 14:30:00');
    expect(formatDateTime('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026/03/08 01:59:59');
    expect(formatDateTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026/03/08 03:00:00');
    expect(formatDate('2026-01-15T20:00:00Z', 'Asia/Shanghai')).toBe('2026-01-16');
  });

  it('shows a message time to the minute with the zone it is in', () => {
    expect(formatLocalTime('2026-12-05T23:49:59Z', 'Asia/Shanghai')).toBe('2026-12-06 07:49 (Asia/Shanghai)');
    expect(formatLocalTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08 03:00 (America/New_York)');
    expect(formatLocalTime(new Date('2026-01-15T06:30:00Z'), 'UTC')).toBe('2026-01-15 06:30 (UTC)');
    // The zone named is the one the time is in: an unknown zone is shown as UTC, not as asked.
    expect(formatLocalTime('2026-01-15T06:30:00Z', 'Mars/Olympus')).toBe('2026-01-15 06:30 (UTC)');
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

  it('token boundaries: 999,999 is K, 1,000,000 is M, below 1,000 a plain count', () => {
    expect([
      formatTokens(0),
      formatTokens(999.4),
      formatTokens(1000),
      formatTokens(999_999),
      formatTokens(1_000_000),
    ]).toEqual(['0', '999', '1.00K', '1000.00K', '1.00M']);
  });

  it('amounts grouped, two to four decimals, the sign first and the currency code last; counts grouped and rounded', () => {
    expect([
      formatAmount(0, 'USD'),
      formatAmount(12.34, 'USD'),
      formatAmount(-5.12345, 'USD'),
      formatAmount(0.00005, 'USD'),
      formatAmount(1_234.5678, 'USD'),
    ]).toEqual(['0.00 USD', '12.34 USD', '-5.1235 USD', '0.0001 USD', '1,234.5678 USD']);
    expect([formatAmount(6.125, 'USD'), formatAmount(1_000, 'EUR'), formatAmount(1_234_567.5, 'JPY')]).toEqual([
      '6.125 USD',
      '1,000.00 EUR',
      '1,234,567.50 JPY',
    ]);
    expect([formatAmountNumber(92.5), formatAmountNumber(-0.00001), formatAmountNumber(-3.2)]).toEqual([
      '92.50',
      '0.00',
      '-3.20',
    ]);
    // A negative amount too small to show has no sign.
    expect(formatAmount(-0.00001, 'USD')).toBe('0.00 USD');
    expect([formatCount(15_000), formatCount(1_234_567.5), formatCount(-1500), formatCount(0.4)]).toEqual([
      '15,000',
      '1,234,568',
      '-1,500',
      '0',
    ]);
  });

  it('usage percent to one decimal; no quota (0, negative, NaN) is null; indicator levels at their exact edges', () => {
    expect([usagePercent(80, 100), usagePercent(85.55, 100), usagePercent(1, 3), usagePercent(150, 100)]).toEqual([
      80, 85.6, 33.3, 150,
    ]);
    expect([usagePercent(1, -1), usagePercent(1, Number.NaN), usagePercent(0, 100)]).toEqual([null, null, 0]);
    expect([usageIndicator(89.99), usageIndicator(100), usageIndicator(0), usageIndicator(-1)]).toEqual([
      '🟡',
      '🔴',
      '🟢',
      '🟢',
    ]);
  });

  it('dates accept a Date as well as a string, and each zone is its own', () => {
    const d = new Date('2026-06-30T23:59:59Z');
    expect(formatDateTime(d, 'UTC')).toBe('2026/06/30 23:59:59');
    expect(formatDateTime(d, 'Asia/Tokyo')).toBe('2026/07/01 08:59:59');
    expect(formatDate(d, 'America/Los_Angeles')).toBe('2026-06-30');
    expect(formatDateTime('2026-01-01T00:00:00Z', 'UTC')).toBe('2026/01/01 00:00:00');
    expect([isTimeZone('UTC'), isTimeZone('Asia/Tokyo'), isTimeZone('')]).toEqual([true, true, false]);
  });
});
