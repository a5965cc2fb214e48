/**
 * When the Claude Code Hub health connector polls: one pg-boss schedule (a recurrence rule,
 * every `interval_seconds`) that exists exactly while the connector is on with a base URL and
 * a token, and one worker that polls per job.
 */
import * as repo from '../../db/repos/cch-connector.ts';
import type { AppDeps } from '../../deps.ts';
import { QUEUE_NAMES } from '../../jobs/queues.ts';
import { pollCchHealth } from './poll.ts';

export const CCH_SCHEDULE_KEY = 'cch';

/** "Every N seconds" for pg-boss (it reads its schedules every 30 s, so that is the finest step). */
export const pollRule = (seconds: number) => `FREQ=SECONDLY;INTERVAL=${seconds}`;

/** Makes pg-boss hold the connector's schedule, or none. A failure is logged, not thrown (like reconcileSchedules). */
export async function reconcileCchSchedule(deps: Pick<AppDeps, 'db' | 'boss' | 'logger'>): Promise<void> {
  try {
    const row = await repo.readCchConnector(deps.db);
    const queue = QUEUE_NAMES.cchHealth;
    const current = await deps.boss.getSchedule(queue, CCH_SCHEDULE_KEY);
    if (!row.enabled || !row.base_url || !row.token) {
      if (current) await deps.boss.unschedule(queue, CCH_SCHEDULE_KEY);
      return;
    }
    const rule = pollRule(row.interval_seconds);
    if (current?.cron !== rule) await deps.boss.schedule(queue, rule, {}, { key: CCH_SCHEDULE_KEY, tz: 'UTC' });
  } catch (err) {
    deps.logger.error({ action: 'cch_schedule_failed', err: (err as Error).message }, 'CCH schedule not reconciled');
  }
}

/** At start: the schedule as the settings say, and this process's worker (one poll at a time). */
export async function startCchConnector(deps: AppDeps): Promise<void> {
  await reconcileCchSchedule(deps);
  await deps.boss.work(QUEUE_NAMES.cchHealth, { localConcurrency: 1 }, async () => {
    await pollCchHealth(deps);
  });
}
