import {
  BALANCE_LEVELS_DEFAULT,
  CACHE_WINDOW_MODES,
  type CacheWindowMode,
  type ChannelType,
  LEGACY_WEBHOOK_FIELDS,
  type LegacyWebhookField,
  type Locale,
  parseLegacyWebhook,
  type Settings,
  type UpdateSettingsInput,
} from '@herald/core';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/database.ts';
import { readSettings, writeSettings } from '../db/repos/settings.ts';
import type { SettingsRow } from '../db/tables/settings.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from './audit.ts';
import { reconcileSchedules } from './reconcile-after-change.ts';
import { urlHint } from './secret-hints.ts';

/** The zone of the machine Herald runs on: the settings' default. */
export const SYSTEM_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const COLUMN: Record<
  LegacyWebhookField,
  | 'circuit_breaker_webhook'
  | 'cost_alert_webhook'
  | 'daily_leaderboard_webhook'
  | 'cache_hit_rate_webhook'
  | 'provider_balance_webhook'
> = {
  circuitBreakerWebhook: 'circuit_breaker_webhook',
  costAlertWebhook: 'cost_alert_webhook',
  dailyLeaderboardWebhook: 'daily_leaderboard_webhook',
  cacheHitRateWebhook: 'cache_hit_rate_webhook',
  providerBalanceWebhook: 'provider_balance_webhook',
};

