import type { RunOutcome } from '@herald/core';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { readSettings } from '../db/repos/settings.ts';
import type { AppDeps } from '../deps.ts';
import { SCHEDULED_QUEUES, type ScheduledNotificationType } from '../jobs/queues.ts';
import type { ScheduleData } from '../jobs/schedules.ts';
import { SYSTEM_TIMEZONE } from '../services/settings.ts';
import { runCacheHitRateCheck } from './cache-hit-rate.ts';
import { runCostCheck } from './cost-alert.ts';
import { runDailyLeaderboard } from './daily-leaderboard.ts';
import { resolveTimezone } from './timezone.ts';

const SWITCH = {
  cost_alert: 'cost_alert_enabled',
  daily_leaderboard: 'daily_leaderboard_enabled',
  cache_hit_rate: 'cache_hit_rate_enabled',
} as const;

/** The bindings a scheduled type would run for now (enabled binding, enabled target). */
async function activeBindings(db: Db, type: ScheduledNotificationType, bindingId?: string) {
  let q = db
    .selectFrom('binding')
    .innerJoin('target', 'target.id', 'binding.target_id')
    .select(['binding.id', 'binding.schedule_timezone'])
    .where('binding.notification_type', '=', type)
    .where('binding.is_enabled', '=', true)
    .where('target.is_enabled', '=', true);
  if (bindingId) q = q.where('binding.id', '=', bindingId);
  return q.execute();
}

/**
 * Runs one scheduled check or report. Everything is re-checked now, not when it was
 * scheduled: the master switch, the type's switch, the mode, the binding and its target.
 */
export async function runScheduled(
  deps: AppDeps,
  type: ScheduledNotificationType,
  data: ScheduleData,
): Promise<RunOutcome[]> {
  const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
  const scope = 'legacy' in data ? 'legacy' : `binding:${data.bindingId}`;
  const skip = (reason: string): RunOutcome[] => {
    deps.logger.info({ action: `${type}_skipped`, scope, reason }, 'scheduled run skipped');
    return [{ ran: false, scope, reason }];
  };
  if (!settings.enabled) return skip('notifications are switched off');
  if (!settings[SWITCH[type]]) return skip(`${type} is switched off`);

  let runs: Array<{ scope: string; bindingId?: string; timezone: string }>;
  if ('legacy' in data) {
    if (!settings.use_legacy_mode) return skip('not in legacy mode any more');
    runs = [{ scope, timezone: resolveTimezone(null, settings.timezone) }];
  } else {
    if (settings.use_legacy_mode) return skip('in legacy mode');
    const [b] = await activeBindings(deps.db, type, data.bindingId);
    if (!b) return skip('binding removed or disabled, or its target disabled');
    runs = [{ scope, bindingId: b.id, timezone: resolveTimezone(b.schedule_timezone, settings.timezone) }];
  }
  return runAll(deps, type, runs, settings);
}

/** `notifications.trigger`: run the check or report now for every place it would go. */
export async function triggerNow(deps: AppDeps, type: ScheduledNotificationType): Promise<RunOutcome[]> {
  const settings = await readSettings(deps.db, SYSTEM_TIMEZONE);
  if (!settings.enabled) return [{ ran: false, scope: '*', reason: 'notifications are switched off' }];
  if (!settings[SWITCH[type]]) return [{ ran: false, scope: '*', reason: `${type} is switched off` }];
  const runs = settings.use_legacy_mode
    ? [{ scope: 'legacy', timezone: resolveTimezone(null, settings.timezone) }]
    : (await activeBindings(deps.db, type)).map((b) => ({
        scope: `binding:${b.id}`,
        bindingId: b.id,
        timezone: resolveTimezone(b.schedule_timezone, settings.timezone),
      }));
  if (runs.length === 0) return [{ ran: false, scope: '*', reason: 'no enabled binding' }];
  return runAll(deps, type, runs, settings);
}

async function runAll(
  deps: AppDeps,
  type: ScheduledNotificationType,
  runs: Array<{ scope: string; bindingId?: string; timezone: string }>,
  settings: Awaited<ReturnType<typeof readSettings>>,
): Promise<RunOutcome[]> {
  const now = deps.clock.now();
  const out: RunOutcome[] = [];
  for (const r of runs) {
    const target = r.bindingId ? { bindingId: r.bindingId } : {};
    if (type === 'cost_alert') {
      const res = await runCostCheck(deps, {
        scope: r.scope,
        ...target,
        timezone: r.timezone,
        threshold: Number(settings.cost_alert_threshold),
        digestThreshold: settings.cost_alert_digest_threshold,
        now,
      });
      out.push({ ran: true, scope: r.scope, timezone: r.timezone, alerts: res.alerts });
    } else if (type === 'cache_hit_rate') {
      const res = await runCacheHitRateCheck(deps, settings, { ...r, now });
      out.push({
        ran: true,
        scope: r.scope,
        timezone: r.timezone,
        alerts: res.alerted ? res.anomalies - res.suppressed : 0,
      });
    } else {
      const res = await runDailyLeaderboard(deps, {
        ...target,
        timezone: r.timezone,
        topN: settings.daily_leaderboard_top_n,
        now,
      });
      out.push({ ran: true, scope: r.scope, timezone: r.timezone, sent: res.sent });
    }
  }
  return out;
}

/** Workers for the scheduled queues: a failing run is retried by the queue (60/120/240 s). */
export async function startScheduledWorkers(deps: AppDeps, boss: PgBoss): Promise<void> {
  for (const [type, queue] of Object.entries(SCHEDULED_QUEUES) as Array<[ScheduledNotificationType, string]>) {
    await boss.work<ScheduleData>(queue, { localConcurrency: 1 }, async ([job]) => {
      if (job) await runScheduled(deps, type, job.data);
    });
  }
}
