import { z } from 'zod';
import { CHANNEL_TYPES } from '../domain.ts';

/** Deliveries by outcome; `pending` counts pending and sending. */
export const OutcomeCounts = z.object({
  delivered: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  skipped: z.number().int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

/** One local day of the system time zone ('YYYY-MM-DD'). */
export const OverviewDay = OutcomeCounts.extend({ date: z.iso.date() });
export type OverviewDay = z.infer<typeof OverviewDay>;

export const FailingTarget = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.enum(CHANNEL_TYPES),
  /** Failed deliveries created in the last 24 h. */
  failures24h: z.number().int(),
  lastError: z.string().nullable(),
  lastFailedAt: z.iso.datetime().nullable(),
  lastTest: z.object({ success: z.boolean(), at: z.iso.datetime() }).nullable(),
});
export type FailingTarget = z.infer<typeof FailingTarget>;

export const OverviewSpender = z.object({
  userId: z.string(),
  userName: z.string(),
  totalRequests: z.number().int(),
  totalCost: z.number(),
  totalTokens: z.number().int(),
});
export type OverviewSpender = z.infer<typeof OverviewSpender>;

export const QUOTA_PERIODS = ['5h', 'weekly', 'monthly'] as const;
export const QuotaPeriod = z.enum(QUOTA_PERIODS);
export type QuotaPeriod = z.infer<typeof QuotaPeriod>;

export const QuotaWindow = z.object({
  period: QuotaPeriod,
  spend: z.number(),
  limit: z.number(),
  /** spend / limit (1 = at the limit). */
  ratio: z.number(),
});
export type QuotaWindow = z.infer<typeof QuotaWindow>;

/** A user or provider with at least one limit: only the windows that have one. */
export const QuotaEntity = z.object({ id: z.string(), name: z.string(), windows: z.array(QuotaWindow) });
export type QuotaEntity = z.infer<typeof QuotaEntity>;

export const CircuitBreakerAlert = z.object({
  notificationId: z.uuid(),
  at: z.iso.datetime(),
  providerId: z.string(),
  providerName: z.string(),
  failureCount: z.number().int(),
  retryAt: z.string(),
  lastError: z.string().nullable(),
  /** How the alert's deliveries went. */
  delivered: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});
export type CircuitBreakerAlert = z.infer<typeof CircuitBreakerAlert>;

const RateSampleView = z.object({
  kind: z.enum(['eligible', 'overall']),
  requests: z.number().int(),
  denominatorTokens: z.number(),
  hitRateTokens: z.number(),
});

/** One provider × model's cache hit rate now, beside the baseline the alert compares it with. */
export const CacheHitRateRowView = z.object({
  providerId: z.string(),
  providerName: z.string().nullable(),
  model: z.string(),
  current: RateSampleView,
  baselineSource: z.enum(['historical', 'today', 'prev']).nullable(),
  baseline: RateSampleView.nullable(),
  /** The alert's rule finds it anomalous now. */
  anomaly: z.boolean(),
});
export type CacheHitRateRowView = z.infer<typeof CacheHitRateRowView>;

/** An upstream account's balance as the hub last reported it, with the level it is at. */
export const ProviderBalanceView = z.object({
  providerId: z.string(),
  providerName: z.string().nullable(),
  balance: z.number(),
  currency: z.string(),
  /** The threshold of its last report (its own, else the default then); null: none, never alerted. */
  threshold: z.number().nullable(),
  /** The lowest level it is at now ("low", "50%", "zero"); null at or above the threshold, or without one. */
  level: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type ProviderBalanceView = z.infer<typeof ProviderBalanceView>;

/** The dashboard's Overview: today and the last 7 days in the system time zone. */
export const Overview = z.object({
  timezone: z.string(),
  generatedAt: z.iso.datetime(),
  today: OutcomeCounts,
  /** 7 local days, oldest first, today last; days without deliveries are zeros. */
  days: z.array(OverviewDay),
  failingTargets: z.array(FailingTarget),
  /** Today's top 5 users by cost, and the total cost of every user today. */
  topSpenders: z.object({ users: z.array(OverviewSpender), totalCost: z.number() }),
  /** Up to 8 of each kind, highest ratio first. */
  quotas: z.object({ users: z.array(QuotaEntity), providers: z.array(QuotaEntity) }),
  /** Circuit-breaker alerts of the last 24 h, newest first, at most 20. */
  circuitBreakers: z.array(CircuitBreakerAlert),
  /**
   * The cache hit rate per provider × model in the alert's current window (its settings), beside
   * its baseline; at most 50, anomalies first. `window` is null when no usage carries a model.
   */
  cacheHitRates: z.object({
    window: z.object({ mode: z.string(), start: z.iso.datetime(), end: z.iso.datetime() }).nullable(),
    rows: z.array(CacheHitRateRowView),
  }),
  /** Upstream balances, the lowest relative to its threshold first (those without one last); at most 50. */
  balances: z.array(ProviderBalanceView),
});
export type Overview = z.infer<typeof Overview>;
