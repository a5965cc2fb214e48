import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELIVERY_RETRY_LIMIT, QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import {
  customTargets,
  type DeliveryHerald,
  logged,
  recordingClock,
  rowWhen,
  settled,
  startDeliveryHerald,
  switchOn,
} from './support.ts';

/** Queue retries after 1, 2, 4 s here instead of 60, 120, 240 s; the sender's 1/2/4 s waits are skipped. */
const fake: FakeCustom = await startFakeCustom();
const sender = recordingClock();
let h: DeliveryHerald;

beforeAll(async () => {
  h = await startDeliveryHerald({
    env: { DELIVERY_RETRY_DELAY_SECONDS: '1' },
    workers: { delivery: { senderClock: sender.clock, pollIntervalMs: 200 } },
  });
  await switchOn(h);
  await customTargets(h, [fake.webhookUrl]);
});
afterAll(async () => {
  await h?.close();
  await fake.close();
});
beforeEach(() => fake.clear());

const at = (iso: string) => new Date(iso).getTime();

describe('queue retries', () => {
  it('a run that fails every sender retry is retried by the queue and delivered on its next run', async () => {
    fake.failNext({ kind: 'status', status: 503 }, 4);
    const { deliveryIds } = await h.enqueue();
    const id = deliveryIds[0] as string;

    const waiting = await rowWhen(h, id, (r) => r.status === 'pending' && r.attempts.length > 0);
    expect(waiting).toMatchObject({
      status: 'pending',
      failure_class: 'retryable',
      status_code: 503,
      queue_attempt: 0,
    });
    expect(waiting.attempts).toHaveLength(4);
    expect(waiting.error).toMatch(/503/);
    expect(waiting.next_attempt_at).toBeInstanceOf(Date);

    const row = await settled(h, id);
    expect(row).toMatchObject({ status: 'delivered', queue_attempt: 1, error: null, failure_class: null });
    expect(row.attempts.map((a) => [a.queueAttempt, a.outcome])).toEqual([
      [0, 'retryable'],
      [0, 'retryable'],
      [0, 'retryable'],
      [0, 'retryable'],
      [1, 'success'],
    ]);
    // The queue waited its first delay (1 s here, 60 s by default) before the second run.
    const gap = at(row.attempts[4]?.at as string) - at(row.attempts[3]?.at as string);
    expect(gap).toBeGreaterThanOrEqual(1_000);
    expect(fake.accepted).toHaveLength(1);
  });

  it('a run failing on every queue retry ends failed after 1 + 3 runs, logged notification_job_failed once', async () => {
    fake.failNext({ kind: 'status', status: 500 }, 16);
    const { deliveryIds } = await h.enqueue();
    const id = deliveryIds[0] as string;
    const row = await settled(h, id, ['failed', 'delivered'], 30_000);

    expect(row).toMatchObject({ status: 'failed', failure_class: 'retryable', queue_attempt: 3, status_code: 500 });
    expect(row.next_attempt_at).toBeNull();
    expect(row.attempts).toHaveLength(16);
    expect(row.attempts.map((a) => a.queueAttempt)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    // Each queue retry waited base × 2^n: 1, 2, 4 s (60, 120, 240 s by default).
    const firstOf = (n: number) => at(row.attempts.find((a) => a.queueAttempt === n)?.at as string);
    const lastOf = (n: number) => at(row.attempts.findLast((a) => a.queueAttempt === n)?.at as string);
    expect(firstOf(1) - lastOf(0)).toBeGreaterThanOrEqual(1_000);
    expect(firstOf(2) - lastOf(1)).toBeGreaterThanOrEqual(2_000);
    expect(firstOf(3) - lastOf(2)).toBeGreaterThanOrEqual(4_000);
    expect(fake.received).toHaveLength(16);
    expect(fake.accepted).toHaveLength(0);

    await vi.waitFor(
      async () =>
        expect(await h.deps.boss.getJobById(QUEUE_NAMES.delivery, id)).toMatchObject({
          state: 'failed',
          retryCount: 3,
        }),
      { timeout: 5_000, interval: 20 },
    );
    // The dead-letter copy finds the row already closed and leaves it (and the log) alone.
    await vi.waitFor(
      async () => {
        const [dead] = await h.deps.boss.findJobs(QUEUE_NAMES.deliveryDead, { data: { deliveryId: id } });
        expect(dead?.state).toBe('completed');
      },
      { timeout: 15_000, interval: 100 },
    );
    const failed = logged(h, 'notification_job_failed').filter((l) => l.deliveryId === id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'circuit_breaker', channel: 'custom', queueAttempts: 4, attempts: 16 });
  }, 45_000);

  it("a platform's rate-limit answer puts the delivery back until its Retry-After, without using a retry", async () => {
    fake.failNext({ kind: 'rateLimit', retryAfterSeconds: 90 });
    const before = Date.now();
    const { deliveryIds } = await h.enqueue();
    const id = deliveryIds[0] as string;
    const row = await rowWhen(h, id, (r) => r.status === 'pending' && r.attempts.length > 0);
    expect(row.attempts).toHaveLength(1);
    expect(row.status_code).toBe(429);
    expect(row.wait_reason).toBe('platform_limit');
    const next = row.next_attempt_at?.getTime() ?? 0;
    expect(next).toBeGreaterThanOrEqual(before + 90_000);
    expect(next).toBeLessThan(before + 95_000);
    // The row is written first, then the job is put back (created, not retry) with its time.
    await vi.waitFor(
      async () => {
        const job = await h.deps.boss.getJobById(QUEUE_NAMES.delivery, id);
        expect(job?.state).toBe('created');
        // The next claim counts as a run, so the limit went up by one with it: no retry is used.
        expect(job?.retryLimit).toBe(DELIVERY_RETRY_LIMIT + 1);
        expect(Math.abs(new Date(job?.startAfter as Date).getTime() - next)).toBeLessThan(1_000);
      },
      { timeout: 5_000, interval: 20 },
    );
  });
});
