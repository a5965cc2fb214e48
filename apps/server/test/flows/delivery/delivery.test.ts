import { sampleData } from '@herald/core';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../src/db/database.ts';
import type { DeliveryRow } from '../../../src/db/tables/delivery.ts';
import { enqueueNotification } from '../../../src/engine/enqueue.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import {
  customTargets,
  type DeliveryHerald,
  logged,
  recordingClock,
  settled,
  startDeliveryHerald,
  switchOn,
} from './support.ts';

const SIGNING_SECRET = `whsec_${Buffer.from('delivery-test-signing-secret-32b').toString('base64')}`;
const fakes: FakeCustom[] = [await startFakeCustom(), await startFakeCustom({ signingSecret: SIGNING_SECRET })];
const [a, b] = fakes as [FakeCustom, FakeCustom];
const sender = recordingClock();
let h: DeliveryHerald;
let targets: string[];

beforeAll(async () => {
  h = await startDeliveryHerald({ workers: { delivery: { senderClock: sender.clock } } });
  await switchOn(h);
  targets = await customTargets(h, [a.webhookUrl, { webhookUrl: b.webhookUrl, signingSecret: SIGNING_SECRET }]);
});
afterAll(async () => {
  await h?.close();
  await Promise.all(fakes.map((f) => f.close()));
});
/** The settled rows of one notification, in the order of `targets`. */
async function byTarget(ids: string[]): Promise<DeliveryRow[]> {
  const rows = await Promise.all(ids.map((id) => settled(h, id)));
  return targets.map((t) => rows.find((r) => r.target_id === t) as DeliveryRow);
}

beforeEach(() => {
  for (const f of fakes) f.clear();
  sender.waits.length = 0;
});

describe('a notification reaches every bound target', () => {
  it('two targets: both delivered once, each row with its attempt and the exact body sent', async () => {
    const { notificationId, deliveryIds } = await h.enqueue();
    expect(notificationId).toEqual(expect.any(String));
    expect(deliveryIds).toHaveLength(2);
    const rows = await byTarget(deliveryIds);
    await Promise.all([a.waitForAccepted(1), b.waitForAccepted(1)]);

    for (const [i, row] of rows.entries()) {
      const fake = fakes[i] as FakeCustom;
      expect(row).toMatchObject({
        status: 'delivered',
        target_id: targets[i],
        channel: 'custom',
        notification_type: 'circuit_breaker',
        status_code: 200,
        error: null,
        queue_attempt: 0,
      });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.attempts).toEqual([
        expect.objectContaining({ outcome: 'success', statusCode: 200, via: 'direct', error: null, queueAttempt: 0 }),
      ]);
      expect(row.rendered_body).toEqual(fake.accepted[0]?.json);
    }
    // Signed: the delivery id travels as the Standard Webhooks message id, so a receiver can drop a repeat.
    expect(b.accepted[0]?.headers['webhook-id']).toBe(rows[1]?.id);
    expect(JSON.stringify(rows)).not.toContain(SIGNING_SECRET);
    expect(a.received).toHaveLength(1);
    expect(b.received).toHaveLength(1);
  });

  it('a receiver failing twice (5xx) then answering: delivered by the sender retries, every attempt logged', async () => {
    a.failNext({ kind: 'status', status: 502 }, 2);
    const { deliveryIds } = await h.enqueue();
    const [first] = await byTarget(deliveryIds);
    expect(first?.status).toBe('delivered');
    expect(first?.attempts.map((x) => [x.outcome, x.statusCode])).toEqual([
      ['retryable', 502],
      ['retryable', 502],
      ['success', 200],
    ]);
    expect(first?.attempts.every((x) => x.queueAttempt === 0)).toBe(true);
    expect(sender.waits).toEqual([1_000, 2_000]);
    expect(a.accepted).toHaveLength(1);
    expect(a.received).toHaveLength(3);
  });

  it('a permanent failure: failed at once after one attempt, not retried by the queue', async () => {
    a.failNext({ kind: 'status', status: 400, body: '{"error":"bad payload"}' });
    const { deliveryIds } = await h.enqueue();
    const row = await settled(h, deliveryIds[0] as string);
    expect(row).toMatchObject({ status: 'failed', failure_class: 'permanent', status_code: 400, queue_attempt: 0 });
    expect(row.attempts).toHaveLength(1);
    expect(row.error).toMatch(/400/);
    await vi.waitFor(
      async () => expect((await h.deps.boss.getJobById(QUEUE_NAMES.delivery, row.id))?.state).toBe('completed'),
      { timeout: 5_000, interval: 20 },
    );
    expect(a.received).toHaveLength(1);
    expect(logged(h, 'notification_job_failed')).toHaveLength(0);
  });
});

