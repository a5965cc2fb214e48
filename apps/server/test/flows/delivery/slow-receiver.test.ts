import { sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotifications } from '../../../src/engine/enqueue.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { startFakeCustom } from '../../fake-platforms/index.ts';
import { customTargets, type DeliveryHerald, settled, startDeliveryHerald, switchOn } from './support.ts';

/**
 * A receiver that never answers (real sockets held open on loopback) takes at most its own share
 * of the worker's slots: deliveries to a healthy target in the same process keep going at once.
 */
const CONCURRENCY = 256;
const PER_TARGET = 32;
const HANGING = 1_000;

const slow = await startFakeCustom();
const healthy = await startFakeCustom();
let h: DeliveryHerald;

beforeAll(async () => {
  h = await startDeliveryHerald({
    // Hanging sends stay hanging for the whole test.
    env: { WEBHOOK_TIMEOUT_MS: '60000' },
    workers: { delivery: { concurrency: CONCURRENCY, perTargetConcurrency: PER_TARGET } },
  });
  await switchOn(h);
  await customTargets(h, [slow.webhookUrl], 'circuit_breaker');
  await customTargets(h, [healthy.webhookUrl], 'cost_alert');
});
afterAll(async () => {
  await h?.close();
  await slow.close();
  await healthy.close();
});

describe('one receiver that never answers', () => {
  it(`holds at most ${PER_TARGET} of ${CONCURRENCY} slots; a healthy target is served meanwhile, nothing retried`, async () => {
    slow.failNext({ kind: 'timeout' }, HANGING);
    const inputs = Array.from({ length: HANGING }, (_, i) => ({
      type: 'circuit_breaker' as const,
      data: { ...(sampleData('circuit_breaker', new Date()) as object), providerId: `slow-${i}` },
      source: 'hub' as const,
    }));
    const hanging = (await enqueueNotifications(h.deps, h.db, inputs)).flatMap((r) => r.deliveryIds);
    expect(hanging).toHaveLength(HANGING);
    await slow.waitForRequests(PER_TARGET);

    // Each healthy delivery is sent while every slow one is still hanging.
    for (let i = 0; i < 5; i++) {
      const { deliveryIds } = await h.enqueue({ type: 'cost_alert' });
      const row = await settled(h, deliveryIds[0] as string, undefined, 5_000);
      expect(row.status).toBe('delivered');
    }
    expect(healthy.accepted).toHaveLength(5);

    // The slow target got exactly its share; the rest wait in the queue, not retried, not failed.
    expect(slow.received).toHaveLength(PER_TARGET);
    const byStatus = await h.db
      .selectFrom('delivery')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('id', 'in', hanging)
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({
      sending: PER_TARGET,
      pending: HANGING - PER_TARGET,
    });
    const jobs = await h.deps.boss.findJobs(QUEUE_NAMES.delivery, { queued: true, limit: 5_000 });
    const waiting = jobs.filter((j) => hanging.includes(j.id));
    expect(waiting).toHaveLength(HANGING - PER_TARGET);
    expect(waiting.every((j) => j.state === 'created' && j.retryCount === 0)).toBe(true);
  }, 60_000);
});
