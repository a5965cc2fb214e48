import { PgBoss } from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findDelivery } from '../../../src/db/repos/deliveries.ts';
import { BOSS_SCHEMA } from '../../../src/jobs/boss.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import type { WorkerOptions } from '../../../src/jobs/workers.ts';
import { type GatedReceiver, startGatedReceiver } from './gated-receiver.ts';
import { customTargets, type DeliveryHerald, startDeliveryHerald, switchOn } from './support.ts';

/**
 * A delivery's job handed out again while its send is still running (its heartbeat lapsed, as
 * it does when the database was away longer than the heartbeat; here the job is failed from
 * outside, which is what the queue's heartbeat check does): whoever gets it, nobody sends it again.
 */
const SECRET = `whsec_${Buffer.from('handed-out-again-signing-secret!').toString('base64')}`;
const env = { DELIVERY_HEARTBEAT_SECONDS: '10', WEBHOOK_TIMEOUT_MS: '60000' };
const QUEUE = QUEUE_NAMES.delivery;

const heralds: DeliveryHerald[] = [];
let receiver: GatedReceiver;
let boss: PgBoss | undefined;
afterEach(async () => {
  await boss?.stop({ graceful: false });
  for (const h of heralds.splice(0).reverse()) await h.close();
  await receiver?.close();
});

async function setUp(workers?: WorkerOptions) {
  receiver = await startGatedReceiver();
  const sender = await startDeliveryHerald({ env, ...(workers ? { workers } : {}) });
  heralds.push(sender);
  await switchOn(sender);
  await customTargets(sender, [{ webhookUrl: receiver.url, signingSecret: SECRET }]);
  // This test's own queue client: it only fails the job, as the heartbeat check would.
  boss = new PgBoss({ connectionString: sender.databaseUrl, schema: BOSS_SCHEMA, max: 1, supervise: false });
  boss.on('error', () => {});
  await boss.start();
  const { deliveryIds } = await sender.enqueue();
  const id = deliveryIds[0] as string;
  await receiver.waitForHeld(1);
  await boss.fail(QUEUE, id, { message: 'job heartbeat timeout' });
  return { sender, id, queue: boss };
}

const job = (queue: PgBoss, id: string) => queue.getJobById(QUEUE, id);

describe('a job handed out again while its send is still running', () => {
  it('to the process sending it: that run goes on and settles the newer attempt', async () => {
    const { sender, id, queue } = await setUp();
    // Fetched again by the same process (the only one), at its next attempt.
    await vi.waitFor(async () => expect(await job(queue, id)).toMatchObject({ state: 'active', retryCount: 1 }), {
      timeout: 10_000,
      interval: 50,
    });
    receiver.open();
    await vi.waitFor(async () => expect((await job(queue, id))?.state).toBe('completed'), {
      timeout: 10_000,
      interval: 50,
    });
    const row = await findDelivery(sender.db, id);
    expect(row).toMatchObject({ status: 'delivered', queue_attempt: 0 });
    expect(row?.attempts).toHaveLength(1);
    expect(receiver.hits.get(id)).toBe(1);
    expect(receiver.total).toBe(1);
  });

  it('to another process: it finds the row leased, puts the job back until the lease ends, never sends', async () => {
    // The sending process has one slot, taken by the hanging send: only the other one can fetch.
    const { sender, id, queue } = await setUp({ delivery: { concurrency: 1 } });
    const other = await startDeliveryHerald({ databaseUrl: sender.databaseUrl, secretKey: sender.secretKey, env });
    heralds.push(other);
    // Put back, not run: a requeue raises the limit by one (it costs the delivery no run).
    await vi.waitFor(async () => expect(await job(queue, id)).toMatchObject({ state: 'created', retryLimit: 4 }), {
      timeout: 10_000,
      interval: 50,
    });
    expect((await job(queue, id))?.startAfter.getTime()).toBeGreaterThan(Date.now());
    receiver.open();
    // The sender writes its outcome; the next run finds the row delivered and only completes the job.
    await vi.waitFor(async () => expect((await job(queue, id))?.state).toBe('completed'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await findDelivery(sender.db, id)).toMatchObject({ status: 'delivered', queue_attempt: 0 });
    expect(receiver.hits.get(id)).toBe(1);
    expect(receiver.total).toBe(1);
  }, 40_000);
});
