import type { AppDeps } from '../deps.ts';
import { errorText } from '../error-text.ts';
import { QUEUE_NAMES } from '../jobs/queues.ts';
import type { Clock } from '../senders/clock.ts';
import { type BatchEnv, type Entry, runBatch } from './delivery-batch.ts';
import { startHeartbeat } from './delivery-heartbeat.ts';
import { createPacer } from './delivery-pace.ts';
import type { DeliveryJob, DeliveryJobData, RunEnv } from './delivery-run.ts';
import { createSettlements } from './delivery-settle.ts';
import { gatherGroup, splitOffRest } from './digests.ts';
import { DELIVERY_WAKE_CHANNEL } from './enqueue.ts';

export type { DeliveryJobData } from './delivery-run.ts';

const QUEUE = QUEUE_NAMES.delivery;

/** Deliveries a process sends at once by default. */
export const DEFAULT_CONCURRENCY = 256;
/**
 * The share of a process's slots one target may hold by default: half (128 of 256), so a
 * receiver that hangs leaves the other half to everyone else, and one busy fast target still
 * has the concurrency the throughput goal needs (a quarter measured ~half the throughput).
 */
export const defaultPerTarget = (concurrency: number) => Math.max(1, Math.floor(concurrency / 2));

export type DeliveryWorkerOptions = {
  /** Deliveries this process sends at once; a slow endpoint holds one slot, not a batch. Default 256. */
  concurrency?: number;
  /** Jobs one target (or legacy URL) may have running at once, counted by the queue across processes. Default concurrency / 2. */
  perTargetConcurrency?: number;
  /** Jobs per fetch. Default 100. */
  batchSize?: number;
  /** The backstop poll when no wake-up arrives (queue retries becoming due, a missed NOTIFY). Default 1000. */
  pollIntervalMs?: number;
  /** The clock the sender's 1/2/4 s retry waits use (tests pass a fast one). Default `deps.clock`. */
  senderClock?: Clock;
};

export type DeliveryWorker = {
  /** Fetch now (new jobs are known to be committed). */
  wake(): void;
  /** Deliveries fetched and not yet settled. */
  readonly inFlight: number;
  /**
   * Stops fetching and returns within `timeoutMs`: running sends get most of it to finish; then
   * they are aborted and put back in the queue (run again at once, here or elsewhere), finished
   * ones are written, and the abandoned ids are logged.
   */
  stop(timeoutMs: number): Promise<void>;
};

/**
 * The delivery worker: fetches jobs in batches, at most `perTargetConcurrency` running per
 * target (the queue counts them, so a saturated target's jobs stay queued, using no slot and no
 * retry, and the fetch passes over them: about 3 ms per 1,000 waiting, measured), and runs each
 * delivery on its own (delivery-run.ts). Woken by NOTIFY on commit of an enqueue (any process)
 * and when slots free up; polling as a backstop.
 *
 * Sent once. A run claims its row with a lease (renewed with the job's heartbeat); another
 * process's run cannot claim a leased row and puts its job back until the lease ends. Outcomes
 * that cannot be written wait in this process (delivery-settle.ts) and are written before any
 * new fetch; a job fetched again while this process still holds it (its heartbeat lapsed during
 * an outage) is taken over by the run already holding it, never sent twice. The gap left: a
 * process that dies, or stays cut off from the database for longer than a lease, after the
 * platform's 2xx and before the write. Signed custom targets get the delivery id as
 * `webhook-id` on every try, so a receiver can drop the repeat.
 */
