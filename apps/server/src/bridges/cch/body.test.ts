import { describe, expect, it } from 'vitest';
import { cacheVariables, cchBody, costVariables, leaderboardVariables } from '../../../test/support/cch-template.ts';
import { type BridgedEvent, parseCchBody } from './body.ts';
import { CCH_TEMPLATES } from './templates.ts';

const AT = '2026-06-10T08:00:00.000Z';
const body = (template: unknown, vars: Record<string, string>) => JSON.parse(cchBody(template, vars));

const breaker = {
  type: 'circuit_breaker',
  title: '供应商熔断告警',
  providerId: '7',
  providerName: 'Primary',
  failureCount: '5',
  retryAt: '2026-06-10T08:30:00.000Z',
  lastError: '',
  incidentSource: 'provider',
  endpointId: '',
  endpointUrl: '',
};

function issues(input: unknown) {
  const r = parseCchBody(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.issues;
}
function event<T extends BridgedEvent['type']>(input: unknown, type: T): Extract<BridgedEvent, { type: T }> {
  const r = parseCchBody(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.event.type).toBe(type);
  return r.event as Extract<BridgedEvent, { type: T }>;
}

describe('circuit breaker', () => {
  it('reads the strings as a hub report; empty optional values are absent', () => {
    expect(event(breaker, 'circuit_breaker').report).toEqual({
      state: 'open',
      providerId: '7',
      providerName: 'Primary',
      failureCount: 5,
      retryAt: '2026-06-10T08:30:00.000Z',
    });
  });

  it("puts an endpoint incident under CCH's vendor id, apart from the provider with the same number", () => {
    const e = event(
      { ...breaker, incidentSource: 'endpoint', endpointId: '42', endpointUrl: 'https://x.example' },
      'circuit_breaker',
    );
    expect(e.report).toMatchObject({ providerId: 'vendor:7', incidentSource: 'endpoint', endpointId: '42' });
    expect(issues({ ...breaker, incidentSource: 'endpoint' })).toEqual([
      { path: 'endpointId', message: 'is empty: CCH filled in no value' },
    ]);
    expect(issues({ ...breaker, endpointId: '42' })).toEqual([
      { path: 'endpointId', message: 'only for incidentSource "endpoint"' },
    ]);
  });

  it.each([
    ['5.0', 'whole number'],
    ['+5', 'whole number'],
    [' 5', 'whole number'],
    ['0x10', 'whole number'],
    ['五', 'whole number'],
    ['0', 'at least 1'],
  ])('failureCount %j is refused (%s)', (failureCount, why) => {
    const found = issues({ ...breaker, failureCount });
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('failureCount');
    expect(found[0]?.message).toMatch(why === 'at least 1' ? /1/ : /whole number/);
  });

  it('takes a JSON number from a hand-written template, never a boolean', () => {
    expect(event({ ...breaker, failureCount: 5 }, 'circuit_breaker').report).toMatchObject({ failureCount: 5 });
    expect(issues({ ...breaker, providerName: true })).toEqual([
      { path: 'providerName', message: 'must be a string, got boolean' },
    ]);
  });
});

describe('cost alert', () => {
  const vars = costVariables(
    { targetType: 'provider', targetName: 'relay', currentCost: 47.5, quotaLimit: 50, period: 'weekly' },
    AT,
  );

  it("reads the period from CCH's 统计周期 line and the admin's threshold from the template", () => {
    expect(event(body(CCH_TEMPLATES.cost_alert, vars), 'cost_alert').data).toEqual({
      targetType: 'provider',
      targetId: 'relay',
      targetName: 'relay',
      currentCost: 47.5,
      quotaLimit: 50,
      threshold: 0.8,
      period: 'weekly',
    });
    const custom = { ...body(CCH_TEMPLATES.cost_alert, vars), threshold: '0.9', period: '5h' };
    expect(event(custom, 'cost_alert').data).toMatchObject({ threshold: 0.9, period: '5h' });
    const { threshold: _, ...defaulted } = body(CCH_TEMPLATES.cost_alert, vars);
    expect(event(defaulted, 'cost_alert').data.threshold).toBe(0.8);
  });

  it('names sections when the period cannot be found there', () => {
    const b = body(CCH_TEMPLATES.cost_alert, vars);
    expect(issues({ ...b, sections: '消费详情\n当前消费: $1' })).toEqual([
      { path: 'sections', message: expect.stringContaining('no "统计周期: …" line') },
    ]);
    expect(issues({ ...b, sections: '统计周期: 今年' })).toEqual([
      { path: 'sections', message: 'has the period "今年", which is not one of 5小时, 本周, 本月' },
    ]);
    expect(issues({ ...b, period: 'yearly' })[0]?.path).toBe('period');
  });

  it.each([
    ['1e-7', 1e-7],
    ['.5', 0.5],
    ['22.700000000000003', 22.700000000000003],
  ])('reads %j as String(n) wrote it', (currentCost, n) => {
    expect(event({ ...body(CCH_TEMPLATES.cost_alert, vars), currentCost }, 'cost_alert').data.currentCost).toBe(n);
  });

  it.each(['NaN', 'Infinity', '1e999', '12,5', '$12.5', '12.5 '])('refuses %j as a cost', (currentCost) => {
    expect(issues({ ...body(CCH_TEMPLATES.cost_alert, vars), currentCost })).toEqual([
      { path: 'currentCost', message: expect.stringContaining('must be a number written as digits') },
    ]);
  });

  it('a quota of 0 is named by the schema, under the body field', () => {
    expect(issues({ ...body(CCH_TEMPLATES.cost_alert, vars), quotaLimit: '0' })).toEqual([
      { path: 'quotaLimit', message: expect.any(String) },
    ]);
  });
});

describe('daily leaderboard', () => {
  const entries = [{ userId: 1, userName: 'A', totalRequests: 2, totalCost: 0.5, totalTokens: 300 }];
  const b = body(
    CCH_TEMPLATES.daily_leaderboard,
    leaderboardVariables({ date: '2026-06-10', entries, totalRequests: 2, totalCost: 0.5 }, AT),
  );

  it('parses the double-encoded entries', () => {
    expect(event(b, 'daily_leaderboard').data).toEqual({
      date: '2026-06-10',
      entries: [{ ...entries[0], userId: '1' }],
      totalRequests: 2,
      totalCost: 0.5,
    });
  });

  it('names what is wrong inside entries by its path', () => {
    expect(issues({ ...b, entries: '[{"userId":1' })[0]).toEqual({
      path: 'entries',
      message: expect.stringContaining('must be a JSON array written as a string'),
    });
    expect(issues({ ...b, entries: '{}' })[0]?.path).toBe('entries');
    const bad = JSON.stringify([{ ...entries[0], totalCost: -1 }]);
    expect(issues({ ...b, entries: bad }).map((i) => i.path)).toEqual(['entries.0.totalCost']);
    expect(issues({ ...b, date: '2026/06/10' }).map((i) => i.path)).toEqual(['date']);
  });
});

describe('cache-hit-rate alert', () => {
  const anomaly = {
    providerId: 5,
    providerType: 'claude',
    model: 'm',
    baselineSource: null,
    current: { kind: 'overall', requests: 30, denominatorTokens: 100, hitRateTokens: 0.01 },
    baseline: null,
    deltaAbs: null,
    deltaRel: null,
    dropAbs: null,
    reasonCodes: ['use_overall', 'baseline_missing', 'abs_min'],
  };
  const vars = cacheVariables(
    {
      windowMode: '30m',
      windowStart: '2026-06-10T07:30:00.000Z',
      windowEnd: '2026-06-10T08:00:00.000Z',
      anomalies: [anomaly],
      suppressedCount: 2,
      absMin: 0.05,
      dropRel: 0.3,
      dropAbs: 0.1,
      minRequests: 25,
      minTokens: 1000,
      cooldownMinutes: 30,
      topN: 10,
      generatedAt: '2026-06-10T08:00:00.500Z',
    },
    AT,
  );
  const b = body(CCH_TEMPLATES.cache_hit_rate_alert, vars);

  it("takes the minimum sample from CCH's 最小样本 line and the window length from its mode", () => {
    const e = event(b, 'cache_hit_rate_alert');
    expect(e.generatedAt).toBe('2026-06-10T08:00:00.500Z');
    expect(e.data).toMatchObject({
      windowMode: '30m',
      windowMinutes: 30,
      suppressedCount: 2,
      minEligibleRequests: 25,
      minEligibleTokens: 1000,
      anomalies: [{ providerId: '5', model: 'm', reasonCodes: ['use_overall', 'baseline_missing', 'abs_min'] }],
    });
    expect(e.data.anomalies[0]).not.toHaveProperty('providerType');
    const explicit = { ...b, sections: '', minEligibleRequests: '1', minEligibleTokens: '2' };
    expect(event(explicit, 'cache_hit_rate_alert').data).toMatchObject({
      minEligibleRequests: 1,
      minEligibleTokens: 2,
    });
  });

  it('refuses a count that disagrees with the list, a mode CCH never sends, and a sections text without the sample', () => {
    expect(issues({ ...b, anomalyCount: '3' })).toEqual([
      { path: 'anomalyCount', message: 'is 3, but anomalies holds 1' },
    ]);
    expect(issues({ ...b, windowMode: 'auto' }).map((i) => i.path)).toEqual(['windowMode']);
    expect(issues({ ...b, sections: '阈值' })).toEqual([
      { path: 'sections', message: expect.stringContaining('最小样本') },
    ]);
    const broken = JSON.stringify([{ ...anomaly, current: { ...anomaly.current, hitRateTokens: 2 } }]);
    expect(issues({ ...b, anomalies: broken }).map((i) => i.path)).toEqual(['anomalies.0.current.hitRateTokens']);
  });
});

describe('any type', () => {
  it('refuses what is not one of the templates', () => {
    expect(issues([])).toEqual([{ path: '(body)', message: expect.any(String) }]);
    expect(issues({ type: 'cache_hit_rate' })[0]).toEqual({
      path: 'type',
      message: expect.stringContaining(
        'must be one of circuit_breaker, cost_alert, daily_leaderboard, cache_hit_rate_alert',
      ),
    });
  });

  it('knows which template a title belongs to', () => {
    expect(issues({ ...breaker, title: '成本预警提醒' })).toEqual([
      {
        path: 'type',
        message: expect.stringContaining('a cost_alert: give the cost_alert binding the cost_alert template'),
      },
    ]);
  });
});
