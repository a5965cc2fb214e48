import { z } from 'zod';
import { HttpUrl, SecretText } from './common.ts';
import { strict } from './strict.ts';

/**
 * The optional Claude Code Hub health connector: Herald polls CCH's admin REST API
 * (`GET <baseUrl>/api/v1/providers/health`) and turns each provider breaker's changes into its
 * own alerts and recoveries (CCH sends no recovery). The admin token is sealed like any secret.
 */

/** pg-boss reads its schedules every 30 s: a shorter interval would not poll any faster. */
export const CCH_POLL_INTERVAL_MIN_SECONDS = 30;
export const CCH_POLL_INTERVAL_MAX_SECONDS = 3600;
export const CCH_POLL_INTERVAL_DEFAULT_SECONDS = 60;

/** The path polled under the base URL. */
export const CCH_HEALTH_PATH = '/api/v1/providers/health';

/** Where CCH answers: its origin, or a path it is served under; no query, no fragment. */
export const CchBaseUrl = HttpUrl.refine(
  (v) => !URL.canParse(v) || (new URL(v).search === '' && new URL(v).hash === ''),
  'must not carry a ?query or #fragment: give the address CCH is served at, e.g. https://cch.example.com',
);

const IntervalSeconds = z
  .number('must be a number of seconds')
  .int('whole seconds')
  .min(CCH_POLL_INTERVAL_MIN_SECONDS, `at least ${CCH_POLL_INTERVAL_MIN_SECONDS} seconds`)
  .max(CCH_POLL_INTERVAL_MAX_SECONDS, `at most ${CCH_POLL_INTERVAL_MAX_SECONDS} seconds (an hour)`);

/** `cch.connector.set`: what is sent changes, what is left out stays. The token is write-only. */
export const SetCchConnectorInput = strict(
  z.object({
    enabled: z.boolean().optional(),
    baseUrl: CchBaseUrl.optional(),
    /** CCH's admin token (its ADMIN_TOKEN, or an admin's API key); never shown again. */
    token: SecretText.optional(),
    intervalSeconds: IntervalSeconds.optional(),
  }),
);
export type SetCchConnectorInput = z.output<typeof SetCchConnectorInput>;

/** `cch.connector.test`: polls once without recording anything, with the values typed (else the stored ones). */
export const TestCchConnectorInput = strict(
  z.object({
    baseUrl: CchBaseUrl.optional(),
    token: SecretText.optional(),
  }),
);
export type TestCchConnectorInput = z.output<typeof TestCchConnectorInput>;

export const CCH_BREAKER_STATES = ['closed', 'open', 'half-open'] as const;
export type CchBreakerState = (typeof CCH_BREAKER_STATES)[number];

/** The connector as the API shows it: the token only as set + hint. */
export const CchConnector = z.object({
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  token: z.object({ set: z.boolean(), hint: z.string().nullable() }),
  intervalSeconds: z.number().int(),
  lastPoll: z
    .object({
      at: z.iso.datetime(),
      ok: z.boolean(),
      /** Why the last poll failed (CCH's status, a network error), never the token. */
      error: z.string().nullable(),
      /** Providers in CCH's last answer, and how many of their breakers were not closed. */
      providers: z.number().int().nullable(),
      notClosed: z.number().int().nullable(),
    })
    .nullable(),
  updatedAt: z.iso.datetime(),
});
export type CchConnector = z.infer<typeof CchConnector>;

export const CchConnectorTestResult = z.object({
  ok: z.boolean(),
  /** CCH's HTTP status, or null when no answer came. */
  status: z.number().int().nullable(),
  providers: z.number().int().nullable(),
  notClosed: z.number().int().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int(),
});
export type CchConnectorTestResult = z.infer<typeof CchConnectorTestResult>;
