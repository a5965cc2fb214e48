import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '../../../src/db/tables/delivery.ts';
import { uuidv7 } from '../../../src/engine/enqueue.ts';
import { RETENTION_CRON, runRetention } from '../../../src/engine/retention.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { manualClock, startTestHerald, type TestHerald } from '../../herald.ts';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
let h: TestHerald;

beforeAll(async () => {
  h = await startTestHerald({}, { clock: manualClock(NOW) });
});
afterAll(async () => {
  await h?.close();
});

/** A notification made `age` days ago with one delivery per given status and age. */
async function notification(age: number, deliveries: Array<{ age: number; status: DeliveryStatus }>) {
  const id = uuidv7(daysAgo(age).getTime());
  await h.db
    .insertInto('notification')
    .values({ id, type: 'circuit_breaker', data: JSON.stringify({}), source: 'hub', created_at: daysAgo(age) })
    .execute();
  const ids: string[] = [];
  for (const d of deliveries) {
    const deliveryId = uuidv7(daysAgo(d.age).getTime());
    ids.push(deliveryId);
    await h.db
      .insertInto('delivery')
      .values({
        id: deliveryId,
        notification_id: id,
        notification_type: 'circuit_breaker',
        channel: 'custom',
        status: d.status,
        created_at: daysAgo(d.age),
      })
      .execute();
  }
  return { id, deliveryIds: ids };
}

const exists = async (table: 'notification' | 'delivery', id: string) =>
  (await h.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe('retention', () => {
  it('deletes finished deliveries and their notifications past 90 days, raw usage past 62, stale alert state', async () => {
    const old = await notification(100, [
      { age: 100, status: 'delivered' },
      { age: 99, status: 'failed' },
    ]);
    const stuck = await notification(100, [{ age: 100, status: 'pending' }]);
    const resent = await notification(120, [
      { age: 120, status: 'failed' },
      { age: 1, status: 'delivered' },
    ]);
    const recent = await notification(89, [{ age: 89, status: 'delivered' }]);

    const usage = (id: string, age: number) => ({
      request_id: id,
      user_id: 'u1',
      provider_id: 'p1',
      cost_usd: '1',
      created_at: daysAgo(age),
    });
    await h.db
      .insertInto('usage_record')
      .values([usage('old-usage', 63), usage('new-usage', 61)])
      .execute();
    await h.db
      .insertInto('usage_daily')
      .values({
        subject_type: 'user',
        day: daysAgo(63).toISOString().slice(0, 10),
        subject_id: 'u1',
        cost_usd: 1,
        requests: 1,
        tokens: 0,
      })
      .execute();
    await h.db
      .insertInto('alert_dedup')
      .values([
        { key: 'stale', last_at: daysAgo(2) },
        { key: 'fresh', last_at: NOW },
      ])
      .execute();
    const mark = (entity: string, age: number) => ({
      scope: 'legacy',
      entity_type: 'user',
      entity_id: entity,
      window: 'monthly',
      period_start: daysAgo(age),
      level: 0.8,
      sent_at: daysAgo(age),
    });
    await h.db
      .insertInto('cost_alert_sent')
      .values([mark('old', 41), mark('new', 20)])
      .execute();

    const result = await runRetention(h.herald.deps);
    expect(result).toEqual({ deliveries: 3, notifications: 1, usageRecords: 1, alertState: 2 });

    // Gone: the old notification with both its finished deliveries, and the resent one's old delivery.
    expect(await exists('notification', old.id)).toBe(false);
    for (const id of old.deliveryIds) expect(await exists('delivery', id)).toBe(false);
    expect(await exists('delivery', resent.deliveryIds[0] as string)).toBe(false);
    // Kept: an unfinished delivery (and so its notification), a recent resend's notification, recent rows.
    expect(await exists('delivery', stuck.deliveryIds[0] as string)).toBe(true);
    expect(await exists('notification', stuck.id)).toBe(true);
    expect(await exists('notification', resent.id)).toBe(true);
    expect(await exists('delivery', resent.deliveryIds[1] as string)).toBe(true);
    expect(await exists('notification', recent.id)).toBe(true);
    const usageLeft = await h.db.selectFrom('usage_record').select('request_id').execute();
    expect(usageLeft.map((r) => r.request_id)).toEqual(['new-usage']);
    expect(await h.db.selectFrom('usage_daily').selectAll().execute()).toHaveLength(1);
    expect((await h.db.selectFrom('alert_dedup').select('key').execute()).map((r) => r.key)).toEqual(['fresh']);
    expect((await h.db.selectFrom('cost_alert_sent').select('entity_id').execute()).map((r) => r.entity_id)).toEqual([
      'new',
    ]);
    expect(h.logs.lines.find((l) => l.action === 'retention_pruned')).toMatchObject({ deliveries: 3 });

    // Nothing left to do the second time.
    expect(await runRetention(h.herald.deps)).toEqual({
      deliveries: 0,
      notifications: 0,
      usageRecords: 0,
      alertState: 0,
    });
  });

  it('keeps everything when both retentions are 0', async () => {
    const old = await notification(400, [{ age: 400, status: 'delivered' }]);
    await h.db
      .insertInto('usage_record')
      .values({ request_id: 'ancient', user_id: 'u1', provider_id: 'p1', cost_usd: '1', created_at: daysAgo(400) })
      .execute();
    const deps = h.herald.deps;
    const keepAll = { ...deps, config: { ...deps.config, deliveryRetentionDays: 0, usageRetentionDays: 0 } };
    expect(await runRetention(keepAll)).toMatchObject({ deliveries: 0, notifications: 0, usageRecords: 0 });
    expect(await exists('notification', old.id)).toBe(true);
    expect(await runRetention(deps)).toMatchObject({ deliveries: 1, notifications: 1, usageRecords: 1 });
  });

  it('runs every night from a schedule in UTC', async () => {
    const schedules = await h.herald.deps.boss.getSchedules(QUEUE_NAMES.retention);
    expect(schedules).toEqual([
      expect.objectContaining({ cron: RETENTION_CRON, options: expect.objectContaining({ tz: 'UTC' }) }),
    ]);
  });
});
