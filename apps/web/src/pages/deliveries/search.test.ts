import { describe, expect, it } from 'vitest';
import { DeliveriesSearch, deliveriesHref, timeWindow } from './search.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('the deliveries search', () => {
  it('keeps valid filters and drops the rest', () => {
    expect(
      DeliveriesSearch.parse({ status: 'failed', type: 'bogus', range: 'forever', from: '2026-11-01T00:00:00Z' }),
    ).toEqual({ status: 'failed', from: '2026-11-01T00:00:00Z' });
  });

  it('turns a preset into an instant relative to now, and passes from/to through', () => {
    expect(timeWindow({ range: '24h' }, NOW)).toEqual({ from: '2026-11-27T12:00:00.000Z' });
    expect(timeWindow({ range: '1h', from: '2020-01-01T00:00:00Z' }, NOW)).toEqual({
      from: '2026-11-28T11:00:00.000Z',
    });
    expect(timeWindow({ to: '2026-11-28T00:00:00Z' }, NOW)).toEqual({ to: '2026-11-28T00:00:00Z' });
    expect(timeWindow({}, NOW)).toEqual({});
  });

  it('writes only the filters that are set', () => {
    expect(deliveriesHref({})).toBe('/deliveries');
    expect(deliveriesHref({ status: 'failed', range: '7d', target: undefined })).toBe(
      '/deliveries?status=failed&range=7d',
    );
  });
});
