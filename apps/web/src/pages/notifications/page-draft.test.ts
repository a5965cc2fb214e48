import type { Settings } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { type BindingDraft, NO_MENTIONS } from './binding-draft.ts';
import {
  changeCount,
  diffPage,
  isRouted,
  pageDraftOf,
  setRouted,
  settingsPatch,
  sortBindings,
  sortTargets,
} from './page-draft.ts';
import { quietHoursDraftOf } from './quiet-hours.ts';

const A = { id: '00000000-0000-4000-8000-00000000000a', name: 'Alpha', providerType: 'custom' };
const B = { id: '00000000-0000-4000-8000-00000000000b', name: 'beta', providerType: 'wechat' };
const C = { id: '00000000-0000-4000-8000-00000000000c', name: 'Gamma', providerType: 'feishu' };
const TARGETS = [C, B, A];

const binding = (t: typeof A, over: Partial<BindingDraft> = {}): BindingDraft => ({
  targetId: t.id,
  targetName: t.name,
  targetType: t.providerType,
  isEnabled: true,
  scheduleCron: '',
  scheduleTimezone: '',
  templateText: null,
  quietHours: quietHoursDraftOf(null),
  mentions: NO_MENTIONS,
  ...over,
});

// Only the fields the draft reads; the rest of Settings is not looked at.
const settings = {
  enabled: true,
  paceDigests: false,
  useLegacyMode: false,
  circuitBreakerEnabled: true,
  costAlertEnabled: false,
  dailyLeaderboardEnabled: true,
  cacheHitRateEnabled: false,
  providerBalanceEnabled: false,
  costAlertThreshold: 0.8,
  costAlertCheckInterval: 60,
  dailyLeaderboardTime: '09:00',
  dailyLeaderboardTopN: 5,
  circuitBreakerGroupWaitSeconds: 30,
  costAlertGroupWaitSeconds: 30,
  costAlertDigestThreshold: 3,
  costAlertRecoveryEnabled: true,
  cacheHitRateCheckInterval: 30,
  cacheHitRateFloor: 0.5,
  cacheHitRateDropPoints: 0.2,
  cacheHitRateMinRequests: 50,
  cacheHitRateWindowMode: 'auto',
  cacheHitRateWindowMinutes: null,
  providerBalanceDefaultThreshold: 10,
  providerBalanceLevels: [0.5, 0.2, 0],
} as unknown as Settings;

const base = () =>
  pageDraftOf(
    settings,
    {
      circuit_breaker: [binding(C), binding(A)],
      cost_alert: [],
      daily_leaderboard: [binding(B, { isEnabled: false, scheduleCron: '30 9 * * 1-5' })],
      cache_hit_rate: [],
      provider_balance: [],
    },
    TARGETS,
  );

describe('ordering', () => {
  it('sorts targets by name, case aside, then id; bindings follow their targets', () => {
    expect(sortTargets(TARGETS).map((t) => t.name)).toEqual(['Alpha', 'beta', 'Gamma']);
    const twin = { ...A, id: '00000000-0000-4000-8000-000000000001' };
    expect(sortTargets([A, twin]).map((t) => t.id)).toEqual([twin.id, A.id]);
    expect(sortBindings([binding(C), binding(A), binding(B)], TARGETS).map((b) => b.targetName)).toEqual([
      'Alpha',
      'beta',
      'Gamma',
    ]);
    // The stored order (created order, which bindings.set changes) does not matter.
    expect(base().types.circuit_breaker.bindings.map((b) => b.targetName)).toEqual(['Alpha', 'Gamma']);
  });
});

describe('diffPage', () => {
  it('finds nothing in an untouched draft', () => {
    const diff = diffPage(base(), base());
    expect(diff).toEqual({ general: false, settings: [], bindings: [] });
    expect(changeCount(diff)).toBe(0);
    expect(settingsPatch(base(), diff)).toEqual({});
  });

  it('names the types whose settings or bindings changed, and patches only their fields', () => {
    const draft = base();
    draft.types.cost_alert = { ...draft.types.cost_alert, threshold: 90 };
    draft.types.cost_alert = setRouted(draft.types.cost_alert, base().types.cost_alert, A, true, TARGETS);
    draft.types.daily_leaderboard = { ...draft.types.daily_leaderboard, time: '10:00' };
    const diff = diffPage(base(), draft);
    expect(diff).toEqual({ general: false, settings: ['cost_alert', 'daily_leaderboard'], bindings: ['cost_alert'] });
    expect(changeCount(diff)).toBe(2);
    const patch = settingsPatch(draft, diff);
    expect(patch).toMatchObject({ costAlertThreshold: 0.9, costAlertCheckInterval: 60, dailyLeaderboardTime: '10:00' });
    expect(patch).not.toHaveProperty('enabled');
    expect(patch).not.toHaveProperty('circuitBreakerEnabled');
  });

  it('counts the general part once; blank legacy URLs are no change and are not sent', () => {
    const draft = base();
    draft.general = { ...draft.general, urls: { costAlertWebhook: '  ' } };
    expect(diffPage(base(), draft).general).toBe(false);
    draft.general = { ...draft.general, mode: 'legacy', urls: { costAlertWebhook: ' https://x.example/hook ' } };
    const diff = diffPage(base(), draft);
    expect(changeCount(diff)).toBe(1);
    expect(settingsPatch(draft, diff)).toEqual({
      enabled: true,
      useLegacyMode: true,
      paceDigests: false,
      costAlertWebhook: 'https://x.example/hook',
    });
  });
});

describe('setRouted', () => {
  it('adds a new binding on, in target order, and drops it again off (no change left)', () => {
    const b = base();
    const on = setRouted(b.types.circuit_breaker, b.types.circuit_breaker, B, true, TARGETS);
    expect(on.bindings.map((x) => x.targetName)).toEqual(['Alpha', 'beta', 'Gamma']);
    expect(isRouted(on, B.id)).toBe(true);
    const off = setRouted(on, b.types.circuit_breaker, B, false, TARGETS);
    expect(off.bindings).toEqual(b.types.circuit_breaker.bindings);
  });

  it('turns a stored binding off by disabling it, keeping its schedule, and on again', () => {
    const b = base();
    const stored = b.types.circuit_breaker;
    const off = setRouted(stored, stored, A, false, TARGETS);
    expect(off.bindings).toHaveLength(2);
    expect(isRouted(off, A.id)).toBe(false);
    const leaderboard = setRouted(b.types.daily_leaderboard, b.types.daily_leaderboard, B, true, TARGETS);
    expect(leaderboard.bindings).toEqual([binding(B, { scheduleCron: '30 9 * * 1-5' })]);
    expect(setRouted(off, stored, A, true, TARGETS)).toEqual(stored);
  });

  it('leaves the draft as it is when an unbound cell is switched off', () => {
    const t = base().types.cost_alert;
    expect(setRouted(t, t, C, false, TARGETS)).toBe(t);
  });
});
