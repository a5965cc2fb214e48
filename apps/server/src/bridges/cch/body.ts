/**
 * What a Claude Code Hub custom webhook sends, filled from the templates in `templates.ts`,
 * turned into Herald's own data: a breaker report for the hub intake, or a notification's data.
 * Pure: the same body always gives the same answer.
 */
import {
  CacheAnomalyData,
  CacheHitRateData,
  CircuitBreakerReport,
  COST_PERIODS,
  CostAlertData,
  type CostPeriod,
  DailyLeaderboardData,
  unknownFieldMessage,
  WINDOW_MINUTES,
} from '@herald/core';
import type { z } from 'zod';
import { type BodyIssue, FieldReader, sectionField } from './fields.ts';
import { CCH_TEMPLATES, CCH_TITLES, CCH_TYPES, type CchType } from './templates.ts';

export type { BodyIssue } from './fields.ts';

export type BridgedEvent =
  | { type: 'circuit_breaker'; report: CircuitBreakerReport }
  /** `threshold` is the admin's CCH threshold; the level crossed is decided at intake. */
  | { type: 'cost_alert'; data: CostAlertData }
  | { type: 'daily_leaderboard'; data: DailyLeaderboardData }
  /** `generatedAt`: when CCH generated the check (its retries resend the same). */
  | { type: 'cache_hit_rate_alert'; data: CacheHitRateData; generatedAt: string };

export type ParsedBody =
  | { ok: true; event: BridgedEvent }
  /** `code`: UNKNOWN_FIELD when the body has fields the template has not, else INVALID_INPUT. */
  | { ok: false; code: 'INVALID_INPUT' | 'UNKNOWN_FIELD'; issues: BodyIssue[] };

/** CCH's default threshold (notification_settings.cost_alert_threshold), when the template leaves it out. */
export const CCH_DEFAULT_THRESHOLD = 0.8;

/** CCH's period labels (统计周期, Chinese only) and Herald's own names for them. */
const PERIODS: Record<string, CostPeriod> = { '5小时': '5h', 本周: 'weekly', 本月: 'monthly' };