export async function startDeliveryWorker(deps: AppDeps, opts: DeliveryWorkerOptions = {}): Promise<DeliveryWorker> {
  const { boss, db, logger, metrics, config } = deps;
  const log = logger.child({ component: 'delivery' });
  const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
  const perTarget = opts.perTargetConcurrency ?? defaultPerTarget(concurrency);
  const batchSize = Math.min(opts.batchSize ?? 100, concurrency);
  const minFetch = Math.min(batchSize, Math.ceil(concurrency / 4));
  const refetchAfter = Math.max(1, Math.floor(Math.min(batchSize, perTarget) / 2));
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const leaseSeconds = config.deliveryHeartbeatSeconds;
  const env: RunEnv = {
    log,
    metrics,
    clock: deps.clock,
    pacer: createPacer(db, deps.clock),
    splitDigest: (d, keep, rest, part) => splitOffRest(deps, db, d, keep, rest, part),
    retryDelaySeconds: config.deliveryRetryDelaySeconds,
    publicUrl: config.publicUrl,
    sendDeps: {
      http: deps.http,
      clock: opts.senderClock ?? deps.clock,
      logger,
      telegramApiBaseUrl: config.telegramApiBaseUrl,
      connectTimeoutMs: config.webhookConnectTimeoutMs,
      totalTimeoutMs: config.webhookTimeoutMs,
    },
  };

  let running = true;
  const active = new Map<string, Entry>();
  const batches = new Set<Promise<void>>();
  let sending = 0;
  let sendsDone: (() => void) | null = null;
  const allSent = () =>
    new Promise<void>((resolve) => {
      sendsDone = resolve;
      if (sending === 0) resolve();
    });

  // The loop sleeps here between fetches; wake() (NOTIFY, stop) or enough freed slots end the sleep.
  let woken = false;
  let freed = 0;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  // Jobs put back until a time (a pace slot, a platform's wait) wake this worker then, not at the next poll.
  const wakeTimes: number[] = [];
  let wakeTimer: NodeJS.Timeout | null = null;
  const armWake = () => {
    if (wakeTimer) clearTimeout(wakeTimer);
    wakeTimer = null;
    const next = wakeTimes[0];
    if (next === undefined || !running) return;
    wakeTimer = setTimeout(
      () => {
        const now = Date.now();
        while (wakeTimes.length > 0 && (wakeTimes[0] as number) <= now + 2) wakeTimes.shift();
        wake();
        armWake();
      },
      Math.max(0, next - Date.now()) + 5,
    );
    wakeTimer.unref();
  };
  const wakeAt = (at: Date) => {
    const t = at.getTime();
    if (wakeTimes.length >= 10_000 || wakeTimes.includes(t)) return;
    const i = wakeTimes.findIndex((x) => x > t);
    wakeTimes.splice(i === -1 ? wakeTimes.length : i, 0, t);
    if (i === 0 || wakeTimes.length === 1) armWake();
  };

  const settlements = createSettlements({
    db,
    boss,
    log,
    onSettled(held) {
      if (active.get(held.job.id) !== held) return;
      active.delete(held.job.id);
      metrics.deliveriesInFlight.set(active.size);
      if (++freed >= refetchAfter || active.size === 0) wakeUp?.();
    },
  });

  const batchEnv: BatchEnv = {
    db,
    gather: (group, paceDigests) => gatherGroup(deps, db, group, paceDigests),
    wakeAt,
    secretBox: deps.secretBox,
    run: env,
    settlements,
    leaseSeconds,
    outage: deps.outage,
    sends: {
      started: () => void sending++,
      ended: () => {
        if (--sending === 0) sendsDone?.();
      },
    },
  };
  const stopHeartbeat = startHeartbeat({
    boss,
    db,
    log,
    outage: deps.outage,
    leaseSeconds,
    held: () => [...active.values()],
  });

  const listener = await listen(deps, wake).catch((err: unknown) => {
    log.warn({ action: 'delivery_listen_failed', err: errorText(err) }, 'no LISTEN/NOTIFY: polling only');
    return null;
  });

  let fetchFailing = false;
  const loop = (async () => {
    while (running) {
      // Outcomes waiting for the database are written before any new work is taken.
      if (settlements.failing) {
        await Promise.race([settlements.drain(), sleep(pollIntervalMs)]);
        continue;
      }
      const free = concurrency - active.size;
      if (free < minFetch) {
        freed = 0;
        await sleep(pollIntervalMs);
        continue;
      }
      woken = false;
      freed = 0;
      const want = Math.min(batchSize, free);
      let jobs: DeliveryJob[] = [];
      try {
        jobs = await boss.fetch<DeliveryJobData>(QUEUE, {
          batchSize: want,
          includeMetadata: true,
          groupConcurrency: perTarget,
        });
        fetchFailing = false;
      } catch (err) {
        // A lost database is logged once for the whole process (deps.outage); anything else here.
        if (!deps.outage.report('delivery', err) && !fetchFailing) {
          log.warn({ action: 'delivery_fetch_failed', err: errorText(err) }, 'fetch failed');
        }
        fetchFailing = true;
      }
      const fresh: Entry[] = [];
      for (const job of jobs) {
        const held = active.get(job.id);
        // Fetched again while still held here (its heartbeat lapsed): the run holding it goes on
        // and settles this newer attempt. Nothing is sent twice. One already settling (put back
        // until a pace slot that has come) is a new run.
        if (held && !held.settling) held.job = job;
        else {
          const e: Entry = { job, claimedAt: null, abort: null };
          active.set(job.id, e);
          fresh.push(e);
        }
      }
      metrics.deliveriesInFlight.set(active.size);
      if (fresh.length > 0) {
        const batch = runBatch(batchEnv, fresh);
        batches.add(batch);
        void batch.finally(() => batches.delete(batch));
      }
      if (jobs.length === want && running) continue; // more waiting: fetch again at once
      if (!woken && running) await sleep(pollIntervalMs);
    }
  })();

  return {
    wake,
    get inFlight() {
      return active.size;
    },
    async stop(timeoutMs: number) {
      const deadline = Date.now() + Math.max(0, timeoutMs);
      // Kept for aborting, writing the outcomes and putting the abandoned back.
      const sendDeadline = deadline - Math.min(1_000, timeoutMs / 4);
      running = false;
      if (wakeTimer) clearTimeout(wakeTimer);
      wake();
      void listener?.close().catch(() => {});
      await until(loop, sendDeadline);
      await until(Promise.all([...batches]), sendDeadline);
      await until(allSent(), sendDeadline);
      const abandoned = [...active.values()].filter((e) => e.abort !== null);
      for (const e of abandoned) e.abort?.abort(new Error('Herald is stopping'));
      await until(allSent(), deadline);
      await settlements.drain(deadline);
      settlements.close();
      stopHeartbeat();
      if (abandoned.length > 0) {
        log.warn(
          { action: 'delivery_stop_abandoned', deliveryIds: abandoned.map((e) => e.job.id) },
          `stopped with ${abandoned.length} deliveries still sending: aborted and put back in the queue, they run again at once`,
        );
      }
      const waiting = settlements.waiting();
      if (waiting.length > 0) {
        log.error(
          { action: 'delivery_stop_unwritten', deliveryIds: waiting },
          `stopped with ${waiting.length} delivery outcomes not written (the database did not answer): their jobs run again once their heartbeat lapses`,
        );
      }
    },
  };
}

/** Resolves when `p` settles or at `deadline` (ms since epoch), whichever comes first. */
async function until(p: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    }),
  ]);
  clearTimeout(timer);
}

/** Wakes `wake` whenever an enqueue commits, in any process (and after a reconnect). */
async function listen(deps: AppDeps, wake: () => void) {
  const db = deps.boss.getDb();
  if (typeof db.listen !== 'function') throw new Error('the queue connection cannot LISTEN');
  return db.listen(DELIVERY_WAKE_CHANNEL, wake, wake);
}
