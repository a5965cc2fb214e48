import { z } from 'zod';
import { strict } from './strict.ts';
import { cleanText, NameText, Text } from './text.ts';

/** The most records, users or providers one hub call may carry. */
export const HUB_BATCH_MAX = 5_000;
export const HUB_ID_MAX = 128;
export const HUB_NAME_MAX = 200;
/** Longer error messages are cut to this length, not rejected: a long upstream error must not cost the batch. */
export const USAGE_ERROR_MESSAGE_MAX = 2_000;
/** One request costing more than this is a unit mistake in the hub (micro-dollars sent as dollars), not a price. */
export const USAGE_COST_MAX_USD = 1_000_000;
/** Earliest accepted usage time: an earlier one is a zero or missing timestamp in the hub. */
export const USAGE_EARLIEST = '2000-01-01T00:00:00Z';
/** Accepted times end here: a later one is a unit mistake (milliseconds read as seconds), not a plan. */
export const HUB_TIME_LATEST = '2100-01-01T00:00:00Z';
/** Tokens of one request: far above any model's context window. */
export const USAGE_TOKENS_MAX = 100_000_000;
/** A spending limit above this is no limit: send null instead. */
export const LIMIT_USD_MAX = 1_000_000_000;
/** Herald's own breaker: the defaults when a provider does not say (the reference hub's defaults too). */
export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_OPEN_DURATION_MS = 30 * 60_000;

/**
 * A hub's id for a request, user or provider: a string, kept exactly as sent (an opaque key),
 * or a whole number, stored as its decimal text.
 */
export const HubId = z.union(
  [
    Text().min(1, 'must not be empty').max(HUB_ID_MAX, `at most ${HUB_ID_MAX} characters`),
    z.number().int().nonnegative().transform(String),
  ],
  'must be a string or a whole number',
);

const Name = NameText().pipe(
  z.string().trim().min(1, 'a name is required').max(HUB_NAME_MAX, `at most ${HUB_NAME_MAX} characters`),
);
/** A missing field says so, rather than "must be a number". */
const orMissing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
});
const Tokens = z
  .number(orMissing('must be a number'))
  .int('must be a whole number')
  .nonnegative('must be 0 or more')
  .max(USAGE_TOKENS_MAX, `at most ${USAGE_TOKENS_MAX} tokens in one request`);
const Usd = z
  .number(orMissing('must be a number of US dollars'))
  .nonnegative('must be 0 or more')
  .max(USAGE_COST_MAX_USD, `at most ${USAGE_COST_MAX_USD} (is the hub sending micro-dollars?)`);
/** A spending limit in USD: null = no limit; omitted = keep what Herald has (nothing, for a new entity). */
const Limit = z
  .number('must be a number of US dollars or null')
  .nonnegative('must be 0 or more')
  .max(LIMIT_USD_MAX, `at most ${LIMIT_USD_MAX} USD (send null for no limit)`)
  .nullable()
  .optional();

/** An instant a hub reports: an ISO 8601 date-time with an offset, from 2000 to 2099. */
export const HubTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-01-15T14:30:00Z' })
  .refine(
    // A malformed date-time has its own issue above; this one is only about the range.
    (v) =>
      Number.isNaN(Date.parse(v)) ||
      (Date.parse(v) >= Date.parse(USAGE_EARLIEST) && Date.parse(v) < Date.parse(HUB_TIME_LATEST)),
    'must be between 2000-01-01 and 2099-12-31',
  );

