import { z } from 'zod';
import { BALANCE_MAX } from '../provider-balance/levels.ts';
import { HUB_NAME_MAX, HubId, HubTime } from './hub.ts';
import { strict } from './strict.ts';
import { NameText } from './text.ts';

/** A currency as ISO 4217 spells it (USD, CNY, EUR); any case is accepted and upper-cased. */
export const CurrencyCode = z
  .string('must be a 3-letter currency code such as USD or CNY')
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code such as USD or CNY')
  .transform((v) => v.toUpperCase());

/** A missing field says so, rather than "must be a number". */
const orMissing = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
});

/**
 * `hub.reportProviderBalance`: an upstream account's balance as the hub last read it. The
 * threshold is the provider's own; without it the settings' default applies, and with neither
 * the balance is recorded but never alerted.
 */
export const ProviderBalanceReport = strict(
  z.object({
    providerId: HubId.describe("The provider's id in the hub (as in hub.syncProviders)."),
    providerName: NameText('must be a string')
      .pipe(z.string().trim().min(1, 'must not be empty').max(HUB_NAME_MAX, `at most ${HUB_NAME_MAX} characters`))
      .optional()
      .describe("Shown in messages; kept as the provider's name. Omitted: the name Herald has."),
    balance: z
      .number(orMissing('must be a number (negative when overdrawn)'))
      .min(-BALANCE_MAX, `must be between -${BALANCE_MAX} and ${BALANCE_MAX}`)
      .max(BALANCE_MAX, `must be between -${BALANCE_MAX} and ${BALANCE_MAX}`)
      .describe('The account balance in `currency`; negative when the account is overdrawn.'),
    currency: CurrencyCode.default('USD').describe('ISO 4217 code of the balance and threshold (any case).'),
    lowBalanceThreshold: z
      .number('must be a number, 0 or more (leave it out to use the default threshold)')
      .min(0, 'must be 0 or more')
      .max(BALANCE_MAX, `at most ${BALANCE_MAX}`)
      .optional()
      .describe(
        "Alert under this balance, in `currency`. Omitted: the settings' default threshold (none: recorded, never alerted).",
      ),
    reportedAt: HubTime.optional().describe(
      'When the hub read the balance. Default: when Herald receives it. A report older than the last changes nothing.',
    ),
  }),
);
export type ProviderBalanceReport = z.output<typeof ProviderBalanceReport>;
export type ProviderBalanceReportInput = z.input<typeof ProviderBalanceReport>;

export const BALANCE_OUTCOMES = ['alerted', 'recovered', 'suppressed', 'unchanged', 'disabled'] as const;
/** Why a balance message told nobody (with `suppressed`). */
export const BALANCE_REASONS = ['silenced', 'no_recipients'] as const;

/** What became of a balance report. */
export const ProviderBalanceReportResult = z.object({
  ok: z.literal(true).describe('Always true: the report was accepted (see outcome for what it caused).'),
  /**
   * alerted: a new, lower level was reached and its alert queued; recovered: the balance is back
   * at or above the threshold after an alert (one "topped up" message to whoever got the alert);
   * unchanged: nothing new to say (also a report older than the last); disabled: the type is off.
   */
  outcome: z
    .enum(BALANCE_OUTCOMES)
    .describe(
      'alerted: a new, lower level was reached and its alert queued; recovered: back at or above the threshold after an alert, one message to whoever got it; suppressed: such a message, told to nobody (see reason); unchanged: nothing new to say (also a report older than the last); disabled: provider-balance alerts are switched off.',
    ),
  reason: z
    .enum(BALANCE_REASONS)
    .optional()
    .describe(
      'With suppressed: silenced (a silence held it back; stored under notificationId, logged as skipped) or no_recipients (no target is bound to provider_balance, or nobody got the alert a recovery follows).',
    ),
  level: z
    .string()
    .optional()
    .describe('The lowest level the balance is at now ("low", "50%", "zero"); absent at or above the threshold.'),
  notificationId: z.uuid().nullable().describe('The queued message; null when none was.'),
});
export type ProviderBalanceReportResult = z.infer<typeof ProviderBalanceReportResult>;
