import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { BREAKER_SOURCE_FIELDS, CircuitBreakerData, withSourceRules } from '../notifications/circuit-breaker.ts';
import { HHMM } from './common.ts';
import { HubId, HubTime } from './hub.ts';
import { strict } from './strict.ts';
import { Text } from './text.ts';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Quiet hours of a binding, in its time zone: on each listed day from `from` to `to`; when `to`
 * is not after `from` the period runs past midnight into the next day (the day is where it starts).
 */
export const QuietHours = z
  .object({
    days: z
      .array(z.number().int().min(1, 'days are 1 (Monday) to 7 (Sunday)').max(7, 'days are 1 (Monday) to 7 (Sunday)'))
      .min(1, 'pick at least one day')
      .max(7)
      .refine((d) => new Set(d).size === d.length, 'a day is listed twice'),
    from: HHMM,
    to: HHMM,
    /** Circuit-breaker alerts and 100 % quota alerts still go out during quiet hours (default). */
    bypassUrgent: z.boolean().default(true),
  })
  .refine((q) => q.from !== q.to, { path: ['to'], message: 'must differ from the start' });
export type QuietHours = z.output<typeof QuietHours>;

/** A target's own pace, below its platform's. */
export const PacePerMinute = z
  .number('must be a number of messages per minute')
  .int('a whole number of messages per minute')
  .min(1, 'at least 1 message per minute')
  .max(600, 'at most 600 messages per minute');

export const SILENCE_MATCHERS = ['provider', 'user', 'type'] as const;

export const SilenceMatcher = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('provider'), providerId: HubId }),
    z.object({ kind: z.literal('user'), userId: HubId }),
    z.object({
      kind: z.literal('type'),
      notificationType: z.enum(NOTIFICATION_TYPES, `must be one of ${NOTIFICATION_TYPES.join(', ')}`),
    }),
  ],
  { error: `kind must be one of ${SILENCE_MATCHERS.join(', ')}` },
);
export type SilenceMatcher = z.output<typeof SilenceMatcher>;

/** The longest a silence may last: 30 days. */
export const SILENCE_MAX_MINUTES = 30 * 24 * 60;

export const CreateSilenceInput = z
  .object({
    matcher: SilenceMatcher,
    durationMinutes: z
      .number('must be a number of minutes')
      .int('whole minutes')
      .min(1, 'at least 1 minute')
      .max(SILENCE_MAX_MINUTES, `at most ${SILENCE_MAX_MINUTES} minutes (30 days)`),
    reason: Text().trim().max(200, 'at most 200 characters').default(''),
  })
  .strict();
export type CreateSilenceInput = z.input<typeof CreateSilenceInput>;

export const SilenceIdInput = z.object({ id: z.uuid('id must be a UUID') });

export const ListSilencesInput = z
  .object({ includeEnded: z.boolean().default(false) })
  .strict()
  .default({ includeEnded: false });

export const SilenceView = z.object({
  id: z.uuid(),
  matcher: SilenceMatcher,
  /** The provider's or user's name where Herald knows it. */
  matcherName: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  active: z.boolean(),
  /** Deliveries it held back (logged as skipped). */
  heldBack: z.number().int(),
});
export type SilenceView = z.infer<typeof SilenceView>;

/** A target's pace and what waits for it, for the dashboard. */
export const TargetPaceView = z.object({
  /** A target id, or null for a legacy-mode URL (`type` says which). */
  targetId: z.uuid().nullable(),
  type: z.enum(NOTIFICATION_TYPES).nullable(),
  /** The platform's pace in messages per minute (null: unlimited). */
  platformPerMinute: z.number().nullable(),
  /** The pace in force now, slowed after a platform's refusal (null: unlimited). */
  effectivePerMinute: z.number().nullable(),
  slowedUntil: z.iso.datetime().nullable(),
  /** Deliveries waiting (pace, platform limit, grouping, quiet hours). */
  waiting: z.number().int(),
  /** When the next waiting delivery goes. */
  nextAt: z.iso.datetime().nullable(),
  refusals: z.number().int(),
  lastRefusalAt: z.iso.datetime().nullable(),
});
export type TargetPaceView = z.infer<typeof TargetPaceView>;

