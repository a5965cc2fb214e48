import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sampleData } from '@herald/core';
import { PgBoss } from 'pg-boss';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createSecretBox } from '../../../src/crypto/secret-box.ts';
import { createDb } from '../../../src/db/database.ts';
import { findDelivery } from '../../../src/db/repos/deliveries.ts';
import { enqueueNotification } from '../../../src/engine/enqueue.ts';
import { BOSS_SCHEMA, QUEUE_SUPERVISE_SECONDS } from '../../../src/jobs/boss.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase } from '../../db.ts';
import { startFakeCustom } from '../../fake-platforms/index.ts';
import { TEST_ADMIN_TOKEN } from '../../herald.ts';
import { type HeraldProcess, spawnHerald } from '../../support/herald-process.ts';
import { bindCustomReceiver } from './support.ts';

/**
 * The documented bound of DELIVERY_HEARTBEAT_SECONDS, with the queue's real settings: two server
 * processes, the one sending a delivery is killed, the other sends it within the heartbeat plus
 * the queue's supervise interval (and a poll) — not after a 60 s check and a 60 s retry delay.
 */
const HEARTBEAT_SECONDS = 10;

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
});

describe('a server process killed while sending', () => {
  it(`its delivery is sent by another within ${HEARTBEAT_SECONDS} s + ${QUEUE_SUPERVISE_SECONDS} s, once`, async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const fake = await startFakeCustom();
    cleanups.push(() => fake.close());
    const env = {
      DATABASE_URL: database.url,
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      HERALD_SECRET_KEY: randomBytes(32).toString('hex'),
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
      DELIVERY_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
      WEBHOOK_TIMEOUT_MS: '60000',
    };
    const start = async (): Promise<HeraldProcess> => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-pickup-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const p = spawnHerald({ ...env, DATA_DIR: dataDir });
      cleanups.push(async () => {
        p.child.kill('SIGKILL');
        await p.exited;
      });
      await p.waitFor((l) => l.action === 'herald_started');
      return p;
    };

    const first = await start();
    const url = first.lines.find((l) => l.action === 'herald_started')?.url as string;
    await bindCustomReceiver(url, fake.webhookUrl);

    // Enqueued as an engine would; this client runs no queue maintenance of its own.
    const config = loadConfig(env);
    const logger = createLogger('silent');
    const { db } = createDb(database.url, logger, 2);
    cleanups.push(() => db.destroy());
    const boss = new PgBoss({ connectionString: database.url, schema: BOSS_SCHEMA, max: 2, supervise: false });
    boss.on('error', () => {});
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false }));
    const deps = { boss, logger, config, secretBox: createSecretBox(config.secretKey as Buffer, []) };

    fake.failNext({ kind: 'timeout' }); // the first process's send hangs until it is killed
    const { deliveryIds } = await enqueueNotification(deps, db, {
      type: 'circuit_breaker',
      data: sampleData('circuit_breaker', new Date()),
      source: 'hub',
    });
    const id = deliveryIds[0] as string;
    await fake.waitForRequests(1);
    await start(); // the one that takes over

    const killedAt = performance.now();
    first.child.kill('SIGKILL');
    await first.exited;
    await fake.waitForAccepted(1, { timeoutMs: 60_000 });
    const pickupMs = performance.now() - killedAt;
    console.log(`heartbeat ${HEARTBEAT_SECONDS} s: picked up ${(pickupMs / 1000).toFixed(1)} s after the kill`);
    // The heartbeat, the queue's supervise interval, a poll and a little slack for a busy machine.
    expect(pickupMs).toBeLessThan((HEARTBEAT_SECONDS + QUEUE_SUPERVISE_SECONDS + 3) * 1_000);

    const row = await vi.waitFor(
      async () => {
        const r = await findDelivery(db, id);
        if (r?.status !== 'delivered') throw new Error(`still ${r?.status}`);
        return r;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(row).toMatchObject({ status: 'delivered', queue_attempt: 1 });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.received).toHaveLength(2);
  }, 120_000);
});
