import type { ColumnType, Generated, Selectable } from 'kysely';

export type SettingsTable = {
  id: ColumnType<boolean, boolean | undefined, never>;
  enabled: Generated<boolean>;
  use_legacy_mode: Generated<boolean>;
  circuit_breaker_enabled: Generated<boolean>;
  cost_alert_enabled: Generated<boolean>;
  daily_leaderboard_enabled: Generated<boolean>;
  /** Sealed legacy webhook URLs (they carry the platform key). */
  circuit_breaker_webhook: string | null;
  cost_alert_webhook: string | null;
  daily_leaderboard_webhook: string | null;
  /** Per legacy field: `{ hint, channel }`, so reads need no decryption. */
  hints: ColumnType<Record<string, { hint: string; channel: string }>, string | undefined, string>;
  /** numeric comes back from pg as a string. */
  cost_alert_threshold: ColumnType<string, number | undefined, number>;
  cost_alert_check_interval: Generated<number>;
  daily_leaderboard_time: Generated<string>;
  daily_leaderboard_top_n: Generated<number>;
  timezone: string;
  locale: Generated<string>;
  /** Seconds notifications of the type wait to be grouped into one digest (0: off). */
  circuit_breaker_group_wait: Generated<number>;
  cost_alert_group_wait: Generated<number>;
  /** A cost check finding more entities than this sends one digest per target. */
  cost_alert_digest_threshold: Generated<number>;
  /** Tell when an alerted entity is back under its threshold (a new window). */
  cost_alert_recovery_enabled: Generated<boolean>;
  /** Notifications waiting for a target's pace go out together as a digest. */
  pace_digests: Generated<boolean>;
  // The cache-hit-rate alert (numeric columns come back from pg as strings).
  cache_hit_rate_enabled: Generated<boolean>;
  cache_hit_rate_webhook: string | null;
  cache_hit_rate_window_mode: Generated<string>;
  cache_hit_rate_check_interval: Generated<number>;
  cache_hit_rate_lookback_days: Generated<number>;
  cache_hit_rate_min_eligible_requests: Generated<number>;
  cache_hit_rate_min_eligible_tokens: Generated<number>;
  cache_hit_rate_abs_min: ColumnType<string, number | undefined, number>;
  cache_hit_rate_drop_rel: ColumnType<string, number | undefined, number>;
  cache_hit_rate_drop_abs: ColumnType<string, number | undefined, number>;
  cache_hit_rate_cooldown_minutes: Generated<number>;
  cache_hit_rate_top_n: Generated<number>;
  // Upstream balance alerts: the default threshold (numeric, a string from pg; null: none) and the lower levels.
  provider_balance_enabled: Generated<boolean>;
  provider_balance_webhook: string | null;
  provider_balance_default_threshold: ColumnType<string | null, number | null | undefined, number | null>;
  provider_balance_levels: ColumnType<number[], string | undefined, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type SettingsRow = Selectable<SettingsTable>;
