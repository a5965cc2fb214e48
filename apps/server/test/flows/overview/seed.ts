import { randomUUID } from 'node:crypto';
import type { Db } from '../../../src/db/database.ts';
import type { DeliveryStatus } from '../../../src/db/tables/delivery.ts';
import { uuidv7 } from '../../../src/engine/enqueue.ts';

const FINISHED: DeliveryStatus[] = ['delivered', 'failed', 'skipped'];

/** A stored notification, created at `at` (as if an engine had raised it then). */
export async function seedNotification(
  db: Db,
  at: Date,
  type: 'circuit_breaker' | 'cost_alert' | 'daily_leaderboard' = 'cost_alert',
  data: Record<string, unknown> = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('notification')
    .values({ id, type, data: JSON.stringify(data), source: 'hub', created_at: at })
    .execute();
  return id;
}

/** A delivery row created at `at` with its final (or current) status, id stamped at the same instant. */
export async function seedDelivery(
  db: Db,
  d: {
    notificationId: string;
    at: Date;
    status: DeliveryStatus;
    targetId?: string | null;
    type?: string;
    error?: string | null;
    finishedAfterMs?: number;
  },
): Promise<string> {
  const id = uuidv7(d.at.getTime());
  const finished = FINISHED.includes(d.status) ? new Date(d.at.getTime() + (d.finishedAfterMs ?? 1_000)) : null;
  await db
    .insertInto('delivery')
    .values({
      id,
      notification_id: d.notificationId,
      notification_type: d.type ?? 'cost_alert',
      target_id: d.targetId ?? null,
      target_name: null,
      binding_id: null,
      resend_of: null,
      channel: 'custom',
      status: d.status,
      error: d.error ?? null,
      created_at: d.at,
      updated_at: finished ?? d.at,
      finished_at: finished,
    })
    .execute();
  return id;
}

/** A target row (no secrets needed: nothing is sent to it). */
export async function seedTarget(
  db: Db,
  name: string,
  opts: { enabled?: boolean; test?: { at: Date; success: boolean; error?: string } } = {},
): Promise<string> {
  const row = await db
    .insertInto('target')
    .values({
      name,
      provider_type: 'custom',
      is_enabled: opts.enabled ?? true,
      proxy_url: null,
      proxy_fallback_to_direct: false,
      hints: '{}',
      last_test_at: opts.test?.at ?? null,
      last_test_result: opts.test
        ? JSON.stringify({
            success: opts.test.success,
            latencyMs: 12,
            statusCode: opts.test.success ? 200 : null,
            error: opts.test.error ?? null,
            response: null,
            notificationType: 'circuit_breaker',
            attempts: 1,
          })
        : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const hoursBefore = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);
