import { CronExpressionParser } from 'cron-parser';
import type { ScheduleConfig } from '../domain/schedule-config.ts';
import { intervalCrons } from './interval-cron.ts';
import { SCHEDULED_QUEUES, type ScheduledNotificationType, type ScheduledQueueName } from './queues.ts';

/**
 * Which cron schedules Herald's configuration asks for. Pure: the same configuration
 * always gives the same list, in the same order. `services/reconcile.ts` makes pg-boss
 * hold exactly this list.
 *
 * Schedule keys (pg-boss keys allow only letters, digits, `_ . - /`, so no colons):
 * - legacy mode: `legacy`; `legacy/1`, `legacy/2`, … when an interval needs several crons;
 * - new mode: `binding/<bindingId>`; `binding/<bindingId>/1`, … likewise.
 * Job data: `{ legacy: true }` or `{ bindingId, targetId }`; the queue names the type.
 */

export type ScheduleData = { legacy: true } | { bindingId: string; targetId: string };

export type HeraldSchedule = {
  queue: ScheduledQueueName;
  key: string;
  /** Five-field cron expression. */
  cron: string;
  /** IANA time zone the cron is read in. */
  tz: string;
  data: ScheduleData;
};

/** A schedule the configuration asks for but that cannot be registered, and why. */
export type InvalidSchedule = {
  queue: ScheduledQueueName;
  key: string;
  bindingId?: string;
  tz: string;
  /** What is wrong, quoting the offending value. */
  reason: string;
};

export type SchedulePlan = { schedules: HeraldSchedule[]; invalid: InvalidSchedule[] };

export const LEGACY_KEY = 'legacy';
export const FALLBACK_TIMEZONE = 'UTC';

export function bindingKey(bindingId: string): string {
  return `binding/${bindingId}`;
}

/** The schedules the configuration asks for; invalid ones are left out (see `planSchedules`). */
export function desiredSchedules(config: ScheduleConfig): HeraldSchedule[] {
  return planSchedules(config).schedules;
}

/**
 * The valid schedules, plus those the configuration asks for but that cannot run (a bad
 * cron, time zone, time or interval). An invalid one never hides the others.
 */
export function planSchedules(config: ScheduleConfig): SchedulePlan {
  const plan: SchedulePlan = { schedules: [], invalid: [] };
  const s = config.settings;
  if (!s.enabled) return plan;
  const settingsTz = nonEmpty(s.timezone) ?? FALLBACK_TIMEZONE;

  if (s.useLegacyMode) {
    const data = { legacy: true } as const;
    if (s.costAlertEnabled && s.costAlertWebhookSet) {
      add(plan, 'cost_alert', LEGACY_KEY, () => intervalCrons(s.costAlertCheckInterval), settingsTz, data);
    }
    if (s.dailyLeaderboardEnabled && s.dailyLeaderboardWebhookSet) {
      add(plan, 'daily_leaderboard', LEGACY_KEY, () => [dailyCron(s.dailyLeaderboardTime)], settingsTz, data);
    }
    if (s.cacheHitRateEnabled && s.cacheHitRateWebhookSet) {
      add(plan, 'cache_hit_rate', LEGACY_KEY, () => intervalCrons(s.cacheHitRateCheckInterval), settingsTz, data);
    }
    return plan;
  }

  const bindings = config.bindings.filter((b) => b.isEnabled && b.targetEnabled);
  for (const b of bindings) {
    const tz = nonEmpty(b.scheduleTimezone) ?? settingsTz;
    const cron = nonEmpty(b.scheduleCron);
    const data = { bindingId: b.id, targetId: b.targetId };
    const key = bindingKey(b.id);
    if (b.notificationType === 'cost_alert' && s.costAlertEnabled) {
      add(plan, 'cost_alert', key, () => (cron ? [cron] : intervalCrons(s.costAlertCheckInterval)), tz, data, b.id);
    } else if (b.notificationType === 'daily_leaderboard' && s.dailyLeaderboardEnabled) {
      add(plan, 'daily_leaderboard', key, () => [cron ?? dailyCron(s.dailyLeaderboardTime)], tz, data, b.id);
    } else if (b.notificationType === 'cache_hit_rate' && s.cacheHitRateEnabled) {
      // Unlike the reference hub, a binding's own cron and time zone are honoured for this type too.
      add(
        plan,
        'cache_hit_rate',
        key,
        () => (cron ? [cron] : intervalCrons(s.cacheHitRateCheckInterval)),
        tz,
        data,
        b.id,
      );
    }
    // circuit_breaker is event-driven: never scheduled.
  }
  return plan;
}

/** `HH:mm` → `MM HH * * *`. */
export function dailyCron(time: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`daily time must be HH:mm, got "${time}"`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/**
 * Throws unless `cron` is a five-field cron expression that fires in time zone `tz`
 * (cron-parser, read the way pg-boss reads it).
 */
export function assertValidCron(cron: string, tz: string): void {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron must have 5 fields (minute hour day month weekday), got "${cron}"`);
  if (cron.trim().startsWith('@')) throw new Error(`cron macros are not supported, got "${cron}"`);
  const it = CronExpressionParser.parse(cron, { tz, strict: false, currentDate: new Date(0) });
  it.next();
}

function add(
  plan: SchedulePlan,
  type: ScheduledNotificationType,
  key: string,
  crons: () => string[],
  tz: string,
  data: ScheduleData,
  bindingId?: string,
): void {
  const queue = SCHEDULED_QUEUES[type];
  let list: string[];
  try {
    list = crons().map((c) => c.trim());
    for (const cron of list) assertValidCron(cron, tz);
  } catch (err) {
    plan.invalid.push({ queue, key, ...(bindingId ? { bindingId } : {}), tz, reason: (err as Error).message });
    return;
  }
  list.forEach((cron, i) => {
    plan.schedules.push({ queue, key: list.length === 1 ? key : `${key}/${i + 1}`, cron, tz, data });
  });
}

function nonEmpty(v: string | null | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}