export function settingsView(row: SettingsRow): Settings {
  const legacy = (field: LegacyWebhookField) => {
    const h = row.hints[field];
    return {
      set: row[COLUMN[field]] !== null,
      hint: row[COLUMN[field]] !== null ? (h?.hint ?? null) : null,
      channel: row[COLUMN[field]] !== null ? ((h?.channel as ChannelType | undefined) ?? null) : null,
    };
  };
  return {
    enabled: row.enabled,
    useLegacyMode: row.use_legacy_mode,
    circuitBreakerEnabled: row.circuit_breaker_enabled,
    costAlertEnabled: row.cost_alert_enabled,
    dailyLeaderboardEnabled: row.daily_leaderboard_enabled,
    circuitBreakerWebhook: legacy('circuitBreakerWebhook'),
    costAlertWebhook: legacy('costAlertWebhook'),
    dailyLeaderboardWebhook: legacy('dailyLeaderboardWebhook'),
    cacheHitRateWebhook: legacy('cacheHitRateWebhook'),
    providerBalanceWebhook: legacy('providerBalanceWebhook'),
    costAlertThreshold: Number(row.cost_alert_threshold),
    costAlertCheckInterval: row.cost_alert_check_interval,
    dailyLeaderboardTime: row.daily_leaderboard_time,
    dailyLeaderboardTopN: row.daily_leaderboard_top_n,
    timezone: row.timezone,
    locale: row.locale as Locale,
    circuitBreakerGroupWaitSeconds: row.circuit_breaker_group_wait,
    costAlertGroupWaitSeconds: row.cost_alert_group_wait,
    costAlertDigestThreshold: row.cost_alert_digest_threshold,
    costAlertRecoveryEnabled: row.cost_alert_recovery_enabled,
    paceDigests: row.pace_digests,
    cacheHitRateEnabled: row.cache_hit_rate_enabled,
    cacheHitRateWindowMode: (CACHE_WINDOW_MODES as readonly string[]).includes(row.cache_hit_rate_window_mode)
      ? (row.cache_hit_rate_window_mode as CacheWindowMode)
      : 'auto',
    cacheHitRateCheckInterval: row.cache_hit_rate_check_interval,
    cacheHitRateLookbackDays: row.cache_hit_rate_lookback_days,
    cacheHitRateMinEligibleRequests: row.cache_hit_rate_min_eligible_requests,
    cacheHitRateMinEligibleTokens: row.cache_hit_rate_min_eligible_tokens,
    cacheHitRateAbsMin: Number(row.cache_hit_rate_abs_min),
    cacheHitRateDropRel: Number(row.cache_hit_rate_drop_rel),
    cacheHitRateDropAbs: Number(row.cache_hit_rate_drop_abs),
    cacheHitRateCooldownMinutes: row.cache_hit_rate_cooldown_minutes,
    cacheHitRateTopN: row.cache_hit_rate_top_n,
    providerBalanceEnabled: row.provider_balance_enabled,
    providerBalanceDefaultThreshold: balanceThresholdOf(row),
    providerBalanceLevels: balanceLevelsOf(row),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The default low-balance threshold (numeric comes back as a string; null: none). */
export function balanceThresholdOf(row: SettingsRow): number | null {
  return row.provider_balance_default_threshold === null ? null : Number(row.provider_balance_default_threshold);
}

/** The lower low-balance levels as stored; anything but a list of numbers reads as the default. */
export function balanceLevelsOf(row: SettingsRow): number[] {
  const v: unknown = row.provider_balance_levels;
  return Array.isArray(v) && v.every((f) => typeof f === 'number') ? v : [...BALANCE_LEVELS_DEFAULT];
}

export async function getSettings(db: Db): Promise<Settings> {
  return settingsView(await readSettings(db, SYSTEM_TIMEZONE));
}

/** The row with legacy URLs opened, for the engine (never for the API). */
export async function readSettingsWithSecrets(db: Db, box: SecretBox) {
  const row = await readSettings(db, SYSTEM_TIMEZONE);
  const open = (v: string | null) => (v === null ? null : box.open(v));
  return {
    row,
    legacy: {
      circuitBreakerWebhook: open(row.circuit_breaker_webhook),
      costAlertWebhook: open(row.cost_alert_webhook),
      dailyLeaderboardWebhook: open(row.daily_leaderboard_webhook),
      cacheHitRateWebhook: open(row.cache_hit_rate_webhook),
      providerBalanceWebhook: open(row.provider_balance_webhook),
    },
  };
}

function toColumns(input: UpdateSettingsInput, row: SettingsRow, box: SecretBox): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  const plain = {
    enabled: 'enabled',
    useLegacyMode: 'use_legacy_mode',
    circuitBreakerEnabled: 'circuit_breaker_enabled',
    costAlertEnabled: 'cost_alert_enabled',
    dailyLeaderboardEnabled: 'daily_leaderboard_enabled',
    costAlertThreshold: 'cost_alert_threshold',
    costAlertCheckInterval: 'cost_alert_check_interval',
    dailyLeaderboardTime: 'daily_leaderboard_time',
    dailyLeaderboardTopN: 'daily_leaderboard_top_n',
    timezone: 'timezone',
    locale: 'locale',
    circuitBreakerGroupWaitSeconds: 'circuit_breaker_group_wait',
    costAlertGroupWaitSeconds: 'cost_alert_group_wait',
    costAlertDigestThreshold: 'cost_alert_digest_threshold',
    costAlertRecoveryEnabled: 'cost_alert_recovery_enabled',
    paceDigests: 'pace_digests',
    cacheHitRateEnabled: 'cache_hit_rate_enabled',
    cacheHitRateWindowMode: 'cache_hit_rate_window_mode',
    cacheHitRateCheckInterval: 'cache_hit_rate_check_interval',
    cacheHitRateLookbackDays: 'cache_hit_rate_lookback_days',
    cacheHitRateMinEligibleRequests: 'cache_hit_rate_min_eligible_requests',
    cacheHitRateMinEligibleTokens: 'cache_hit_rate_min_eligible_tokens',
    cacheHitRateAbsMin: 'cache_hit_rate_abs_min',
    cacheHitRateDropRel: 'cache_hit_rate_drop_rel',
    cacheHitRateDropAbs: 'cache_hit_rate_drop_abs',
    cacheHitRateCooldownMinutes: 'cache_hit_rate_cooldown_minutes',
    cacheHitRateTopN: 'cache_hit_rate_top_n',
    providerBalanceEnabled: 'provider_balance_enabled',
    providerBalanceDefaultThreshold: 'provider_balance_default_threshold',
  } as const;
  for (const [field, column] of Object.entries(plain)) {
    const v = input[field as keyof typeof plain];
    if (v !== undefined) set[column] = v;
  }
  // jsonb: pg would send a JavaScript array as a Postgres array.
  if (input.providerBalanceLevels !== undefined) {
    set.provider_balance_levels = JSON.stringify(input.providerBalanceLevels);
  }
  const hints = { ...row.hints };
  for (const field of LEGACY_WEBHOOK_FIELDS) {
    const v = input[field];
    if (v === undefined) continue;
    if (v === null) {
      set[COLUMN[field]] = null;
      delete hints[field];
    } else {
      const parsed = parseLegacyWebhook(v);
      if (!parsed.ok) throw new Error(parsed.error); // the schema already refused these
      set[COLUMN[field]] = box.seal(v);
      hints[field] = { hint: urlHint(v), channel: parsed.value.channel };
    }
  }
  set.hints = JSON.stringify(hints);
  return set;
}

export async function updateSettings(deps: AppDeps, input: UpdateSettingsInput, actor: string): Promise<Settings> {
  const after = await deps.db.transaction().execute(async (trx) => {
    const row = await readSettings(trx, SYSTEM_TIMEZONE, true);
    const updated = await writeSettings(trx, toColumns(input, row, deps.secretBox));
    await recordAudit(trx, {
      actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: null,
      before: settingsView(row),
      after: settingsView(updated),
    });
    return updated;
  });
  await reconcileSchedules(deps);
  return settingsView(after);
}
