import { z } from 'zod';
import { CACHE_WINDOW_MODES } from '../cache-hit-rate/windows.ts';
import { parseLegacyWebhook } from '../channels/legacy.ts';
import { CHANNEL_TYPES, LOCALES, type NotificationType } from '../domain.ts';
import { BALANCE_LEVELS_DEFAULT, BALANCE_LEVELS_MAX, BALANCE_MAX } from '../provider-balance/levels.ts';
import { HHMM, SecretState, TimeZone } from './common.ts';
import { coded } from './issue-codes.ts';
import { Text } from './text.ts';

/** The spec's defaults. */
export const SETTINGS_DEFAULTS = {
  enabled: false,
  useLegacyMode: true,
  circuitBreakerEnabled: false,
  costAlertEnabled: false,
  dailyLeaderboardEnabled: false,
  costAlertThreshold: 0.8,
  costAlertCheckInterval: 60,
  dailyLeaderboardTime: '09:00',
  dailyLeaderboardTopN: 5,
  locale: 'zh-CN',
  circuitBreakerGroupWaitSeconds: 10,
  costAlertGroupWaitSeconds: 0,
  costAlertDigestThreshold: 3,
  costAlertRecoveryEnabled: false,
  paceDigests: true,
  cacheHitRateEnabled: false,
  cacheHitRateWindowMode: 'auto',
  cacheHitRateCheckInterval: 5,
  cacheHitRateLookbackDays: 7,
  cacheHitRateMinEligibleRequests: 20,
  cacheHitRateMinEligibleTokens: 0,
  cacheHitRateAbsMin: 0.05,
  cacheHitRateDropRel: 0.3,
  cacheHitRateDropAbs: 0.1,
  cacheHitRateCooldownMinutes: 30,
  cacheHitRateTopN: 10,
  providerBalanceEnabled: false,
  providerBalanceDefaultThreshold: null,
  providerBalanceLevels: BALANCE_LEVELS_DEFAULT,
} as const;

const whole = (min: number, max: number) =>
  z
    .number('must be a number')
    .int('a whole number')
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);
/** A rate 0–1 with at most four decimals (0.05 = 5 %). */
const Fraction = z
  .number('must be a number from 0 to 1')
  .min(0, 'must be between 0 and 1 (0.05 = 5 %)')
  .max(1, 'must be between 0 and 1 (0.05 = 5 %)')
  .refine((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6, 'at most four decimals');

/** The lower low-balance levels as fractions of the threshold, from the highest down (e.g. [0.5, 0]). */
export const BalanceLevels = z
  .array(
    z
      .number('each level must be a fraction of the threshold, e.g. 0.5 for half of it')
      .min(0, 'must be 0 (an empty account) or more')
      .lt(1, 'must be below 1 (1 is the threshold itself; 0.5 is half of it)'),
    'must be a list of fractions of the threshold, e.g. [0.5, 0]',
  )
  .max(BALANCE_LEVELS_MAX, `at most ${BALANCE_LEVELS_MAX} levels`)
  .superRefine((levels, ctx) => {
    levels.forEach((level, i) => {
      const before = levels[i - 1];
      if (before !== undefined && !(level < before)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `must be lower than the level before it (${before}): levels go down from the threshold`,
        });
      }
    });
  });

const GroupWait = z
  .number('must be a number of seconds')
  .int('whole seconds')
  .min(0, 'must be between 0 (off) and 600 seconds')
  .max(600, 'must be between 0 (off) and 600 seconds');

export const LEGACY_WEBHOOK_FIELDS = [
  'circuitBreakerWebhook',
  'costAlertWebhook',
  'dailyLeaderboardWebhook',
  'cacheHitRateWebhook',
  'providerBalanceWebhook',
] as const;
export type LegacyWebhookField = (typeof LEGACY_WEBHOOK_FIELDS)[number];

/** The notification type each legacy URL field sends. */
export const LEGACY_WEBHOOK_TYPE = {
  circuitBreakerWebhook: 'circuit_breaker',
  costAlertWebhook: 'cost_alert',
  dailyLeaderboardWebhook: 'daily_leaderboard',
  cacheHitRateWebhook: 'cache_hit_rate',
  providerBalanceWebhook: 'provider_balance',
} as const satisfies Record<LegacyWebhookField, NotificationType>;

/** A legacy webhook URL as typed: trimmed, and only a platform URL `parseLegacyWebhook` accepts. */
export const LegacyWebhookUrl = Text()
  .trim()
  .max(2048, 'at most 2048 characters')
  .superRefine((url, ctx) => {
    const r = parseLegacyWebhook(url);
    if (!r.ok) ctx.addIssue({ code: 'custom', ...coded(r.issue, r.error, r.params) });
  });

