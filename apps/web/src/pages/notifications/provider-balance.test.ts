import { SETTINGS_DEFAULTS, type Settings, UpdateSettingsInput } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { levelsError, parseLevels, providerBalancePatch, providerBalanceState } from './provider-balance.ts';

const settings = {
  providerBalanceDefaultThreshold: SETTINGS_DEFAULTS.providerBalanceDefaultThreshold,
  providerBalanceLevels: [...SETTINGS_DEFAULTS.providerBalanceLevels],
} as Settings;

describe('the balance alert card', () => {
  it('shows the defaults: no default threshold, levels as percentages', () => {
    expect(providerBalanceState(settings)).toEqual({ defaultThreshold: '', levels: '50, 0' });
    expect(providerBalanceState({ ...settings, providerBalanceLevels: [0.125, 0.0001] }).levels).toBe('12.5, 0.01');
  });

  it('sends an empty threshold as null (no default) and the percentages as fractions the schema accepts', () => {
    const patch = providerBalancePatch({ defaultThreshold: '', levels: '75%, 25，0' });
    expect(patch).toEqual({ providerBalanceDefaultThreshold: null, providerBalanceLevels: [0.75, 0.25, 0] });
    expect(UpdateSettingsInput.safeParse(patch).success).toBe(true);
    expect(providerBalancePatch({ defaultThreshold: 50, levels: '' })).toEqual({
      providerBalanceDefaultThreshold: 50,
      providerBalanceLevels: [],
    });
    // Two decimals of a percent are exactly four of the fraction.
    expect(parseLevels('12.34').fractions).toEqual([0.1234]);
  });

  it('says what is wrong with the typed levels, and the schema refuses the same patch', () => {
    const cases = [
      ['50, half', 'notANumber'],
      ['100, 50', 'outOfRange'],
      ['-5', 'outOfRange'],
      ['0, 50', 'notDescending'],
      ['50, 50', 'notDescending'],
      ['90 80 70 60 50 40', 'tooMany'],
    ] as const;
    for (const [levels, problem] of cases) {
      expect(parseLevels(levels).problem, levels).toBe(problem);
      const patch = providerBalancePatch({ defaultThreshold: 10, levels });
      expect(UpdateSettingsInput.safeParse(patch).success, levels).toBe(false);
    }
    expect(parseLevels(' 50 , 0 ').problem).toBeNull();
  });

  it('finds the levels’ error whichever item the server named', () => {
    expect(levelsError({ 'providerBalanceLevels.1': 'must be lower', other: 'x' })).toBe('must be lower');
    expect(levelsError({ providerBalanceLevels: 'at most 5 levels' })).toBe('at most 5 levels');
    expect(levelsError({ providerBalanceDefaultThreshold: 'x' })).toBeUndefined();
  });
});
