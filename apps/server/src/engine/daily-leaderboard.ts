import { formatDate } from '@herald/core';
import { leaderboard } from '../db/repos/usage.ts';
import type { AppDeps } from '../deps.ts';
import { enqueueNotification } from './enqueue.ts';

export type LeaderboardRun = { bindingId?: string; timezone: string; topN: number; now: Date };

/** The past 24 hours per user, top N, totals over all users. No usage → nothing sent, logged. */
export async function runDailyLeaderboard(
  deps: AppDeps,
  run: LeaderboardRun,
): Promise<{ sent: boolean; entries: number }> {
  const since = new Date(run.now.getTime() - 24 * 3_600_000);
  const board = await leaderboard(deps.db, { since, until: run.now, topN: run.topN });
  if (board.entries.length === 0) {
    deps.logger.info(
      { action: 'daily_leaderboard_no_data', bindingId: run.bindingId },
      'no usage in the past 24 hours',
    );
    return { sent: false, entries: 0 };
  }
  await deps.db.transaction().execute((trx) =>
    enqueueNotification(deps, trx, {
      type: 'daily_leaderboard',
      data: { date: formatDate(run.now, run.timezone), ...board },
      source: 'schedule',
      ...(run.bindingId ? { onlyBindingId: run.bindingId } : {}),
    }),
  );
  return { sent: true, entries: board.entries.length };
}