export const UpdateSettingsInput = z
  .object({
    enabled: z.boolean(),
    useLegacyMode: z.boolean(),
    circuitBreakerEnabled: z.boolean(),
    costAlertEnabled: z.boolean(),
    dailyLeaderboardEnabled: z.boolean(),
    /** A URL sets it, null clears it, leaving it out keeps it. */
    circuitBreakerWebhook: LegacyWebhookUrl.nullable(),
    costAlertWebhook: LegacyWebhookUrl.nullable(),
    dailyLeaderboardWebhook: LegacyWebhookUrl.nullable(),
    cacheHitRateWebhook: LegacyWebhookUrl.nullable(),
    providerBalanceWebhook: LegacyWebhookUrl.nullable(),
    costAlertThreshold: z
      .number()
      .min(0.5, 'must be between 0.50 and 1.00')
      .max(1, 'must be between 0.50 and 1.00')
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, 'at most two decimals (0.85 = 85 %)'),
    costAlertCheckInterval: z
      .number()
      .int('whole minutes')
      .min(10, 'must be between 10 and 1440 minutes')
      .max(1440, 'must be between 10 and 1440 minutes'),
    dailyLeaderboardTime: HHMM,
    dailyLeaderboardTopN: z
      .number()
      .int('a whole number')
      .min(1, 'must be between 1 and 50')
      .max(50, 'must be between 1 and 50'),
    timezone: TimeZone,
    locale: z.enum(LOCALES, `must be one of ${LOCALES.join(', ')}`),
    /** Circuit-breaker alerts for one target arriving within this many seconds go out as one digest (0: off). */
    circuitBreakerGroupWaitSeconds: GroupWait,
    costAlertGroupWaitSeconds: GroupWait,
    /** A cost check finding more entities than this sends one digest per target. */
    costAlertDigestThreshold: z
      .number('must be a number of entities')
      .int('a whole number')
      .min(1, 'must be between 1 and 1000')
      .max(1000, 'must be between 1 and 1000'),
    /** A message when an alerted entity is back under its threshold in a new window. */
    costAlertRecoveryEnabled: z.boolean(),
    /** Notifications that must wait for a target's pace go out together as one digest. */
    paceDigests: z.boolean(),
    /** The cache-hit-rate alert: its switch and the reference hub's rule settings and ranges. */
    cacheHitRateEnabled: z.boolean(),
    cacheHitRateWindowMode: z.enum(CACHE_WINDOW_MODES, `must be one of ${CACHE_WINDOW_MODES.join(', ')}`),
    cacheHitRateCheckInterval: whole(1, 1440),
    cacheHitRateLookbackDays: whole(1, 90),
    cacheHitRateMinEligibleRequests: whole(1, 100_000),
    cacheHitRateMinEligibleTokens: whole(0, 2_147_483_647),
    cacheHitRateAbsMin: Fraction,
    cacheHitRateDropRel: Fraction,
    cacheHitRateDropAbs: Fraction,
    cacheHitRateCooldownMinutes: whole(0, 1440),
    cacheHitRateTopN: whole(1, 100),
    /** Upstream balance alerts: the switch, the threshold for providers without their own, and the lower levels. */
    providerBalanceEnabled: z.boolean(),
    providerBalanceDefaultThreshold: z
      .number("must be a number, 0 or more, in the provider's currency (null: no default)")
      .min(0, 'must be 0 or more')
      .max(BALANCE_MAX, `at most ${BALANCE_MAX}`)
      .nullable(),
    providerBalanceLevels: BalanceLevels,
  })
  .partial()
  .strict();
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;

const LegacyWebhookState = SecretState.extend({ channel: z.enum(CHANNEL_TYPES).nullable() });

export const Settings = z.object({
  enabled: z.boolean(),
  useLegacyMode: z.boolean(),
  circuitBreakerEnabled: z.boolean(),
  costAlertEnabled: z.boolean(),
  dailyLeaderboardEnabled: z.boolean(),
  circuitBreakerWebhook: LegacyWebhookState,
  costAlertWebhook: LegacyWebhookState,
  dailyLeaderboardWebhook: LegacyWebhookState,
  cacheHitRateWebhook: LegacyWebhookState,
  providerBalanceWebhook: LegacyWebhookState,
  costAlertThreshold: z.number(),
  costAlertCheckInterval: z.number(),
  dailyLeaderboardTime: z.string(),
  dailyLeaderboardTopN: z.number(),
  timezone: z.string(),
  locale: z.enum(LOCALES),
  circuitBreakerGroupWaitSeconds: z.number(),
  costAlertGroupWaitSeconds: z.number(),
  costAlertDigestThreshold: z.number(),
  costAlertRecoveryEnabled: z.boolean(),
  paceDigests: z.boolean(),
  cacheHitRateEnabled: z.boolean(),
  cacheHitRateWindowMode: z.enum(CACHE_WINDOW_MODES),
  cacheHitRateCheckInterval: z.number(),
  cacheHitRateLookbackDays: z.number(),
  cacheHitRateMinEligibleRequests: z.number(),
  cacheHitRateMinEligibleTokens: z.number(),
  cacheHitRateAbsMin: z.number(),
  cacheHitRateDropRel: z.number(),
  cacheHitRateDropAbs: z.number(),
  cacheHitRateCooldownMinutes: z.number(),
  cacheHitRateTopN: z.number(),
  providerBalanceEnabled: z.boolean(),
  providerBalanceDefaultThreshold: z.number().nullable(),
  providerBalanceLevels: z.array(z.number()),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof Settings>;
