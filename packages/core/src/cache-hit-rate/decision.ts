/**
 * The cache-hit-rate anomaly rule, per provider × model: the current window's hit rate against
 * the first sufficient baseline of the same kind (historical → today → previous window), with an
 * absolute floor and a drop that must be large both absolutely and relatively. Pure: the server
 * reads the samples, the dashboard can explain a decision with the same code.
 */

/** A sample's size and hit rate: Σcache_read ÷ Σ(input + cache_creation + cache_read), in [0, 1]. */
export type RateSample = { requests: number; denominatorTokens: number; hitRateTokens: number };

/**
 * One provider × model in one time range: every 2xx request (`overall`), and the "eligible"
 * ones — a follow-up in a session within the cache's TTL of the request before it, the only
 * requests that could hit the cache.
 */
export type ProviderModelSample = { providerId: string; model: string; overall: RateSample; eligible: RateSample };

export const BASELINE_SOURCES = ['historical', 'today', 'prev'] as const;
export type BaselineSource = (typeof BASELINE_SOURCES)[number];
export type SampleKind = 'eligible' | 'overall';

export type AnomalyReason =
  | 'use_eligible'
  | 'use_overall'
  | 'eligible_insufficient'
  | 'baseline_eligible'
  | 'baseline_overall'
  | 'baseline_historical'
  | 'baseline_today'
  | 'baseline_prev'
  | 'baseline_missing'
  | 'abs_min'
  | 'drop_abs_rel';

export type KindSample = RateSample & { kind: SampleKind };

export type CacheHitRateAnomaly = {
  providerId: string;
  model: string;
  baselineSource: BaselineSource | null;
  current: KindSample;
  baseline: KindSample | null;
  /** current − baseline (negative for a drop). */
  deltaAbs: number | null;
  /** deltaAbs ÷ baseline; null when there is no baseline or it is 0. */
  deltaRel: number | null;
  /** max(baseline − current, 0). */
  dropAbs: number | null;
  /** How bad: the larger of the drop and the shortfall under the floor. */
  severity: number;
  reasonCodes: AnomalyReason[];
};

export type DecisionSettings = {
  /** An absolute floor: a current rate strictly below it is an anomaly. */
  absMin: number;
  /** The drop must be at least this many rate points… */
  dropAbs: number;
  /** …and at least this share of the baseline. */
  dropRel: number;
  minEligibleRequests: number;
  minEligibleTokens: number;
  topN: number;
};

export type DecisionInput = {
  current: ProviderModelSample[];
  prev: ProviderModelSample[];
  today: ProviderModelSample[];
  historical: ProviderModelSample[];
};

const keyOf = (s: { providerId: string; model: string }) => `${s.providerId}:${s.model}`;

function index(samples: ProviderModelSample[]): Map<string, ProviderModelSample> {
  const m = new Map<string, ProviderModelSample>();
  for (const s of samples) if (s.model.trim() !== '') m.set(keyOf(s), s);
  return m;
}

function sufficient(s: RateSample, o: DecisionSettings): boolean {
  return s.requests >= o.minEligibleRequests && s.denominatorTokens >= o.minEligibleTokens;
}

