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
    requestId: HubId.describe(
      "The request's id in the hub, the record's idempotency key: a requestId Herald already has is a duplicate and changes nothing (first write wins).",
    ),
    userId: HubId.describe('The user who made the request (the id the hub syncs users by; need not be synced first).'),
    providerId: HubId.describe(
      'The provider that served it (the id the hub syncs providers by; need not be synced first).',
    ),
    costUsd: Usd.describe('What the request cost, in US dollars (0.0123 is 1.23 cents).'),
    inputTokens: Tokens.describe('Input tokens, not counting cache writes or reads.'),
    outputTokens: Tokens.describe('Output tokens.'),
    cacheCreationInputTokens: Tokens.default(0).describe('Input tokens written to the prompt cache.'),
    cacheReadInputTokens: Tokens.default(0).describe('Input tokens read from the prompt cache.'),
    success: z
      .boolean('must be true or false')
      .default(true)
      .describe("Whether the upstream served it. A failure counts towards Herald's own breaker for the provider."),
    errorMessage: z
      .string('must be a string or null')
      .nullish()
      .transform((v) => (v ? cleanText(v, USAGE_ERROR_MESSAGE_MAX) || null : null))
      .describe(
        `The upstream's error, free text: NUL characters are dropped and it is cut at ${USAGE_ERROR_MESSAGE_MAX} characters, never refused.`,
      ),
    createdAt: HubTime.optional().describe('When the request was made. Default: when Herald receives the record.'),
    // What the cache-hit-rate alert judges by; all optional (without them it says it cannot judge).
    model: Text()
      .trim()
      .min(1, 'must not be empty')
      .max(HUB_NAME_MAX, `at most ${HUB_NAME_MAX} characters`)
      .optional()
      .describe('The model the request was billed as (the cache-hit-rate alert is per provider and model).'),
    sessionId: Text()
      .trim()
      .min(1, 'must not be empty')
      .max(HUB_ID_MAX, `at most ${HUB_ID_MAX} characters`)
      .optional()
      .describe("The client's session (the cache-hit-rate alert follows requests within one)."),
    requestSequence: z
      .number('must be a whole number from 1')
      .int('must be a whole number from 1')
      .min(1, 'must be a whole number from 1')
      .max(1_000_000_000, 'at most 1000000000')
      .optional()
      .describe("The request's number in its session: 1 is the first."),
    cacheCreation5mInputTokens: Tokens.optional().describe(
      "Of cacheCreationInputTokens, those written to a 5-minute cache (Anthropic's default).",
    ),
    cacheCreation1hInputTokens: Tokens.optional().describe(
      'Of cacheCreationInputTokens, those written to a 1-hour cache.',
    ),
    cacheTtlApplied: z
      .string('must be a string such as "5m" or "1h"')
      .trim()
      .regex(/^(mixed|\d{1,9}[hms])$/i, 'must be "5m", "1h", "mixed", or a number with h, m or s (e.g. "10m")')
      .optional()
      .describe(
        'The cache TTL the hub applied, when it has no split: "5m", "1h", "mixed", or a number with h, m or s ("10m", "90s"). Default: an hour.',
      ),
    statusCode: z
      .number('must be an HTTP status')
      .int('must be an HTTP status')
      .min(100, 'must be 100–599')
      .max(599, 'must be 100–599')
      .optional()
      .describe("The upstream's HTTP status. The cache-hit-rate alert counts 2xx only; without it, success decides."),
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
    records: z
      .array(UsageRecordInput)
      .max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} records per call`)
      .describe(
        'The requests, in any order. One bad record refuses the whole call, naming each bad field (records.3.costUsd).',
      ),
  }),
);
export type RecordUsageInput = z.input<typeof RecordUsageInput>;

export const RecordUsageResult = z.object({
  accepted: z.number().int().describe('Records stored by this call.'),
  duplicates: z
    .number()
    .int()
    .describe('Records whose requestId Herald already had (from an earlier call or earlier in this batch): ignored.'),
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

/** What a limit covers; the periods start in the time zone of the binding, else of the settings. */
const LIMIT_TEXT = {
  limit5hUsd: 'Spending limit over the last 5 hours, in US dollars.',
  limitWeeklyUsd: 'Spending limit per week from Monday 00:00, in US dollars.',
  limitMonthlyUsd: 'Spending limit per month from the 1st 00:00, in US dollars.',
};
const limit = (field: keyof typeof LIMIT_TEXT, who: string) =>
  Limit.describe(`${LIMIT_TEXT[field]} null: no limit; omitted: keep Herald's (none for a new ${who}).`);

