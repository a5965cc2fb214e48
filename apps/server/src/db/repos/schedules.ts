import { type Kysely, sql } from 'kysely';
import type { ScheduleConfig, ScheduleSettings } from '../../domain/schedule-config.ts';
import type { Database } from '../database.ts';
import { listBindings } from './bindings.ts';

/**
 * The one advisory lock that serialises schedule reconciliation across every Herald
 * process on this database (a transaction-level lock: released at commit or rollback).
 */
export const RECONCILE_LOCK_NAME = 'herald.schedules.reconcile';

/** Waits for the reconcile lock; only inside a transaction. */
export async function lockSchedules(trx: Kysely<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${RECONCILE_LOCK_NAME}))`.execute(trx);
}

/** The time zone of this process (TZ), the default before settings are saved. */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Settings as the spec's defaults when the singleton row does not exist yet. */
export function defaultScheduleSettings(): ScheduleSettings {
  return {
    enabled: false,
    useLegacyMode: true,
    costAlertEnabled: false,
    dailyLeaderboardEnabled: false,
    costAlertWebhookSet: false,
    dailyLeaderboardWebhookSet: false,
    costAlertCheckInterval: 60,
    dailyLeaderboardTime: '09:00',
    cacheHitRateEnabled: false,
    cacheHitRateWebhookSet: false,
    cacheHitRateCheckInterval: 5,
    timezone: processTimeZone(),
  };
}

/** Everything that decides Herald's schedules: the settings and every binding with its target's state. */
export async function readScheduleConfig(db: Kysely<Database>): Promise<ScheduleConfig> {
  const row = await db
    .selectFrom('settings')
    .select([
      'enabled',
      'use_legacy_mode',
      'cost_alert_enabled',
      'daily_leaderboard_enabled',
      'cost_alert_check_interval',
      'daily_leaderboard_time',
      'cache_hit_rate_enabled',
      'cache_hit_rate_check_interval',
      'timezone',
      sql<boolean>`cost_alert_webhook is not null`.as('cost_alert_webhook_set'),
      sql<boolean>`daily_leaderboard_webhook is not null`.as('daily_leaderboard_webhook_set'),
      sql<boolean>`cache_hit_rate_webhook is not null`.as('cache_hit_rate_webhook_set'),
    ])
    .executeTakeFirst();
  const settings: ScheduleSettings = row
    ? {
        enabled: row.enabled,
        useLegacyMode: row.use_legacy_mode,
        costAlertEnabled: row.cost_alert_enabled,
        dailyLeaderboardEnabled: row.daily_leaderboard_enabled,
        costAlertWebhookSet: row.cost_alert_webhook_set,
        dailyLeaderboardWebhookSet: row.daily_leaderboard_webhook_set,
        costAlertCheckInterval: row.cost_alert_check_interval,
        dailyLeaderboardTime: row.daily_leaderboard_time,
        cacheHitRateEnabled: row.cache_hit_rate_enabled,
        cacheHitRateWebhookSet: row.cache_hit_rate_webhook_set,
        cacheHitRateCheckInterval: row.cache_hit_rate_check_interval,
        timezone: row.timezone,
      }
    : defaultScheduleSettings();

  // By type, then id: the same configuration always gives the same schedule list, in the same order.
  const key = (b: { notification_type: string; id: string }) => `${b.notification_type}\u0000${b.id}`;
  const bindings = (await listBindings(db)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  return {
    settings,
    bindings: bindings.map((b) => ({
      id: b.id,
      notificationType: b.notification_type,
      targetId: b.target_id,
      isEnabled: b.is_enabled,
      targetEnabled: b.target_enabled,
      scheduleCron: b.schedule_cron,
      scheduleTimezone: b.schedule_timezone,
    })),
  };
}