/** One request the hub proxied. Defaults: cache tokens 0, success true, createdAt = when Herald receives it. */
export const UsageRecordInput = strict(
  z.object({
    requestId: HubId,
    userId: HubId,
    providerId: HubId,
    costUsd: Usd,
    inputTokens: Tokens,
    outputTokens: Tokens,
    cacheCreationInputTokens: Tokens.default(0),
    cacheReadInputTokens: Tokens.default(0),
    success: z.boolean('must be true or false').default(true),
    /** Free text: NUL characters are dropped and it is cut, never refused. */
    errorMessage: z
      .string('must be a string or null')
      .nullish()
      .transform((v) => (v ? cleanText(v, USAGE_ERROR_MESSAGE_MAX) || null : null)),
    createdAt: HubTime.optional(),
    // What the cache-hit-rate alert judges by; all optional (without them it says it cannot judge).
    /** The model the request was billed as. */
    model: Text().trim().min(1, 'must not be empty').max(HUB_NAME_MAX, `at most ${HUB_NAME_MAX} characters`).optional(),
    /** The client's session, and the request's number in it (1 = the first). */
    sessionId: Text().trim().min(1, 'must not be empty').max(HUB_ID_MAX, `at most ${HUB_ID_MAX} characters`).optional(),
    requestSequence: z
      .number('must be a whole number from 1')
      .int('must be a whole number from 1')
      .min(1, 'must be a whole number from 1')
      .max(1_000_000_000, 'at most 1000000000')
      .optional(),
    /** The cache-creation tokens split by the cache's TTL (Anthropic's 5-minute and 1-hour caches). */
    cacheCreation5mInputTokens: Tokens.optional(),
    cacheCreation1hInputTokens: Tokens.optional(),
    /** The TTL the hub applied when it has no split: "5m", "1h", "mixed", or e.g. "10m", "2h", "90s". */
    cacheTtlApplied: z
      .string('must be a string such as "5m" or "1h"')
      .trim()
      .regex(/^(mixed|\d{1,9}[hms])$/i, 'must be "5m", "1h", "mixed", or a number with h, m or s (e.g. "10m")')
      .optional(),
    /** The upstream's HTTP status (the alert counts 2xx only; without it, `success` decides). */
    statusCode: z
      .number('must be an HTTP status')
      .int('must be an HTTP status')
      .min(100, 'must be 100–599')
      .max(599, 'must be 100–599')
      .optional(),
  }),
);
export type UsageRecordInput = z.input<typeof UsageRecordInput>;
export type UsageRecord = z.output<typeof UsageRecordInput>;

/**
 * A batch of usage. All or nothing: one bad record answers BAD_REQUEST naming every bad
 * `records.<index>.<field>` and stores nothing; re-sending the fixed batch is safe, because
 * records are idempotent by requestId.
 */
export const RecordUsageInput = strict(
  z.object({
    records: z.array(UsageRecordInput).max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} records per call`),
  }),
);
export type RecordUsageInput = z.input<typeof RecordUsageInput>;

export const RecordUsageResult = z.object({
  /** Records stored by this call. */
  accepted: z.number().int(),
  /** Records already stored (same requestId, earlier call or earlier in this batch): ignored. */
  duplicates: z.number().int(),
});
export type RecordUsageResult = z.infer<typeof RecordUsageResult>;

/** Rejects a second entry with the same id in one sync, naming both positions. */
function uniqueIds<T extends { id: string }>(field: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate of ${field}.${first}.id` });
    });
  };
}

export const HubUserInput = strict(
  z.object({
    id: HubId,
    name: Name,
    limit5hUsd: Limit,
    limitWeeklyUsd: Limit,
    limitMonthlyUsd: Limit,
    /** A disabled user is left out of cost checks. Omitted = keep (enabled, for a new user). */
    isEnabled: z.boolean('must be true or false').optional(),
  }),
);
export type HubUserInput = z.input<typeof HubUserInput>;
export type HubUser = z.output<typeof HubUserInput>;

export const SyncUsersInput = strict(
  z.object({ users: z.array(HubUserInput).max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} users per call`) }),
).superRefine((v, ctx) => uniqueIds('users')(v.users, ctx));
export type SyncUsersInput = z.input<typeof SyncUsersInput>;

export const HubProviderInput = strict(
  z.object({
    id: HubId,
    name: Name,
    limit5hUsd: Limit,
    limitWeeklyUsd: Limit,
    limitMonthlyUsd: Limit,
    /** Herald's own breaker opens after this many consecutive failed requests. Omitted = keep (5 for a new provider). */
    failureThreshold: z
      .number()
      .int('must be a whole number')
      .min(1, 'at least 1')
      .max(10_000, 'at most 10000')
      .optional(),
    /** How long the hub keeps a tripped provider out (for the alert's expected recovery). Omitted = keep (30 min). */
    openDurationMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(0)
      .max(7 * 24 * 3_600_000, 'at most 7 days')
      .optional(),
  }),
);
export type HubProviderInput = z.input<typeof HubProviderInput>;
export type HubProvider = z.output<typeof HubProviderInput>;

export const SyncProvidersInput = strict(
  z.object({
    providers: z.array(HubProviderInput).max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} providers per call`),
  }),
).superRefine((v, ctx) => uniqueIds('providers')(v.providers, ctx));
export type SyncProvidersInput = z.input<typeof SyncProvidersInput>;

/** What a sync did: entities new to Herald, and ones it already had (updated, even if nothing changed). */
export const SyncResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type SyncResult = z.infer<typeof SyncResult>;

/** `hub.ping`: the key works; its name as the dashboard shows it. */
export const HubPingResult = z.object({ ok: z.literal(true), apiKeyName: z.string() });
export type HubPingResult = z.infer<typeof HubPingResult>;
