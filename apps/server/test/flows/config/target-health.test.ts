/**
 * targets.health: a target is judged by its real deliveries, not only its last test. A DingTalk
 * target with a wrong signing secret, whose deliveries fail with 310000, reads failing with that
 * code; the 24 h success rate follows the engine clock's window.
 */
import { sampleData, type TargetHealth } from '@herald/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetHealthQuery } from '../../../src/db/repos/target-health.ts';
import { enqueueNotification } from '../../../src/engine/enqueue.ts';
import { startFakeDingtalk } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { settled } from '../delivery/support.ts';
import { bindOnly, switchOn } from '../incidents/support.ts';
import { hoursBefore, seedDelivery, seedNotification, seedTarget } from '../overview/seed.ts';

const SECRET = 'SEC-health-0123456789abcdef';
const HOUR = 3_600_000;
const ding = await startFakeDingtalk({ accessToken: 'dt-health-token', secret: SECRET });
const clock = manualClock(new Date(0));
let h: TestHerald;
let dingId: string;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  // The engine clock starts where the database's is, so the rows it stamps and the window agree.
  clock.set((await sql<{ now: Date }>`select now()`.execute(h.db)).rows[0]?.now as Date);
  const target = await admin().targets.create.mutate({
    name: 'DingTalk ops',
    providerType: 'dingtalk',
    webhookUrl: ding.webhookUrl,
    dingtalkSecret: 'SEC-wrong-secret',
  });
  dingId = target.id;
  await bindOnly(h, 'circuit_breaker', [dingId]);
  await switchOn(h);
});
afterAll(async () => {
  await h?.close();
  await ding.close();
});

const admin = () => h.client(TEST_ADMIN_TOKEN);
const healthOf = async (id: string): Promise<TargetHealth> => {
  const all = await admin().targets.health.query();
  const found = all.find((x) => x.targetId === id);
  if (!found) throw new Error(`no health for ${id}`);
  return found;
};

async function sendOne(): Promise<string> {
  const r = await enqueueNotification(h.herald.deps, h.db, {
    type: 'circuit_breaker',
    data: sampleData('circuit_breaker', clock.now()),
    source: 'manual',
  });
  const [id] = r.deliveryIds;
  if (!id) throw new Error('nothing enqueued');
  await settled(h, id);
  return id;
}

describe('a DingTalk target whose real deliveries fail with 310000', () => {
  it('is untested before anything was sent or tested', async () => {
    expect(await healthOf(dingId)).toEqual({
      targetId: dingId,
      state: 'untested',
      lastDelivery: null,
      lastFailure: null,
      window: { delivered: 0, failed: 0, successRate: null },
    });
  });

  it('reads failing with the platform code after real deliveries fail, though it was never tested', async () => {
    const newest = await sendOne();
    const list = await admin().targets.list.query();
    expect(list.find((t) => t.id === dingId)?.lastTestResult).toBeNull();
    const health = await healthOf(dingId);
    expect(health.state).toBe('failing');
    expect(health.lastDelivery).toMatchObject({ deliveryId: newest, status: 'failed', platformCode: '310000' });
    expect(health.lastDelivery?.error).toMatch(/^310000: sign not match/);
    expect(health.lastFailure).toEqual(health.lastDelivery);
    expect(health.window).toEqual({ delivered: 0, failed: 1, successRate: 0 });
  });

  it('a successful test after the secret is fixed is newer than the failures: no longer failing', async () => {
    await admin().targets.update.mutate({ id: dingId, dingtalkSecret: SECRET });
    clock.advance(1_000);
    expect((await admin().targets.test.mutate({ id: dingId })).success).toBe(true);
    const health = await healthOf(dingId);
    // Deliveries finished in the window, so ok (not idle); the failure stays as the last error.
    expect(health.state).toBe('ok');
    expect(health.lastFailure?.platformCode).toBe('310000');
  });
});

describe('the 24 h success rate over the engine clock', () => {
  let id: string;
  let now: Date;

  beforeAll(async () => {
    now = new Date(clock.now().getTime() + 10 * HOUR);
    clock.set(now);
    id = await seedTarget(h.db, 'seeded receiver');
    const n = await seedNotification(h.db, hoursBefore(now, 30));
    const row = (hours: number, status: 'delivered' | 'failed' | 'skipped' | 'pending', error?: string) =>
      seedDelivery(h.db, {
        notificationId: n,
        at: hoursBefore(now, hours),
        status,
        targetId: id,
        error: error ?? null,
      });
    await row(25, 'failed', '-1: busy'); // outside
    await row(24 + 1 / 60, 'delivered'); // outside by a minute
    await row(23, 'delivered');
    await row(12, 'delivered');
    await row(1, 'failed', 'HTTP 502: bad gateway');
    await row(0.75, 'skipped'); // not an outcome
    await row(0.5, 'delivered');
    await row(0.25, 'pending'); // not finished
  });

  it('counts delivered / (delivered + failed) created in the last 24 h', async () => {
    const health = await healthOf(id);
    expect(health.window).toEqual({ delivered: 3, failed: 1, successRate: 0.75 });
    expect(health.state).toBe('ok');
    expect(health.lastDelivery?.status).toBe('delivered');
    expect(health.lastFailure).toMatchObject({ error: 'HTTP 502: bad gateway', platformCode: null });
  });

  it('two hours later the 23 h delivery has left the window', async () => {
    clock.advance(2 * HOUR);
    expect((await healthOf(id)).window).toEqual({ delivered: 2, failed: 1, successRate: 2 / 3 });
  });

  it('with nothing finished in 24 h a working target is idle, and a failing one stays failing', async () => {
    clock.advance(3 * 24 * HOUR);
    expect(await healthOf(id)).toMatchObject({ state: 'idle', window: { delivered: 0, failed: 0, successRate: null } });
    const other = await seedTarget(h.db, 'failed long ago');
    const n = await seedNotification(h.db, hoursBefore(clock.now(), 100));
    await seedDelivery(h.db, {
      notificationId: n,
      at: hoursBefore(clock.now(), 100),
      status: 'failed',
      targetId: other,
      error: '310000: sign not match',
    });
    expect(await healthOf(other)).toMatchObject({ state: 'failing', window: { successRate: null } });
  });

  it('only a test, failed: failing; passed: idle', async () => {
    const failed = await seedTarget(h.db, 'test failed', { test: { at: clock.now(), success: false, error: 'x' } });
    const passed = await seedTarget(h.db, 'test passed', { test: { at: clock.now(), success: true } });
    expect((await healthOf(failed)).state).toBe('failing');
    expect((await healthOf(passed)).state).toBe('idle');
  });
});

describe('the query plan', () => {
  it('reads the delivery log through its indexes only (no sequential scan, even when made costly)', async () => {
    const plan = await h.db.connection().execute(async (conn) => {
      await sql`set enable_seqscan = off`.execute(conn);
      const query = targetHealthQuery(hoursBefore(clock.now(), 24));
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(conn);
      await sql`reset enable_seqscan`.execute(conn);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).not.toMatch(/Seq Scan on delivery/);
    expect(plan).toContain('delivery_target_failed_idx');
    expect(plan).toContain('delivery_target_idx');
  });
});
