import { describe, expect, it } from 'vitest';
import {
  type DecisionInput,
  type DecisionSettings,
  decideCacheHitRateAnomalies,
  describeCacheHitRates,
  type ProviderModelSample,
  type RateSample,
} from './decision.ts';

// The reference hub's decision cases (its decision.test.ts), with its defaults: every sample
// 100 requests and 10,000 tokens, both kinds, unless a case says otherwise.
const DEFAULTS: DecisionSettings = {
  absMin: 0.05,
  dropRel: 0.3,
  dropAbs: 0.1,
  minEligibleRequests: 20,
  minEligibleTokens: 0,
  topN: 10,
};
const rate = (hitRateTokens: number, over: Partial<RateSample> = {}): RateSample => ({
  requests: 100,
  denominatorTokens: 10_000,
  hitRateTokens,
  ...over,
});
const sample = (
  r: number,
  o: {
    providerId?: string;
    model?: string;
    eligible?: Partial<RateSample>;
    overall?: Partial<RateSample>;
    overallRate?: number;
  } = {},
): ProviderModelSample => ({
  providerId: o.providerId ?? '1',
  model: o.model ?? 'claude-sonnet',
  eligible: rate(r, o.eligible),
  overall: rate(o.overallRate ?? r, o.overall),
});
const decide = (i: Partial<DecisionInput>, s: Partial<DecisionSettings> = {}) =>
  decideCacheHitRateAnomalies({ current: [], prev: [], today: [], historical: [], ...i }, { ...DEFAULTS, ...s });

