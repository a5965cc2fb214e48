import type { PgBoss } from 'pg-boss';
import { pruneAlertState, pruneDeliveries, pruneNotifications, pruneUsageRecords } from '../db/repos/retention.ts';
import type { AppDeps } from '../deps.ts';
import { QUEUE_NAMES } from '../jobs/queues.ts';

const DAY_MS = 86_400_000;
const BATCH = 5_000;
/** Every night at 03:17 UTC (off the hour, when schedules are busy). */
export const RETENTION_CRON = '17 3 * * *';

export type RetentionResult = { deliveries: number; notifications: number; usageRecords: number; alertState: number };

/** Repeats a batch delete until a batch comes back short. */
async function drain(prune: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await prune();
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * Deletes what no one reads any more, by the configured ages: finished deliveries, then the
 * notifications left without any delivery, raw usage records (the daily rollup stays), and
 * alert bookkeeping of past periods. Unfinished deliveries are never touched.
 */
export async function runRetention(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger'> & {
    config: Pick<AppDeps['config'], 'deliveryRetentionDays' | 'usageRetentionDays'>;
  },
): Promise<RetentionResult> {
  const { db, config, clock, logger } = deps;
  const now = clock.now().getTime();
  const result: RetentionResult = { deliveries: 0, notifications: 0, usageRecords: 0, alertState: 0 };
  if (config.deliveryRetentionDays > 0) {
    const before = new Date(now - config.deliveryRetentionDays * DAY_MS);
    result.deliveries = await drain(() => pruneDeliveries(db, before, BATCH));
    result.notifications = await drain(() => pruneNotifications(db, before, BATCH));
  }
  if (config.usageRetentionDays > 0) {
    const before = new Date(now - config.usageRetentionDays * DAY_MS);
    result.usageRecords = await drain(() => pruneUsageRecords(db, before, BATCH));
  }
  // Breaker dedup lasts minutes; cost alerts are once per period, a month at most.
  result.alertState = await pruneAlertState(db, new Date(now - DAY_MS), new Date(now - 40 * DAY_MS));
  logger.info({ action: 'retention_pruned', ...result }, 'old rows deleted');
  return result;
}

/** Registers the nightly schedule (idempotent across processes) and this process's worker. */
export async function startRetention(deps: AppDeps, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUE_NAMES.retention, RETENTION_CRON, {}, { tz: 'UTC' });
  await boss.work(QUEUE_NAMES.retention, { localConcurrency: 1 }, async () => {
    await runRetention(deps);
  });
}
