import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../src/db/database.ts';
import { migrateToLatest } from '../../../src/db/migrate.ts';
import {
  claimDeliveries,
  findDelivery,
  insertDeliveries,
  insertNotifications,
  recordResults,
  renewLeases,
} from '../../../src/db/repos/deliveries.ts';
import { final } from '../../../src/engine/delivery-run.ts';
import { uuidv7 } from '../../../src/engine/enqueue.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase } from '../../db.ts';

/** The claim's rules, on a real database: a row is sent by one run at a time, whatever the queue redelivers. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, createLogger('silent'), 2).db;
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

async function newDelivery(): Promise<string> {
  const notification = uuidv7();
  await insertNotifications(db, [{ id: notification, type: 'circuit_breaker', data: {}, source: 'manual' }]);
  const id = uuidv7();
  await insertDeliveries(db, [
    {
      id,
      notification_id: notification,
      notification_type: 'circuit_breaker',
      target_id: null,
      target_name: null,
      binding_id: null,
      resend_of: null,
      channel: 'custom',
    },
  ]);
  return id;
}

const expire = (id: string) =>
  db
    .updateTable('delivery')
    .set({ lease_until: new Date(Date.now() - 1_000) })
    .where('id', '=', id)
    .execute();

describe('claiming a delivery', () => {
  it('leases it to the claiming run; another run gets it only once the lease has run out', async () => {
    const id = await newDelivery();
    const first = await claimDeliveries(db, [{ id, queueAttempt: 0 }], 5);
    expect(first.claimed.map((d) => d.id)).toEqual([id]);
    const row = await findDelivery(db, id);
    expect(row?.status).toBe('sending');
    const leased = row?.lease_until?.getTime() ?? 0;
    expect(leased).toBeGreaterThan(Date.now() + 3_000);

    // The job redelivered (its heartbeat lapsed) while the first run still holds the row.
    const second = await claimDeliveries(db, [{ id, queueAttempt: 1 }], 5);
    expect(second.claimed).toEqual([]);
    expect(second.held).toEqual([{ id, until: row?.lease_until }]);

    // The first run renews; once it stops renewing and the lease runs out, the next run claims.
    await renewLeases(db, [{ id, queueAttempt: 0 }], 60);
    expect((await findDelivery(db, id))?.lease_until?.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await expire(id);
    // (A 1 s lease here: the test cluster may have started less than 5 s ago, see the next test.)
    const third = await claimDeliveries(db, [{ id, queueAttempt: 1 }], 1);
    expect(third.claimed.map((d) => d.queue_attempt)).toEqual([1]);
    // The run that lost it can no longer renew it.
    await renewLeases(db, [{ id, queueAttempt: 0 }], 600);
    expect((await findDelivery(db, id))?.lease_until?.getTime()).toBeLessThan(Date.now() + 60_000);
  });

  it('counts no lease as run out within one lease of the database starting (nobody could renew while it was down)', async () => {
    const id = await newDelivery();
    await claimDeliveries(db, [{ id, queueAttempt: 0 }], 5);
    await expire(id);
    // A lease longer than the cluster has been up: the start-up grace still holds the row.
    const lease = 10 * 365 * 24 * 3600;
    const held = await claimDeliveries(db, [{ id, queueAttempt: 1 }], lease);
    expect(held.claimed).toEqual([]);
    expect(held.held[0]?.until.getTime()).toBeGreaterThan(Date.now() + (lease - 3600) * 1_000);
  });

  it('a written outcome ends the lease; a final row is never claimed again, by any run', async () => {
    const id = await newDelivery();
    await claimDeliveries(db, [{ id, queueAttempt: 0 }], 60);
    await recordResults(db, [final(id, 'delivered', { statusCode: 200 })]);
    expect(await findDelivery(db, id)).toMatchObject({ status: 'delivered', lease_until: null });
    const again = await claimDeliveries(db, [{ id, queueAttempt: 1 }], 60);
    expect(again).toEqual({ claimed: [], held: [] });
  });
});