describe('cache-hit-rate decision (the reference table)', () => {
  it('topN 0: nothing', () => {
    expect(decide({ current: [sample(0.2)], prev: [sample(0.5)] }, { topN: 0 })).toEqual([]);
  });

  it('baselines in order historical → today → prev', () => {
    const [a] = decide({
      current: [sample(0.2)],
      prev: [sample(0.4)],
      today: [sample(0.35)],
      historical: [sample(0.5)],
    });
    expect(a?.baselineSource).toBe('historical');
    const [b] = decide({
      current: [sample(0.2)],
      historical: [sample(0.9, { eligible: { requests: 1 } })],
      today: [sample(0.5)],
    });
    expect(b?.baselineSource).toBe('today');
    const [c] = decide(
      {
        current: [sample(0.1)],
        historical: [sample(0.9, { eligible: { requests: 1 } })],
        today: [sample(0.9, { eligible: { requests: 1 } })],
        prev: [sample(0.6)],
      },
      { absMin: 0.01 },
    );
    expect(c?.baselineSource).toBe('prev');
    const [d] = decide(
      {
        current: [sample(0.2)],
        historical: [sample(0.9, { eligible: { denominatorTokens: 10 } })],
        today: [sample(0.5)],
      },
      { minEligibleTokens: 1000 },
    );
    expect(d?.baselineSource).toBe('today');
  });

  it('too few eligible requests: the overall sample, compared with overall baselines only', () => {
    const [a] = decide({
      current: [sample(0.1, { eligible: { requests: 1 } })],
      prev: [sample(0.5)],
    });
    expect(a?.current.kind).toBe('overall');
    expect(a?.baseline?.kind).toBe('overall');
    expect(a?.reasonCodes).toContain('eligible_insufficient');
    const [b] = decide(
      { current: [sample(0.1, { eligible: { denominatorTokens: 10 } })], prev: [sample(0.5)] },
      { minEligibleTokens: 1000 },
    );
    expect(b?.reasonCodes.slice(0, 2)).toEqual(['use_overall', 'eligible_insufficient']);
    // Current eligible is sufficient; prev has only an overall sample: kinds are never mixed.
    expect(
      decide({ current: [sample(0.2)], prev: [sample(0.9, { eligible: { requests: 1 }, overallRate: 0.9 })] }),
    ).toEqual([]);
  });

  it('an empty model is ignored; both kinds insufficient: nothing', () => {
    expect(decide({ current: [sample(0.01, { model: ' ' })] })).toEqual([]);
    expect(decide({ current: [sample(0.01, { eligible: { requests: 1 }, overall: { requests: 1 } })] })).toEqual([]);
  });

  it('the drop rule needs the absolute AND the relative drop', () => {
    const [a] = decide({ current: [sample(0.2)], prev: [sample(0.5)] }, { absMin: 0.01 });
    expect(a?.reasonCodes).toEqual(['use_eligible', 'baseline_eligible', 'baseline_prev', 'drop_abs_rel']);
    expect(a?.dropAbs).toBeCloseTo(0.3);
    expect(decide({ current: [sample(0.375)], prev: [sample(0.5)] })).toEqual([]); // rel .25 < .3
    expect(decide({ current: [sample(0.15625)], prev: [sample(0.25)] })).toEqual([]); // abs .094 < .1
    const [b] = decide({ current: [sample(0.3)], prev: [sample(0.4)] }, { dropAbs: 0.1, dropRel: 0.25 });
    expect(b?.reasonCodes).toContain('drop_abs_rel'); // ≥ is inclusive
  });

  it('the absolute floor is strict, and fires alone where the drop rule cannot', () => {
    const [a] = decide({ current: [sample(0.03)], prev: [sample(0.2)] }, { dropAbs: 0.9, dropRel: 0.9 });
    expect(a?.reasonCodes.at(-1)).toBe('abs_min');
    expect(decide({ current: [sample(0.06)], prev: [sample(0.04)] })).toEqual([]);
    expect(decide({ current: [sample(0.05)] })).toEqual([]); // C = absMin: strict <
    const [none] = decide({ current: [sample(0.01)] });
    expect(none).toMatchObject({
      baselineSource: null,
      baseline: null,
      deltaAbs: null,
      deltaRel: null,
      dropAbs: null,
      reasonCodes: ['use_eligible', 'baseline_missing', 'abs_min'],
    });
    expect(none?.severity).toBeCloseTo(0.04);
    const [up] = decide({ current: [sample(0.04)], prev: [sample(0.01)] });
    expect(up?.reasonCodes).toEqual(['use_eligible', 'baseline_eligible', 'baseline_prev', 'abs_min']);
    expect(up?.dropAbs).toBe(0);
    const [zero] = decide({ current: [sample(0)], prev: [sample(0)] });
    expect(zero?.reasonCodes.at(-1)).toBe('abs_min');
    expect(zero?.deltaRel).toBeNull();
    for (const [c, b, s] of [
      [0.04, 0.06, { dropAbs: 0.01, dropRel: 0.5 }],
      [0.02, 0.04, { dropAbs: 0.03 }],
    ] as const) {
      const [x] = decide({ current: [sample(c)], prev: [sample(b)] }, s);
      expect(x?.reasonCodes.at(-1)).toBe('abs_min');
      expect(x?.reasonCodes).not.toContain('drop_abs_rel');
    }
  });

  it('most severe first, top N, ties by provider then model', () => {
    const got = decide(
      {
        current: [sample(0.1, { providerId: '1', model: 'a' }), sample(0.25, { providerId: '2', model: 'b' })],
        prev: [sample(0.6, { providerId: '1', model: 'a' }), sample(0.5, { providerId: '2', model: 'b' })],
      },
      { topN: 1 },
    );
    expect(got.map((a) => `${a.providerId}/${a.model}`)).toEqual(['1/a']);
    const tie = decide({
      current: [
        sample(0.01, { providerId: '10', model: 'b' }),
        sample(0.01, { providerId: '2', model: 'b' }),
        sample(0.01, { providerId: '2', model: 'a' }),
      ],
    });
    expect(tie.map((a) => `${a.providerId}/${a.model}`)).toEqual(['2/a', '2/b', '10/b']);
  });
});

describe('cache-hit-rate overview rows', () => {
  it('each provider × model with its current rate, its baseline by the same rule, and whether it alerts', () => {
    const rows = describeCacheHitRates(
      {
        current: [
          sample(0.2, { providerId: '2', model: 'b' }),
          sample(0.5, { providerId: '1', model: 'a' }),
          sample(0.3, { providerId: '3', model: 'c', eligible: { requests: 1 }, overall: { requests: 1 } }),
        ],
        historical: [sample(0.6, { providerId: '2', model: 'b' })],
        prev: [sample(0.55, { providerId: '1', model: 'a' })],
        today: [],
      },
      DEFAULTS,
    );
    expect(rows.map((r) => [r.providerId, r.baselineSource, r.baseline?.hitRateTokens ?? null, r.anomaly])).toEqual([
      ['1', 'prev', 0.55, false],
      ['2', 'historical', 0.6, true],
    ]);
  });
});
