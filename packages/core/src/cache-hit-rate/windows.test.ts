import { describe, expect, it } from 'vitest';
import { cacheTtlSeconds, checkRanges, resolveWindowMode } from './windows.ts';

describe('cache-hit-rate windows', () => {
  it('auto picks the window from the check interval', () => {
    expect([1, 5, 6, 30, 31, 60, 61, 1440].map((n) => resolveWindowMode('auto', n))).toEqual([
      '5m',
      '5m',
      '30m',
      '30m',
      '1h',
      '1h',
      '1.5h',
      '1.5h',
    ]);
    expect(resolveWindowMode('auto', 0)).toBe('5m');
    expect(resolveWindowMode('1h', 5)).toBe('1h');
  });

  it('current, previous, today and historical ranges; today empty just after midnight', () => {
    const midnight = new Date('2026-03-02T16:00:00Z'); // 00:00 in Shanghai
    const lookback = new Date('2026-02-23T16:00:00Z');
    const r = checkRanges(new Date('2026-03-02T18:00:00Z'), 30, midnight, lookback);
    expect(r.current).toEqual({ start: new Date('2026-03-02T17:30:00Z'), end: new Date('2026-03-02T18:00:00Z') });
    expect(r.prev).toEqual({ start: new Date('2026-03-02T17:00:00Z'), end: new Date('2026-03-02T17:30:00Z') });
    expect(r.today).toEqual({ start: midnight, end: new Date('2026-03-02T17:30:00Z') });
    expect(r.historical).toEqual({ start: lookback, end: midnight });
    expect(checkRanges(new Date('2026-03-02T16:10:00Z'), 30, midnight, lookback).today).toBeNull();
    expect(checkRanges(new Date('2026-03-02T18:00:00Z'), 30, midnight, midnight).historical).toBeNull();
  });

  it('the TTL: 1h split, 5m split, the applied TTL, then an hour', () => {
    expect(cacheTtlSeconds({ cacheCreation1hTokens: 5, cacheCreation5mTokens: 5 })).toBe(3600);
    expect(cacheTtlSeconds({ cacheCreation5mTokens: 5, cacheTtlApplied: '1h' })).toBe(300);
    expect(cacheTtlSeconds({ cacheTtlApplied: '5m' })).toBe(300);
    expect(cacheTtlSeconds({ cacheTtlApplied: 'mixed' })).toBe(3600);
    expect(cacheTtlSeconds({ cacheTtlApplied: '2h' })).toBe(7200);
    expect(cacheTtlSeconds({ cacheTtlApplied: '10m' })).toBe(600);
    expect(cacheTtlSeconds({ cacheTtlApplied: '90s' })).toBe(90);
    expect(cacheTtlSeconds({ cacheTtlApplied: '169h' })).toBe(3600); // over the cap
    expect(cacheTtlSeconds({ cacheTtlApplied: '1234567890s' })).toBe(3600); // more than 9 digits
    expect(cacheTtlSeconds({})).toBe(3600);
  });
});