export const HubUserInput = strict(
  z.object({
    id: HubId.describe("The user's id in the hub; usage records name it as userId."),
    name: Name.describe('Shown in messages.'),
    limit5hUsd: limit('limit5hUsd', 'user'),
    limitWeeklyUsd: limit('limitWeeklyUsd', 'user'),
    limitMonthlyUsd: limit('limitMonthlyUsd', 'user'),
    isEnabled: z
      .boolean('must be true or false')
      .optional()
      .describe("A disabled user is left out of cost checks. Omitted: keep Herald's (enabled for a new user)."),
  }),
);
export type HubUserInput = z.input<typeof HubUserInput>;
export type HubUser = z.output<typeof HubUserInput>;

export const SyncUsersInput = strict(
  z.object({
    users: z
      .array(HubUserInput)
      .max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} users per call`)
      .describe('Users to create or update, each id once; users not listed are left as they are.'),
  }),
).superRefine((v, ctx) => uniqueIds('users')(v.users, ctx));
export type SyncUsersInput = z.input<typeof SyncUsersInput>;

export const HubProviderInput = strict(
  z.object({
    id: HubId.describe("The provider's id in the hub; usage records and breaker reports name it as providerId."),
    name: Name.describe('Shown in messages.'),
    limit5hUsd: limit('limit5hUsd', 'provider'),
    limitWeeklyUsd: limit('limitWeeklyUsd', 'provider'),
    limitMonthlyUsd: limit('limitMonthlyUsd', 'provider'),
    failureThreshold: z
      .number()
      .int('must be a whole number')
      .min(1, 'at least 1')
      .max(10_000, 'at most 10000')
      .optional()
      .describe(
        `Herald's own breaker opens after this many consecutive failed requests. Omitted: keep Herald's (${DEFAULT_FAILURE_THRESHOLD} for a new provider).`,
      ),
    openDurationMs: z
      .number()
      .int('must be a whole number of milliseconds')
      .min(0)
      .max(7 * 24 * 3_600_000, 'at most 7 days')
      .optional()
      .describe(
        `How long the hub keeps a tripped provider out, in milliseconds: the alert's expected recovery. Omitted: keep Herald's (${DEFAULT_OPEN_DURATION_MS}, ${DEFAULT_OPEN_DURATION_MS / 60_000} minutes, for a new provider).`,
      ),
  }),
);
export type HubProviderInput = z.input<typeof HubProviderInput>;
export type HubProvider = z.output<typeof HubProviderInput>;

export const SyncProvidersInput = strict(
  z.object({
    providers: z
      .array(HubProviderInput)
      .max(HUB_BATCH_MAX, `at most ${HUB_BATCH_MAX} providers per call`)
      .describe('Providers to create or update, each id once; providers not listed are left as they are.'),
  }),
).superRefine((v, ctx) => uniqueIds('providers')(v.providers, ctx));
export type SyncProvidersInput = z.input<typeof SyncProvidersInput>;

/** What a sync did: entities new to Herald, and ones it already had (updated, even if nothing changed). */
export const SyncResult = z.object({
  created: z.number().int().describe('Ids Herald did not have.'),
  updated: z.number().int().describe('Ids Herald had (counted even when nothing changed).'),
});
export type SyncResult = z.infer<typeof SyncResult>;

/** `hub.ping`: the key works; its name as the dashboard shows it. */
export const HubPingResult = z.object({
  ok: z.literal(true).describe('Always true: the key is valid.'),
  apiKeyName: z.string().describe("The API key's name, as the dashboard shows it."),
});
export type HubPingResult = z.infer<typeof HubPingResult>;
