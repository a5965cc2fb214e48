import { CACHE_WINDOW_MODES, SETTINGS_DEFAULTS, type Settings, UpdateSettingsInput } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/locales/en.ts';
import {
  CACHE_FIELD,
  type CacheHitRateState,
  cacheHitRateFallback,
  cacheHitRatePatch,
  cacheHitRateState,
  effectiveWindow,
  fractionOf,
  percentOf,
  windowKey,
} from './cache-hit-rate.ts';
import { schemaErrorsOf } from './field-errors.ts';

const settings = {
  ...SETTINGS_DEFAULTS,
  cacheHitRateAbsMin: 0.0523,
  cacheHitRateDropRel: 0.3,
  cacheHitRateDropAbs: 0.1234,
} as unknown as Settings;

const state: CacheHitRateState = {
  windowMode: 'auto',
  checkInterval: 15,
  lookbackDays: '7',
  cooldownMinutes: 0,
  absMinPercent: 5,
  dropAbsPercent: '12.34',
  dropRelPercent: 30,
  minEligibleRequests: 20,
  minEligibleTokens: '0',
  topN: 10,
};

describe('the cache-hit-rate card’s settings', () => {
  it('shows the stored fractions as percentages without float noise', () => {
    expect(cacheHitRateState(settings)).toEqual({
      windowMode: 'auto',
      checkInterval: 5,
      lookbackDays: 7,
      cooldownMinutes: 30,
      absMinPercent: 5.23,
      dropAbsPercent: 12.34,
      dropRelPercent: 30,
      minEligibleRequests: 20,
      minEligibleTokens: 0,
      topN: 10,
    });
    expect([0.0001, 0.07, 0.29, 0.5801, 1].map(percentOf)).toEqual([0.01, 7, 29, 58.01, 100]);
  });

  it('sends percentages as fractions of at most four decimals, which the server’s schema accepts', () => {
    const patch = cacheHitRatePatch(state);
    expect(patch).toEqual({
      cacheHitRateWindowMode: 'auto',
      cacheHitRateCheckInterval: 15,
      cacheHitRateLookbackDays: 7,
      cacheHitRateCooldownMinutes: 0,
      cacheHitRateAbsMin: 0.05,
      cacheHitRateDropAbs: 0.1234,
      cacheHitRateDropRel: 0.3,
      cacheHitRateMinEligibleRequests: 20,
      cacheHitRateMinEligibleTokens: 0,
      cacheHitRateTopN: 10,
    });
    expect(schemaErrorsOf(UpdateSettingsInput, patch)).toEqual({});
    // Every 0.01 % step from 0 to 100 % survives the trip: 12.34 / 100 alone is 0.12340000000000001.
    for (let hundredths = 0; hundredths <= 10_000; hundredths++) {
      const percent = hundredths / 100;
      const fraction = fractionOf(percent);
      expect(UpdateSettingsInput.safeParse({ cacheHitRateAbsMin: fraction }).success, String(percent)).toBe(true);
      expect(percentOf(fraction)).toBe(percent);
    }
    expect(fractionOf('12.345')).toBe(0.1235);
  });

  it('round-trips the stored settings unchanged', () => {
    const patch = cacheHitRatePatch(cacheHitRateState(settings));
    for (const field of Object.values(CACHE_FIELD)) expect(patch[field], field).toBe(settings[field]);
  });

  it('leaves an empty or out-of-range field to the schema, whose error lands at that field', () => {
    expect(fractionOf('')).toBeNaN();
    const patch = cacheHitRatePatch({ ...state, checkInterval: '', dropRelPercent: 150, topN: 101 });
    expect(patch.cacheHitRateDropRel).toBe(1.5);
    const errors = schemaErrorsOf(UpdateSettingsInput, patch);
    expect(Object.keys(errors).sort()).toEqual([
      CACHE_FIELD.checkInterval,
      CACHE_FIELD.dropRelPercent,
      CACHE_FIELD.topN,
    ]);
    expect(errors.cacheHitRateTopN).toBe('must be between 1 and 100');
    expect(errors.cacheHitRateDropRel).toMatch(/between 0 and 1/);
  });

  it('names the window auto picks from the interval, as the check does', () => {
    const at = (checkInterval: number | string) => effectiveWindow({ windowMode: 'auto', checkInterval });
    expect([1, 5, 6, 30, 31, 60, 61, 1440].map(at)).toEqual(['5m', '5m', '30m', '30m', '1h', '1h', '1.5h', '1.5h']);
    expect(at('')).toBeNull();
    expect(at(0)).toBeNull();
    expect(at(2.5)).toBeNull();
    expect(effectiveWindow({ windowMode: '1h', checkInterval: '' })).toBe('1h');
  });

  it('gives the interval a binding without a cron follows, only when it is a valid one', () => {
    expect(cacheHitRateFallback({ checkInterval: '15' })).toEqual({ kind: 'interval', minutes: 15 });
    expect(cacheHitRateFallback({ checkInterval: 1441 })).toBeNull();
    expect(cacheHitRateFallback({ checkInterval: '' })).toBeNull();
  });

  it('names every window mode by a catalogue key without a dot (i18next would read 1.5h as nested)', () => {
    const keys = CACHE_WINDOW_MODES.map(windowKey);
    expect(keys).toEqual(['auto', '5m', '30m', '1h', '90m']);
    expect(keys.every((k) => !k.includes('.'))).toBe(true);
    expect(Object.keys(en.notificationsPage.cacheHitRate.windows).sort()).toEqual([...keys].sort());
  });
});
