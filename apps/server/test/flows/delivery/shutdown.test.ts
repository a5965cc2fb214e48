import { sampleData } from '@herald/core';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../src/db/database.ts';
import { findDelivery } from '../../../src/db/repos/deliveries.ts';
import { enqueueNotifications } from '../../../src/engine/enqueue.ts';
import { BOSS_SCHEMA } from '../../../src/jobs/boss.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { createLogger } from '../../../src/logger.ts';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import { customTargets, type DeliveryHerald, logged, settled, startDeliveryHerald, switchOn } from './support.ts';

/**
 * Stopping with sends that hang longer than the bound: the stop keeps its bound, the hanging
 * sends are aborted and put back in the queue (logged by id), and the next process sends them at
 * once; what had already been delivered is not sent again.
 */
const SECRET = `whsec_${Buffer.from('shutdown-test-signing-secret-32b').toString('base64')}`;
const HANGING = 20;
const FAST = 20;
const BOUND_MS = 3_000;

let hanging: FakeCustom;
let fast: FakeCustom;
let first: DeliveryHerald;
let second: DeliveryHerald | undefined;
// This test's own look at the database and the queue (no workers, no maintenance).
let db: Db;
let boss: PgBoss;

beforeAll(async () => {
  hanging = await startFakeCustom({ signingSecret: SECRET });
  fast = await startFakeCustom({ signingSecret: SECRET });
  // Hanging sends would hang for a minute; the queue would retry them after 60 s.
  first = await startDeliveryHerald({ env: { WEBHOOK_TIMEOUT_MS: '60000' } });
  await switchOn(first);
  await customTargets(first, [{ webhookUrl: hanging.webhookUrl, signingSecret: SECRET }], 'circuit_breaker');
  await customTargets(first, [{ webhookUrl: fast.webhookUrl, signingSecret: SECRET }], 'cost_alert');
  db = createDb(first.databaseUrl, createLogger('silent'), 2).db;
  boss = new PgBoss({ connectionString: first.databaseUrl, schema: BOSS_SCHEMA, max: 2, supervise: false });
  boss.on('error', () => {});
  await boss.start();
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await db?.destroy();
  await second?.close();
  await first?.close();
  await hanging.close();
  await fast.close();
});

const inputs = (type: 'circuit_breaker' | 'cost_alert', n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type,
    data: {
      ...(sampleData(type, new Date()) as object),
      ...(type === 'circuit_breaker' ? { providerId: `p${i}` } : {}),
    },
    source: 'hub' as const,
  }));

describe('stopping while sends hang', () => {
  it('stays within its bound, puts the hanging ones back (logged), and nothing delivered is sent again', async () => {
    hanging.failNext({ kind: 'timeout' }, HANGING);
    const stuck = (await enqueueNotifications(first.deps, first.db, inputs('circuit_breaker', HANGING))).flatMap(
      (r) => r.deliveryIds,
    );
    const done = (await enqueueNotifications(first.deps, first.db, inputs('cost_alert', FAST))).flatMap(
      (r) => r.deliveryIds,
    );
    await hanging.waitForRequests(HANGING);
    await Promise.all(done.map((id) => settled(first, id)));

    const started = performance.now();
    await first.herald.stop(BOUND_MS);
    const stopMs = performance.now() - started;
    console.log(`stop with ${HANGING} sends hanging: ${Math.round(stopMs)} ms (bound ${BOUND_MS} ms)`);
    expect(stopMs).toBeLessThan(BOUND_MS + 250);

    const [abandoned] = logged(first, 'delivery_stop_abandoned');
    expect([...((abandoned?.deliveryIds ?? []) as string[])].sort()).toEqual([...stuck].sort());
    for (const id of stuck) {
      const row = await findDelivery(db, id);
      expect(row).toMatchObject({ status: 'pending', lease_until: null, queue_attempt: 0 });
      expect(row?.attempts).toHaveLength(1);
      expect(row?.error).toMatch(/^abandoned: Herald stopped while sending/);
    }
    // Back in the queue, runnable now, the run it lost not counted against its retries.
    const jobs = await boss.findJobs(QUEUE_NAMES.delivery, { queued: true, limit: 1_000 });
    expect(jobs.map((j) => j.id).sort()).toEqual([...stuck].sort());
    for (const j of jobs) {
      expect(j).toMatchObject({ state: 'created', retryLimit: 4 });
      expect(new Date(j.startAfter).getTime()).toBeLessThanOrEqual(Date.now());
    }

    // The next process sends them at once (not after a retry delay or a lapsed heartbeat).
    second = await startDeliveryHerald({ databaseUrl: first.databaseUrl, secretKey: first.secretKey });
    const rows = await Promise.all(stuck.map((id) => settled(second as DeliveryHerald, id, undefined, 10_000)));
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    expect(hanging.accepted).toHaveLength(HANGING);
    expect(new Set(hanging.accepted.map((r) => r.headers['webhook-id']))).toEqual(new Set(stuck));
    // Delivered before the stop: never sent again.
    expect(fast.received).toHaveLength(FAST);
  }, 60_000);
});
