import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sampleData } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../../src/db/embedded-postgres.ts';
import { enqueueNotifications } from '../../../src/engine/enqueue.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { createLogger } from '../../../src/logger.ts';
import { type GatedReceiver, startGatedReceiver } from './gated-receiver.ts';
import { customTargets, type DeliveryHerald, logged, startDeliveryHerald, switchOn } from './support.ts';

/**
 * Two Herald processes on a PostgreSQL cluster of their own, stopped for real while 400
 * deliveries are at the receiver and restarted 30 s later: every delivery reaches the receiver
 * exactly once. Most sends succeed during the outage: their outcomes wait in each process and
 * are written when the database is back, though every job's heartbeat (10 s) has lapsed
 * meanwhile. The rest are still being sent when the database is back: their runs go on and
 * finish them, nobody sends them again.
 */
const N = 400;
const OUTAGE_MS = 30_000;
const SECRET = `whsec_${Buffer.from('outage-test-signing-secret-32byt').toString('base64')}`;

let dir: string;
let pg: EmbeddedPostgresHandle;
let receiver: GatedReceiver;
let one: DeliveryHerald;
let two: DeliveryHerald;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'herald-outage-'));
  pg = await startEmbeddedPostgres(dir, createLogger('silent'));
  await pg.createDatabase('herald');
  receiver = await startGatedReceiver();
  const env = {
    DELIVERY_HEARTBEAT_SECONDS: '10',
    DELIVERY_RETRY_DELAY_SECONDS: '1',
    WEBHOOK_TIMEOUT_MS: '120000',
    LOG_LEVEL: 'info',
  };
  // Every delivery at the receiver at once: one target may hold them all.
  const workers = { delivery: { perTargetConcurrency: N } };
  one = await startDeliveryHerald({ databaseUrl: pg.urlFor('herald'), env, workers });
  two = await startDeliveryHerald({ databaseUrl: one.databaseUrl, secretKey: one.secretKey, env, workers });
  await switchOn(one);
  await customTargets(one, [{ webhookUrl: receiver.url, signingSecret: SECRET }]);
}, 60_000);

afterAll(async () => {
  await two?.close();
  await one?.close();
  await receiver?.close();
  await pg?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a 30 s database outage while deliveries are at the receiver', () => {
  it('sends nothing twice: outcomes wait in each process and are written when the database is back', async () => {
    const inputs = Array.from({ length: N }, (_, i) => ({
      type: 'circuit_breaker' as const,
      data: { ...(sampleData('circuit_breaker', new Date()) as object), providerId: `p${i}` },
      source: 'hub' as const,
    }));
    const ids = (await enqueueNotifications(one.deps, one.db, inputs)).flatMap((r) => r.deliveryIds);
    expect(ids).toHaveLength(N);
    await receiver.waitForHeld(N);

    // A quarter of the sends are still going when the database is back and their jobs (whose
    // heartbeats lapsed) are handed out again; the rest succeed while nothing can be written.
    const late = new Set(ids.slice(0, N / 4));
    await pg.stop();
    receiver.open((id) => !late.has(id));
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(receiver.total).toBe(N);
    await pg.restart();
    // The outcomes that waited are written; the late sends are still going, then succeed.
    await vi.waitFor(
      async () => {
        const delivered = await one.db.selectFrom('delivery').select('id').where('status', '=', 'delivered').execute();
        expect(delivered).toHaveLength(N - late.size);
      },
      { timeout: 60_000, interval: 250 },
    );
    receiver.open();

    // Every row delivered and every job completed: nothing is left to run again.
    await vi.waitFor(
      async () => {
        const rows = await one.db
          .selectFrom('delivery')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('status')
          .execute();
        expect(rows).toEqual([{ status: 'delivered', n: N }]);
        const jobs = await one.deps.boss.findJobs(QUEUE_NAMES.delivery, { limit: 10_000 });
        expect(jobs.filter((j) => j.state !== 'completed').map((j) => [j.id, j.state])).toEqual([]);
      },
      { timeout: 90_000, interval: 500 },
    );

    const duplicates = ids.filter((id) => (receiver.hits.get(id) ?? 0) !== 1);
    console.log(`after a ${OUTAGE_MS / 1000} s outage: ${duplicates.length} of ${N} deliveries sent twice`);
    expect(duplicates).toEqual([]);
    expect(receiver.total).toBe(N);
    // Each row holds its one successful attempt, written once.
    const attempts = await one.db.selectFrom('delivery').select('attempts').execute();
    expect(attempts.every((r) => r.attempts.length === 1 && r.attempts[0]?.outcome === 'success')).toBe(true);
    // The outage is one warning per process, however many fetches, heartbeats and writes failed
    // (about three a second before), and one summary when the database is back.
    for (const h of [one, two]) {
      const warnings = h.logs.lines.filter((l) => l.level === 'warn' || l.level === 'error');
      expect(warnings.map((l) => l.action ?? l.msg)).toEqual(['database_unavailable']);
      expect(logged(h, 'database_available')).toHaveLength(1);
    }
    // Outcomes that waited are said once (info) and their writing once.
    for (const h of [one, two]) {
      if (logged(h, 'delivery_results_waiting').length === 0) continue;
      expect(logged(h, 'delivery_results_waiting')).toHaveLength(1);
      expect(logged(h, 'delivery_results_written')).toHaveLength(1);
    }
  }, 180_000);
});
