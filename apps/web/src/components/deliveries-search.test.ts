import { deliveriesUrl } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from '../lib/search-params.ts';
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

  it('reads a message’s links: a notification (UUID only), a provider and a user, as list filters', () => {
    const search = DeliveriesSearch.parse({ notification: SILENCE, provider: ' 7 ', user: 'alice' });
    expect(search).toEqual({ notification: SILENCE, provider: '7', user: 'alice' });
    expect(listFilters(search)).toMatchObject({ notificationId: SILENCE, providerId: '7', userId: 'alice' });
    expect(DeliveriesSearch.parse({ notification: 'n1', provider: '', user: 'x'.repeat(129) })).toEqual({});
    expect(isFiltered({ provider: '7' })).toBe(true);
    expect(deliveriesHref({ provider: 'a b&c' })).toBe('/deliveries?provider=a+b%26c');
  });
});

describe('the links messages carry, opened in the dashboard', () => {
  const HERALD = 'https://herald.example.com';
  /** What the page does with a link: the router reads its search, the page its filters. */
  const open = (url: string) => {
    const u = new URL(url);
    expect(u.pathname).toBe('/deliveries');
    return listFilters(DeliveriesSearch.parse(parseSearch(u.search)));
  };

  it.each(['7', '007', '1e3', '1.50', 'true', 'null', '[1]', '{"a":1}', 'anthropic/primary #1', 'a b&c=d'])(
    'provider %s reaches the list exactly as the message named it',
    (id) => {
      expect(open(deliveriesUrl(HERALD, 'provider', id)).providerId).toBe(id);
      expect(open(deliveriesUrl(HERALD, 'user', id)).userId).toBe(id);
    },
  );

  it('a delivery log link filters by its notification; a digest’s by what it carried', () => {
    expect(open(deliveriesUrl(HERALD, 'notification', SILENCE)).notificationId).toBe(SILENCE);
    expect(open(deliveriesUrl(HERALD, 'digest', DIGEST)).digestId).toBe(DIGEST);
  });

  it('the router writes what it reads: plain text values, empty ones left out', () => {
    expect(parseSearch('?status=failed&provider=7&range=24h')).toEqual({
      status: 'failed',
      provider: '7',
      range: '24h',
    });
    expect(parseSearch('')).toEqual({});
    expect(stringifySearch({ provider: '7', user: undefined, status: '', redirect: '/deliveries?status=failed' })).toBe(
      '?provider=7&redirect=%2Fdeliveries%3Fstatus%3Dfailed',
    );
    expect(stringifySearch({})).toBe('');
    const search = { provider: '1e3', notification: SILENCE };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });
});