/** Provider ids compare as numbers when both are, else as strings (hubs may use either). */
function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function decideCacheHitRateAnomalies(input: DecisionInput, o: DecisionSettings): CacheHitRateAnomaly[] {
  if (o.topN <= 0) return [];
  const baselines: Array<[BaselineSource, Map<string, ProviderModelSample>]> = [
    ['historical', index(input.historical)],
    ['today', index(input.today)],
    ['prev', index(input.prev)],
  ];
  const found: CacheHitRateAnomaly[] = [];
  for (const [key, s] of index(input.current)) {
    const codes: AnomalyReason[] = [];
    let kind: SampleKind;
    if (sufficient(s.eligible, o)) {
      kind = 'eligible';
      codes.push('use_eligible');
    } else if (sufficient(s.overall, o)) {
      kind = 'overall';
      codes.push('use_overall', 'eligible_insufficient');
    } else continue;
    const current: KindSample = { kind, ...s[kind] };
    const c = current.hitRateTokens;
    const absMinTriggered = c < o.absMin;

    let source: BaselineSource | null = null;
    let baseline: KindSample | null = null;
    for (const [name, map] of baselines) {
      const b = map.get(key)?.[kind];
      if (b && sufficient(b, o)) {
        source = name;
        baseline = { kind, ...b };
        break;
      }
    }

    if (!baseline || !source) {
      if (!absMinTriggered) continue;
      codes.push('baseline_missing', 'abs_min');
      found.push({
        providerId: s.providerId,
        model: s.model,
        baselineSource: null,
        current,
        baseline: null,
        deltaAbs: null,
        deltaRel: null,
        dropAbs: null,
        severity: Math.max(o.absMin - c, 0),
        reasonCodes: codes,
      });
      continue;
    }
    codes.push(kind === 'eligible' ? 'baseline_eligible' : 'baseline_overall', `baseline_${source}`);
    const b = baseline.hitRateTokens;
    const deltaAbs = c - b;
    const dropAbs = Math.max(b - c, 0);
    const deltaRel = b <= 0 ? null : deltaAbs / b;
    const dropFires = b > 0 && dropAbs >= o.dropAbs && dropAbs / b >= o.dropRel;
    if (!absMinTriggered && !dropFires) continue;
    if (absMinTriggered) codes.push('abs_min');
    if (dropFires) codes.push('drop_abs_rel');
    found.push({
      providerId: s.providerId,
      model: s.model,
      baselineSource: source,
      current,
      baseline,
      deltaAbs,
      deltaRel,
      dropAbs,
      severity: Math.max(dropAbs, o.absMin - c, 0),
      reasonCodes: codes,
    });
  }
  found.sort(
    (x, y) =>
      y.severity - x.severity ||
      compareIds(x.providerId, y.providerId) ||
      (x.model < y.model ? -1 : x.model > y.model ? 1 : 0),
  );
  return found.slice(0, o.topN);
}

/** One provider × model as the Overview shows it: the current rate beside its baseline. */
export type CacheRateRow = {
  providerId: string;
  model: string;
  current: KindSample;
  baselineSource: BaselineSource | null;
  baseline: KindSample | null;
  anomaly: boolean;
};

/**
 * Every provider × model with a sufficient current sample, its baseline chosen by the same rule
 * as the alert (same kind; historical → today → previous window), and whether it is an anomaly.
 * Sorted by provider, then model.
 */
export function describeCacheHitRates(input: DecisionInput, o: DecisionSettings): CacheRateRow[] {
  const anomalies = new Set(
    decideCacheHitRateAnomalies(input, { ...o, topN: Number.MAX_SAFE_INTEGER }).map((a) => keyOf(a)),
  );
  const baselines: Array<[BaselineSource, Map<string, ProviderModelSample>]> = [
    ['historical', index(input.historical)],
    ['today', index(input.today)],
    ['prev', index(input.prev)],
  ];
  const rows: CacheRateRow[] = [];
  for (const [key, s] of index(input.current)) {
    const kind: SampleKind | null = sufficient(s.eligible, o)
      ? 'eligible'
      : sufficient(s.overall, o)
        ? 'overall'
        : null;
    if (!kind) continue;
    let baselineSource: BaselineSource | null = null;
    let baseline: KindSample | null = null;
    for (const [name, map] of baselines) {
      const b = map.get(key)?.[kind];
      if (b && sufficient(b, o)) {
        baselineSource = name;
        baseline = { kind, ...b };
        break;
      }
    }
    rows.push({
      providerId: s.providerId,
      model: s.model,
      current: { kind, ...s[kind] },
      baselineSource,
      baseline,
      anomaly: anomalies.has(key),
    });
  }
  return rows.sort(
    (x, y) => compareIds(x.providerId, y.providerId) || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0),
  );
}
