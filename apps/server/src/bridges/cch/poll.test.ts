import type { CchBreakerState } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { type CchBreaker, readHealth } from './health.ts';
import { decide } from './poll.ts';

const T = (min: number) => new Date(Date.UTC(2026, 5, 10, 8, min));
const WATCHING = T(0);
const FETCHED = T(30);

const b = (state: CchBreakerState, lastFailureMin: number | null = 10): CchBreaker => ({
  providerId: '1',
  state,
  failureCount: 5,
  lastFailureAt: lastFailureMin === null ? null : T(lastFailureMin),
  openUntil: null,
});
/** The change for provider 1: its state last poll (undefined: never seen) and whether Herald holds it open. */
function change(now: CchBreaker, before: CchBreakerState | undefined, heraldOpenedAt?: Date | null) {
  const seen = new Map(before ? [['1', { state: before }]] : []);
  const held = new Map(heraldOpenedAt !== undefined ? [['1', heraldOpenedAt]] : []);
  return decide([now], seen, held, WATCHING, FETCHED).map((c) => c.kind)[0] ?? 'none';
}

describe('decide', () => {
  it.each([
    // before, now, Herald holds it open (opened at), expected
    ['closed', 'open', undefined, 'open'],
    ['closed', 'half-open', undefined, 'open'],
    ['closed', 'open', T(20), 'none'], // the webhook told Herald first
    ['open', 'open', T(20), 'none'],
    ['open', 'half-open', T(20), 'none'],
    ['half-open', 'open', T(20), 'open'], // opened again: the engine's 5-minute dedup judges it
    ['half-open', 'open', undefined, 'open'],
    ['half-open', 'closed', T(20), 'close'],
    ['open', 'closed', T(20), 'close'],
    ['open', 'closed', undefined, 'none'], // never alerted: nothing to recover
    ['closed', 'closed', T(20), 'close'], // Herald open by the webhook, CCH closed since
    ['closed', 'closed', T(30), 'none'], // opened as this answer was fetched: not its close
    ['closed', 'closed', null, 'close'],
  ] as const)('%s → %s (Herald open since %s): %s', (before, now, opened, expected) => {
    expect(change(b(now), before, opened)).toBe(expected);
  });

  it('a breaker seen for the first time is news only if it failed since the connector began watching', () => {
    expect(change(b('open', 10), undefined)).toBe('open');
    expect(change(b('half-open', 0), undefined)).toBe('open');
    expect(change(b('open', -5), undefined)).toBe('none');
    expect(change(b('open', null), undefined)).toBe('none');
    expect(change(b('open', 10), undefined, T(5))).toBe('none');
    expect(decide([b('open', 10)], new Map(), new Map(), null, FETCHED)).toEqual([]);
  });
});

describe('readHealth', () => {
  const entry = {
    circuitState: 'open',
    failureCount: 5,
    lastFailureTime: 1_781_078_400_000,
    circuitOpenUntil: null,
    recoveryMinutes: null,
  };

  it("reads CCH's map, sorted by provider id", () => {
    const r = readHealth(
      JSON.stringify({ '10': entry, '9': { ...entry, circuitState: 'closed', lastFailureTime: null } }),
    );
    expect(r).toEqual({
      ok: true,
      breakers: [
        { providerId: '9', state: 'closed', failureCount: 5, lastFailureAt: null, openUntil: null },
        {
          providerId: '10',
          state: 'open',
          failureCount: 5,
          lastFailureAt: new Date(1_781_078_400_000),
          openUntil: null,
        },
      ],
    });
  });

  it.each([
    ['<html>', 'not JSON'],
    ['[]', 'not an object keyed by provider id'],
    [JSON.stringify({ abc: entry }), 'not a provider id'],
    [JSON.stringify({ '1': 'open' }), 'provider "1": not an object'],
    [JSON.stringify({ '1': { ...entry, failureCount: -1 } }), 'failureCount must be a whole number'],
    [
      JSON.stringify({ '1': { ...entry, circuitOpenUntil: '2026-06-10' } }),
      'circuitOpenUntil must be epoch milliseconds or null',
    ],
  ])('refuses %s', (text, why) => {
    const r = readHealth(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(why);
  });
});