describe('switches and recipients are checked again when the job runs', () => {
  /** Enqueues and changes the configuration in the same transaction: the worker only ever sees the change. */
  async function enqueueThen(change: (trx: Transaction<Database>) => Promise<unknown>) {
    return h.db.transaction().execute(async (trx) => {
      const r = await enqueueNotification(h.deps, trx, {
        type: 'circuit_breaker',
        data: sampleData('circuit_breaker', new Date()),
        source: 'hub',
      });
      await change(trx);
      return r;
    });
  }

  it.each([
    ['the master switch', { enabled: false }, /notifications are switched off/],
    ['the type switch', { circuit_breaker_enabled: false }, /circuit_breaker notifications are switched off/],
    ['the mode (legacy)', { use_legacy_mode: true }, /legacy mode/],
  ])('%s turned off in between: skipped, nothing sent', async (_name, patch, reason) => {
    const { deliveryIds } = await enqueueThen((trx) => trx.updateTable('settings').set(patch).execute());
    try {
      const rows = await Promise.all(deliveryIds.map((id) => settled(h, id)));
      for (const row of rows) {
        expect(row.status).toBe('skipped');
        expect(row.error).toMatch(reason);
        expect(row.attempts).toEqual([]);
      }
      expect(a.received.length + b.received.length).toBe(0);
    } finally {
      await h.db
        .updateTable('settings')
        .set({ enabled: true, circuit_breaker_enabled: true, use_legacy_mode: false })
        .execute();
    }
  });

  it('a target disabled and a binding removed in between: both skipped, nothing sent', async () => {
    const { deliveryIds } = await enqueueThen(async (trx) => {
      await trx
        .updateTable('target')
        .set({ is_enabled: false })
        .where('id', '=', targets[0] as string)
        .execute();
      await trx
        .deleteFrom('binding')
        .where('target_id', '=', targets[1] as string)
        .execute();
    });
    try {
      const [first, second] = await byTarget(deliveryIds);
      expect(first).toMatchObject({ status: 'skipped', error: 'the target is disabled' });
      expect(second).toMatchObject({ status: 'skipped', error: 'the binding was removed' });
      expect(a.received.length + b.received.length).toBe(0);
    } finally {
      await h.api('targets.update', { id: targets[0], isEnabled: true });
      await h.api('bindings.set', {
        notificationType: 'circuit_breaker',
        bindings: targets.map((targetId) => ({ targetId, isEnabled: true })),
      });
    }
  });

  it('switched off before enqueueing: nothing stored, nothing queued, logged', async () => {
    await h.api('settings.update', { circuitBreakerEnabled: false });
    try {
      expect(await h.enqueue()).toEqual({ notificationId: null, deliveryIds: [] });
      expect(logged(h, 'notification_not_sent').at(-1)).toMatchObject({ type: 'circuit_breaker' });
    } finally {
      await h.api('settings.update', { circuitBreakerEnabled: true });
    }
  });
});

