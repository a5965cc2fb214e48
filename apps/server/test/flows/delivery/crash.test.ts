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
import { BOSS_SCHEMA } from '../../../src/jobs/boss.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase } from '../../db.ts';
import { startFakeCustom } from '../../fake-platforms/index.ts';
import { TEST_ADMIN_TOKEN } from '../../herald.ts';
import { spawnHerald } from '../../support/herald-process.ts';
import { bindCustomReceiver } from './support.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
});

describe('a server killed mid-delivery', () => {
  it('is replaced by a new process that delivers it: exactly once at the receiver, nothing lost', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const fake = await startFakeCustom();
    cleanups.push(() => fake.close());
    const env = {
      DATABASE_URL: database.url,
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      HERALD_SECRET_KEY: randomBytes(32).toString('hex'),
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // A dead worker's job is noticed after 10 s without a heartbeat (30 s by default).
      DELIVERY_HEARTBEAT_SECONDS: '10',
      DELIVERY_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_TIMEOUT_MS: '60000',
    };

    const first = spawnHerald(env);
    cleanups.push(async () => {
      first.child.kill('SIGKILL');
      await first.exited;
    });
    const url = (await first.waitFor((l) => l.action === 'herald_started')).url as string;
    await bindCustomReceiver(url, fake.webhookUrl);

    // This test's own queue client: it enqueues like an engine would, and runs pg-boss's
    // maintenance every second (a server does it every QUEUE_SUPERVISE_SECONDS) so the lapsed heartbeat is seen soon.
    const config = loadConfig(env);
    const logger = createLogger('silent');
    const { db } = createDb(database.url, logger, 2);
    cleanups.push(() => db.destroy());
    const boss = new PgBoss({
      connectionString: database.url,
      schema: BOSS_SCHEMA,
      max: 2,
      superviseIntervalSeconds: 1,
      monitorIntervalSeconds: 1,
    });
    boss.on('error', () => {});
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false }));
    const deps = { boss, logger, config, secretBox: createSecretBox(config.secretKey as Buffer, []) };

    // The receiver holds the first request open: the kill lands while it is being sent.
    fake.failNext({ kind: 'timeout' });
    const { deliveryIds } = await enqueueNotification(deps, db, {
      type: 'circuit_breaker',
      data: sampleData('circuit_breaker', new Date()),
      source: 'hub',
    });
    const id = deliveryIds[0] as string;
    await fake.waitForRequests(1);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await findDelivery(db, id)).toMatchObject({ status: 'sending', queue_attempt: 0 });
    expect((await boss.getJobById(QUEUE_NAMES.delivery, id))?.state).toBe('active');

    const second = spawnHerald(env);
    cleanups.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    await second.waitFor((l) => l.action === 'herald_started');
    await fake.waitForAccepted(1, { timeoutMs: 45_000 });
    const row = await vi.waitFor(
      async () => {
        const r = await findDelivery(db, id);
        if (r?.status !== 'delivered') throw new Error(`still ${r?.status}`);
        return r;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(row).toMatchObject({ status: 'delivered', queue_attempt: 1, status_code: 200 });
    // The killed run recorded nothing; the run after the restart is the one in the log.
    expect(row.attempts).toEqual([expect.objectContaining({ outcome: 'success', queueAttempt: 1 })]);
    await vi.waitFor(async () => expect((await boss.getJobById(QUEUE_NAMES.delivery, id))?.state).toBe('completed'), {
      timeout: 10_000,
      interval: 50,
    });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.received).toHaveLength(2);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 90_000);
});