const ClosedReport = withSourceRules(
  strict(
    z.object({
      state: z.literal('closed').describe('The breaker closed again at the hub.'),
      providerId: CircuitBreakerData.shape.providerId,
      providerName: CircuitBreakerData.shape.providerName.optional(),
      closedAt: HubTime.optional().describe(
        'When it closed. Default: when Herald receives the report; kept between the opening and now.',
      ),
      ...BREAKER_SOURCE_FIELDS,
    }),
  ),
);

/**
 * `hub.reportCircuitBreaker`: `state: "open"` (the default, so hubs that send no state keep
 * working) with the opening's details, or `state: "closed"` when the breaker closed again.
 * `incidentSource: "endpoint"` with `endpointId` (and optionally `endpointUrl`) makes it about
 * one endpoint of the provider; absent, it is the provider's own breaker, as before endpoints.
 */
export const CircuitBreakerReport = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) && !('state' in v) ? { ...v, state: 'open' } : v),
  z.discriminatedUnion(
    'state',
    [
      strict(
        CircuitBreakerData.extend({
          // The default is the preprocess's too; here it tells the JSON Schema that state may be left out.
          state: z.literal('open').default('open').describe('The breaker opened.'),
        }),
      ),
      ClosedReport,
    ],
    {
      error: 'state must be "open" or "closed"',
    },
  ),
);
export type CircuitBreakerReport = z.output<typeof CircuitBreakerReport>;

export const BREAKER_OUTCOMES = ['alerted', 'recovered', 'flapping', 'suppressed', 'disabled', 'ignored'] as const;
export type BreakerOutcome = (typeof BREAKER_OUTCOMES)[number];

/**
 * Why a report told nobody. With `suppressed`: cooldown (a repeat within 5 minutes while
 * open), flapping (quiet until it stays closed 15 minutes), silenced (a silence held the
 * message back: logged as skipped under `notificationId`), no_recipients (nothing is bound to
 * circuit_breaker). With `ignored`: never_open, already_closed, opening_not_alerted.
 */
export const BREAKER_REASONS = [
  'cooldown',
  'flapping',
  'silenced',
  'no_recipients',
  'never_open',
  'already_closed',
  'opening_not_alerted',
] as const;
export type BreakerReason = (typeof BREAKER_REASONS)[number];

/** What became of a breaker report: only `alerted`, `recovered` and `flapping` mean a message is on its way. */
export const CircuitBreakerReportResult = z.object({
  ok: z.literal(true).describe('Always true: the report was accepted (see outcome for what it caused).'),
  /**
   * alerted: the opening's alert was queued; recovered: the recovery was queued (to whoever got
   * the alert); flapping: the one flapping message was queued; suppressed: nothing sent (see
   * `reason`); disabled: circuit-breaker alerts are switched off; ignored: a close for a breaker
   * Herald never saw open, or whose opening told nobody.
   */
  outcome: z
    .enum(BREAKER_OUTCOMES)
    .describe(
      'alerted, recovered, flapping: a message is queued. suppressed: nobody is told (see reason). disabled: circuit-breaker alerts are switched off. ignored: a close for a breaker Herald never saw open, or whose opening told nobody.',
    ),
  reason: z
    .enum(BREAKER_REASONS)
    .optional()
    .describe(
      'With suppressed: cooldown (a repeat within 5 minutes while open), flapping (quiet until closed 15 minutes), silenced (a silence held it back), no_recipients (nothing bound to circuit_breaker). With ignored: never_open, already_closed, opening_not_alerted.',
    ),
  notificationId: z
    .uuid()
    .nullable()
    .describe(
      'The stored message, also when a silence held it back (see the delivery log); null when none was stored.',
    ),
});
export type CircuitBreakerReportResult = z.infer<typeof CircuitBreakerReportResult>;