describe('the delivery log', () => {
  it('lists newest first with filters and a cursor, shows one with attempts and body, resends', async () => {
    b.failNext({ kind: 'status', status: 403 });
    const { deliveryIds } = await h.enqueue();
    const [ok, bad] = await byTarget(deliveryIds);

    const page = await h.api('deliveries.list', { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBe(page.items[0].id);
    const next = await h.api('deliveries.list', { limit: 1, cursor: page.nextCursor });
    expect(next.items[0].id < page.items[0].id).toBe(true);
    expect([page.items[0].id, next.items[0].id].sort()).toEqual([ok?.id, bad?.id].sort());

    const failed = await h.api('deliveries.list', { status: 'failed', targetId: targets[1] });
    expect(failed.items.map((d: { id: string }) => d.id)).toContain(bad?.id);
    expect(failed.items.every((d: { status: string }) => d.status === 'failed')).toBe(true);
    const ofType = await h.api('deliveries.list', { notificationType: 'cost_alert' });
    expect(ofType.items).toEqual([]);

    const detail = await h.api('deliveries.get', { id: ok?.id });
    expect(detail).toMatchObject({
      id: ok?.id,
      status: 'delivered',
      targetName: 'custom 1',
      attemptCount: 1,
      notification: { source: 'manual', data: { providerName: expect.any(String) } },
    });
    expect(detail.attempts[0]).toMatchObject({ outcome: 'success', statusCode: 200, queueAttempt: 0 });
    expect(detail.renderedBody).toEqual(a.accepted.at(-1)?.json);

    // Resend the failed one and the delivered one: new deliveries, sent now.
    const again = await h.api('deliveries.resend', { id: bad?.id });
    const resent = await settled(h, again.deliveryId);
    expect(resent).toMatchObject({ status: 'delivered', resend_of: bad?.id, target_id: targets[1] });
    const twice = await h.api('deliveries.resend', { id: ok?.id });
    expect(await settled(h, twice.deliveryId)).toMatchObject({ status: 'delivered', resend_of: ok?.id });
    expect(a.accepted).toHaveLength(2);
    expect(b.accepted).toHaveLength(1);

    const missing = await h.raw('deliveries.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(404);
  });

  it('labels each body with the language it was written in, whatever the setting says later', async () => {
    const { locale: before } = await h.api('settings.get');
    try {
      await h.api('settings.update', { locale: 'en' });
      const [inEnglish] = await byTarget((await h.enqueue()).deliveryIds);
      await h.api('settings.update', { locale: 'ja' });
      const [inJapanese] = await byTarget((await h.enqueue()).deliveryIds);
      expect((await h.api('deliveries.get', { id: inEnglish?.id })).renderedLocale).toBe('en');
      expect((await h.api('deliveries.get', { id: inJapanese?.id })).renderedLocale).toBe('ja');
    } finally {
      await h.api('settings.update', { locale: before });
    }
  });

  it('filters by time: created at or after from, before to; a bad range names its field', async () => {
    const before = await h.enqueue();
    expect(before.deliveryIds).toHaveLength(2);
    const since = new Date();
    await vi.waitUntil(() => Date.now() > since.getTime() + 2);
    const after = await h.enqueue();
    const ids = async (range: { from?: string; to?: string }) =>
      (await h.api('deliveries.list', { notificationType: 'circuit_breaker', ...range })).items.map(
        (d: { id: string }) => d.id,
      );

    const fromSince = await ids({ from: since.toISOString() });
    expect(fromSince).toEqual(expect.arrayContaining(after.deliveryIds));
    expect(fromSince.some((id: string) => before.deliveryIds.includes(id))).toBe(false);
    const toSince = await ids({ to: since.toISOString() });
    expect(toSince).toEqual(expect.arrayContaining(before.deliveryIds));
    expect(toSince.some((id: string) => after.deliveryIds.includes(id))).toBe(false);
    // An offset is the same instant.
    const withOffset = since.toISOString().replace('Z', '+00:00');
    expect(await ids({ from: withOffset })).toEqual(fromSince);
    // Dates are bounded (2000–2099): the oldest range allowed is long before any delivery.
    expect(await ids({ from: '2000-01-01T00:00:00Z', to: '2000-01-01T00:00:01Z' })).toEqual([]);

    const backwards = await h.raw('deliveries.list', { from: since.toISOString(), to: '2000-01-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.data.issues).toEqual([
      { path: 'to', message: 'must be after from', code: 'field.invalid' },
    ]);
    const bad = await h.raw('deliveries.list', { from: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.data.issues[0]).toMatchObject({ path: 'from', message: expect.stringMatching(/ISO 8601/) });
    await Promise.all([...before.deliveryIds, ...after.deliveryIds].map((id) => settled(h, id)));
  });

  it('refuses to resend one still in progress, or one whose target was deleted', async () => {
    const other = await startFakeCustom();
    try {
      const [extra] = await customTargets(h, [other.webhookUrl], 'cost_alert');
      const done = await h.enqueue({ type: 'cost_alert' });
      expect(await settled(h, done.deliveryIds[0] as string)).toMatchObject({ status: 'delivered' });

      other.failNext({ kind: 'timeout' });
      const held = await h.enqueue({ type: 'cost_alert' });
      await other.waitForRequests(2);
      const busy = await h.raw('deliveries.resend', { id: held.deliveryIds[0] });
      expect(busy.status).toBe(409);
      expect(busy.body.error.message).toMatch(/still sending/);
      expect(busy.body.error.data.herald).toEqual({
        code: 'CONFLICT',
        retryable: false,
        reason: 'delivery.in_progress',
        params: { id: held.deliveryIds[0], status: 'sending' },
      });

      await h.api('targets.delete', { id: extra });
      const gone = await h.raw('deliveries.resend', { id: done.deliveryIds[0] });
      expect(gone.status).toBe(412);
      expect(gone.body.error.message).toMatch(/target was deleted/);
      expect(gone.body.error.data.herald).toMatchObject({
        code: 'PRECONDITION_FAILED',
        reason: 'delivery.target_deleted',
        params: { id: done.deliveryIds[0] },
      });
    } finally {
      await other.close();
    }
  });

  it('needs an admin', async () => {
    const r = await fetch(`${h.url}/trpc/deliveries.list`);
    expect(r.status).toBe(401);
  });
});

describe('/metrics', () => {
  it('counts deliveries by outcome, send latency, queue depth and unfinished deliveries', async () => {
    const { deliveryIds } = await h.enqueue();
    await Promise.all(deliveryIds.map((id) => settled(h, id)));
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(
      /herald_deliveries_total\{channel="custom",type="circuit_breaker",outcome="delivered",failure_class=""\} \d+/,
    );
    expect(text).toMatch(/herald_deliveries_total\{[^}]*outcome="skipped"[^}]*\} \d+/);
    expect(text).toMatch(/herald_deliveries_total\{[^}]*outcome="failed",failure_class="permanent"\} \d+/);
    expect(text).toMatch(/herald_send_latency_seconds_bucket\{le="0\.1",channel="custom"\} \d+/);
    expect(text).toMatch(/herald_queue_depth\{queue="delivery"\} \d+/);
    expect(text).toMatch(/# TYPE herald_alerts_suppressed_total counter/);
    expect(text).toMatch(/# TYPE herald_deliveries_unfinished gauge/);
  });
});
