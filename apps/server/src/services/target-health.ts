import { platformCodeOf, type TargetHealth, type TargetHealthDelivery, type TargetHealthState } from '@herald/core';
import { type HealthDeliveryRow, type TargetHealthRow, targetHealthRows } from '../db/repos/target-health.ts';
import type { AppDeps } from '../deps.ts';

const DAY_MS = 86_400_000;

/** Every target's health as of the engine clock's now (core `TargetHealth` defines the states). */
export async function listTargetHealth(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<TargetHealth[]> {
  const now = deps.clock.now();
  const rows = await targetHealthRows(deps.db, new Date(now.getTime() - DAY_MS));
  return rows.map(targetHealth);
}

export function targetHealth(r: TargetHealthRow): TargetHealth {
  const finished = r.delivered + r.failed;
  return {
    targetId: r.target_id,
    state: healthState(r, finished),
    lastDelivery: deliveryView(r.last),
    lastFailure: deliveryView(r.failure),
    window: { delivered: r.delivered, failed: r.failed, successRate: finished > 0 ? r.delivered / finished : null },
  };
}

function healthState(r: TargetHealthRow, finishedIn24h: number): TargetHealthState {
  const test = r.last_test_result as { success?: unknown } | null;
  const tested = r.last_test_at !== null && typeof test?.success === 'boolean';
  if (!r.last && !tested) return 'untested';
  // The newer of the last delivery and the last test says whether it works now.
  const testIsNewer = tested && (!r.last || (r.last_test_at as Date) >= r.last.at);
  const works = testIsNewer ? test?.success === true : r.last?.status === 'delivered';
  if (!works) return 'failing';
  return finishedIn24h > 0 ? 'ok' : 'idle';
}

function deliveryView(d: HealthDeliveryRow | null): TargetHealthDelivery | null {
  if (!d) return null;
  return {
    deliveryId: d.id,
    at: d.at.toISOString(),
    status: d.status,
    error: d.error,
    platformCode: platformCodeOf(d.error),
    statusCode: d.status_code,
  };
}
