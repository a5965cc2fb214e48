import { SETTINGS_DEFAULTS, UpdateSettingsInput } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { type GroupingState, groupingPatch, numberOf } from './grouping.ts';

const state: GroupingState = {
  circuitBreakerGroupWaitSeconds: SETTINGS_DEFAULTS.circuitBreakerGroupWaitSeconds,
  costAlertGroupWaitSeconds: '30',
  costAlertDigestThreshold: 5,
  costAlertRecoveryEnabled: true,
};

describe('the grouping settings of a type card', () => {
  it('sends only the fields its type owns', () => {
    expect(groupingPatch('circuit_breaker', state)).toEqual({ circuitBreakerGroupWaitSeconds: 10 });
    expect(groupingPatch('cost_alert', state)).toEqual({
      costAlertGroupWaitSeconds: 30,
      costAlertDigestThreshold: 5,
      costAlertRecoveryEnabled: true,
    });
    expect(groupingPatch('daily_leaderboard', state)).toEqual({});
  });

  it('sends an emptied field as a number the shared schema refuses, not as 0 (off)', () => {
    expect(numberOf('')).toBeNaN();
    expect(numberOf(' 0 ')).toBe(0);
    const patch = groupingPatch('circuit_breaker', { ...state, circuitBreakerGroupWaitSeconds: '' });
    expect(UpdateSettingsInput.safeParse(patch).success).toBe(false);
    expect(UpdateSettingsInput.safeParse(groupingPatch('cost_alert', state)).success).toBe(true);
  });
});
