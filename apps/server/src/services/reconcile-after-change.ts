import type { AppDeps } from '../deps.ts';
import { reconcile } from './reconcile.ts';

/**
 * Schedules follow every change to settings, targets and bindings. Runs after the change
 * committed; a failure is logged, not thrown: the change stands and the next change or
 * start reconciles again.
 */
export async function reconcileSchedules(deps: AppDeps): Promise<void> {
  try {
    await reconcile(deps.db, deps.boss, deps.logger);
  } catch (err) {
    deps.logger.error({ action: 'schedule_reconcile_failed', err: (err as Error).message }, 'reconcile failed');
  }
}
