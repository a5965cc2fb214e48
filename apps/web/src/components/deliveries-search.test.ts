import { describe, expect, it } from 'vitest';
import { DeliveriesSearch, deliveriesHref, isFiltered, listFilters, timeWindow } from './deliveries-search.ts';

const SILENCE = '0b0c3c56-6c8e-4d2e-9a51-0b6f1b1d7e01';
const DIGEST = '1c1c3c56-6c8e-4d2e-9a51-0b6f1b1d7e02';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('the deliveries search', () => {
  it('keeps valid filters and drops the rest', () => {
    expect(
      DeliveriesSearch.parse({ status: 'failed', type: 'bogus', range: 'forever', from: '2026-11-01T00:00:00Z' }),
    ).toEqual({ status: 'failed', from: '2026-11-01T00:00:00Z' });
  });

  it('reads a silence and a digest (ids only) and passes them to the list as silenceId and digestId', () => {
    const search = DeliveriesSearch.parse({ silence: SILENCE, digest: 'not-a-uuid', status: 'grouped' });
    expect(search).toEqual({ silence: SILENCE, status: 'grouped' });
    expect(listFilters(search)).toEqual({
      status: 'grouped',
      notificationType: undefined,
      targetId: undefined,
      silenceId: SILENCE,
      digestId: undefined,
    });
    expect(listFilters({ digest: DIGEST }).digestId).toBe(DIGEST);
    expect(isFiltered({ digest: DIGEST })).toBe(true);
    expect(isFiltered({})).toBe(false);
    expect(deliveriesHref({ silence: SILENCE })).toBe(`/deliveries?silence=${SILENCE}`);
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
