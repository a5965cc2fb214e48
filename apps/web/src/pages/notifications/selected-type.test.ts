import { NOTIFICATION_TYPES } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { typeOfSearch } from './selected-type.ts';

describe('the selected type in the URL', () => {
  it('is any known type', () => {
    for (const type of NOTIFICATION_TYPES) expect(typeOfSearch(type)).toBe(type);
  });

  it('falls back to the first type when missing, unknown or not text', () => {
    for (const value of [undefined, '', 'circuit-breaker', 'COST_ALERT', 42, ['cost_alert']]) {
      expect(typeOfSearch(value)).toBe(NOTIFICATION_TYPES[0]);
    }
  });
});