/** Endpoint incidents carry CCH's vendor id where a provider id would be: kept apart from provider ids. */
export const vendorProviderId = (vendorId: string) => `vendor:${vendorId}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseCchBody(body: unknown): ParsedBody {
  if (!isRecord(body)) return fail('(body)', 'must be a JSON object (the CCH template is one)');
  const type = body.type;
  if (typeof type !== 'string' || !(CCH_TYPES as readonly string[]).includes(type)) {
    const got = type === undefined ? 'it is missing' : `got ${JSON.stringify(type)}`;
    return fail('type', `must be one of ${CCH_TYPES.join(', ')} (${got}): use the templates in docs/cch-bridge.md`);
  }
  const t = type as CchType;
  const issues = unknownFields(body, t);
  if (issues.length > 0) return { ok: false, code: 'UNKNOWN_FIELD', issues };
  // A body with another type's title came through the wrong template (a binding without its override).
  const titled = typeof body.title === 'string' ? CCH_TITLES[body.title] : undefined;
  if (titled && titled !== t) {
    return fail(
      'type',
      `is "${t}", but CCH titled this message "${body.title}", a ${titled}: give the ${titled} binding the ${titled} template (docs/cch-bridge.md)`,
    );
  }
  const r = new FieldReader(body, t);
  r.text('title', false);
  const event = READERS[t](r);
  if (r.issues.length > 0 || !event) return { ok: false, code: 'INVALID_INPUT', issues: r.issues };
  return { ok: true, event };
}

/** Only the template's fields (and the optional ones each type documents). */
function unknownFields(body: Record<string, unknown>, type: CchType): BodyIssue[] {
  const known = [...Object.keys(CCH_TEMPLATES[type]), ...OPTIONAL_FIELDS[type]];
  return Object.keys(body)
    .filter((k) => !known.includes(k))
    .map((k) => ({ path: k, message: `${unknownFieldMessage(k, known)} in the ${type} template` }));
}

/** Fields a template may add to the documented ones (values CCH has no placeholder for). */
const OPTIONAL_FIELDS: Record<CchType, string[]> = {
  circuit_breaker: [],
  cost_alert: ['period'],
  daily_leaderboard: ['totalTokens'],
  cache_hit_rate_alert: ['minEligibleRequests', 'minEligibleTokens'],
};

const READERS: { [T in CchType]: (r: FieldReader) => BridgedEvent | undefined } = {
  circuit_breaker(r) {
    const source = r.oneOf('incidentSource', ['provider', 'endpoint'] as const, false) ?? 'provider';
    const providerId = r.text('providerId', true);
    const report = {
      state: 'open',
      providerId: providerId !== undefined && source === 'endpoint' ? vendorProviderId(providerId) : providerId,
      providerName: r.text('providerName', true),
      failureCount: r.whole('failureCount', true),
      retryAt: r.text('retryAt', true),
      lastError: r.text('lastError', false),
      ...(source === 'endpoint'
        ? {
            incidentSource: source,
            endpointId: r.text('endpointId', true),
            endpointUrl: r.text('endpointUrl', false),
          }
        : providerOnly(r)),
    };
    const valid = validated(r, CircuitBreakerReport, report);
    return valid && { type: 'circuit_breaker', report: valid };
  },

  cost_alert(r) {
    const targetName = r.text('targetName', true);
    const data = validated(r, CostAlertData, {
      targetType: r.oneOf('targetType', ['user', 'provider'] as const, true),
      // CCH names no id for the key or provider over its limit: its name stands in.
      targetId: targetName?.slice(0, 128),
      targetName,
      currentCost: r.decimal('currentCost', true),
      quotaLimit: r.decimal('quotaLimit', true),
      threshold: r.decimal('threshold', false) ?? CCH_DEFAULT_THRESHOLD,
      period: costPeriod(r),
    });
    return data && { type: 'cost_alert', data };
  },

  daily_leaderboard(r) {
    const totalTokens = r.whole('totalTokens', false);
    const data = validated(r, DailyLeaderboardData, {
      date: r.text('date', true),
      entries: r.jsonArray('entries'),
      totalRequests: r.whole('totalRequests', true),
      totalCost: r.decimal('totalCost', true),
      ...(totalTokens === undefined ? {} : { totalTokens }),
    });
    return data && { type: 'daily_leaderboard', data };
  },

  cache_hit_rate_alert(r) {
    const windowMode = r.oneOf('windowMode', ['5m', '30m', '1h', '1.5h'] as const, true);
    const anomalies = r.jsonArray('anomalies')?.map(cchAnomaly);
    const count = r.whole('anomalyCount', false);
    if (count !== undefined && anomalies && count !== anomalies.length) {
      r.problem('anomalyCount', `is ${count}, but anomalies holds ${anomalies.length}`);
    }
    const generatedAt = r.text('generatedAt', true);
    const sample = minSample(r);
    const data = validated(r, CacheHitRateData, {
      windowMode,
      windowMinutes: windowMode ? WINDOW_MINUTES[windowMode] : undefined,
      windowStart: r.text('windowStart', true),
      windowEnd: r.text('windowEnd', true),
      anomalies,
      suppressedCount: r.whole('suppressedCount', true),
      absMin: r.decimal('absMin', true),
      dropRel: r.decimal('dropRel', true),
      dropAbs: r.decimal('dropAbs', true),
      minEligibleRequests: sample?.requests,
      minEligibleTokens: sample?.tokens,
      cooldownMinutes: r.whole('cooldownMinutes', true),
      topN: r.whole('topN', true),
    });
    if (generatedAt !== undefined && Number.isNaN(Date.parse(generatedAt))) {
      r.problem('generatedAt', 'must be an ISO 8601 date-time, e.g. 2026-01-15T14:30:00.000Z');
    }
    return data && generatedAt ? { type: 'cache_hit_rate_alert', data, generatedAt } : undefined;
  },
};

/** A provider incident: CCH fills the endpoint placeholders with "" (anything else is a mistake). */
function providerOnly(r: FieldReader): Record<string, never> {
  for (const name of ['endpointId', 'endpointUrl']) {
    if (r.text(name, false) !== undefined) r.problem(name, 'only for incidentSource "endpoint"');
  }
  return {};
}

/** `period` when the template says it, else CCH's 统计周期 line in `sections`. */
function costPeriod(r: FieldReader): CostPeriod | undefined {
  const given = r.text('period', false);
  if (given !== undefined) {
    const p = PERIODS[given] ?? ((COST_PERIODS as readonly string[]).includes(given) ? (given as CostPeriod) : null);
    if (p) return p;
    return r.problem('period', `must be one of ${[...COST_PERIODS, ...Object.keys(PERIODS)].join(', ')}`);
  }
  const sections = r.text('sections', true);
  if (sections === undefined) return undefined;
  const label = sectionField(sections, '统计周期');
  const p = label === undefined ? undefined : PERIODS[label];
  if (p) return p;
  return r.problem(
    'sections',
    label === undefined
      ? 'has no "统计周期: …" line (CCH\'s period): use {{sections}} as the template does, or set "period"'
      : `has the period "${label}", which is not one of ${Object.keys(PERIODS).join(', ')}`,
  );
}

/** The minimum sample: explicit fields, else CCH's "最小样本: req>=20, tok>=0" line. */
function minSample(r: FieldReader): { requests: number; tokens: number } | undefined {
  const requests = r.whole('minEligibleRequests', false);
  const tokens = r.whole('minEligibleTokens', false);
  if (requests !== undefined && tokens !== undefined) return { requests, tokens };
  const sections = r.text('sections', true);
  if (sections === undefined) return undefined;
  const m = /^req>=(\d+), tok>=(\d+)$/.exec(sectionField(sections, '最小样本') ?? '');
  if (!m) {
    return r.problem(
      'sections',
      'has no "最小样本: req>=N, tok>=N" line (CCH\'s minimum sample): use {{sections}} as the template does, or set minEligibleRequests and minEligibleTokens',
    ) as undefined;
  }
  return { requests: requests ?? Number(m[1]), tokens: tokens ?? Number(m[2]) };
}

/** One element of `{{anomalies_json}}`: CCH's numeric provider id as Herald's text id; CCH's providerType dropped. */
function cchAnomaly(a: unknown): unknown {
  if (!isRecord(a)) return a;
  const keys = Object.keys(CacheAnomalyData.shape);
  const picked = Object.fromEntries(Object.entries(a).filter(([k]) => keys.includes(k)));
  return typeof picked.providerId === 'number' ? { ...picked, providerId: String(picked.providerId) } : picked;
}

/** Body fields that Herald's data takes from another one (CCH has no placeholder of its own for them). */
const FROM_FIELD: Record<string, string> = {
  targetId: 'targetName',
  windowMinutes: 'windowMode',
  minEligibleRequests: 'sections',
  minEligibleTokens: 'sections',
  period: 'sections',
};

/**
 * Herald's own schema over what was read, its issues named by the body's fields. A field that
 * could not be read is already named; what the schema says of its missing value is left out.
 */
function validated<S extends z.ZodType>(r: FieldReader, schema: S, value: unknown): z.output<S> | undefined {
  const named = new Set(r.issues.map((i) => i.path.split('.')[0]));
  const parsed = schema.safeParse(value);
  if (parsed.success) return r.issues.length > 0 ? undefined : parsed.data;
  for (const i of parsed.error.issues) {
    const [head = '(body)', ...rest] = i.path.map(String);
    const field = FROM_FIELD[head] ?? head;
    if (named.has(head) || named.has(field)) continue;
    r.problem([field, ...(FROM_FIELD[head] ? [] : rest)].join('.'), i.message);
  }
  return undefined;
}

function fail(path: string, message: string): ParsedBody {
  return { ok: false, code: 'INVALID_INPUT', issues: [{ path, message }] };
}
