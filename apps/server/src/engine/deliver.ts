import { claimDeliveries, renewLeases } from '../db/repos/deliveries.ts';
import type { AppDeps } from '../deps.ts';
import { QUEUE_NAMES } from '../jobs/queues.ts';
import type { Clock } from '../senders/clock.ts';
import {
  type DeliveryJob,
  type DeliveryJobData,
  errorText,
  type RunEnv,
  runDelivery,
  unfinished,
} from './delivery-run.ts';
import { attemptOf, createSettlements, type Held } from './delivery-settle.ts';
import { DELIVERY_WAKE_CHANNEL } from './enqueue.ts';
import { loadRecipientContext } from './targets-for.ts';

export type { DeliveryJobData } from './delivery-run.ts';

const QUEUE = QUEUE_NAMES.delivery;

/** Deliveries a process sends at once by default. */
export const DEFAULT_CONCURRENCY = 256;
/** The share of a process's slots one target may hold by default: a quarter (64 of 256). */
export const defaultPerTarget = (concurrency: number) => Math.max(1, Math.floor(concurrency / 4));

export type DeliveryWorkerOptions = {
  /** Deliveries this process sends at once; a slow endpoint holds one slot, not a batch. Default 256. */
  concurrency?: number;
  /** Sends one target (or legacy URL) may have running at once, counted by the queue across processes. Default concurrency / 4. */
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

/** A fetched job while this process holds it; `claimedAt` is the queue attempt its row was claimed with. */
type Entry = Held & { claimedAt: number | null; abort: AbortController | null };

/**
 * The delivery worker: fetches jobs in batches, at most `perTargetConcurrency` running per
 * target (the queue counts them, so a saturated target's jobs stay queued and the fetch passes
 * over them), and runs each delivery on its own (delivery-run.ts). Woken by NOTIFY on commit of
 * an enqueue (any process) and when slots free up; polling as a backstop.
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
    retryDelaySeconds: config.deliveryRetryDelaySeconds,
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

  async function runBatch(entries: Entry[]): Promise<void> {
    let claim: Awaited<ReturnType<typeof claimDeliveries>>;
    let ctx: Awaited<ReturnType<typeof loadRecipientContext>>;
    try {
      claim = await claimDeliveries(
        db,
        entries.map((e) => ({ id: e.job.data.deliveryId ?? e.job.id, queueAttempt: e.job.retryCount })),
        leaseSeconds,
      );
    } catch (err) {
      log.warn({ action: 'delivery_batch_failed', err: errorText(err), jobs: entries.length }, 'could not claim');
      for (const e of entries) settlements.add(e, { result: null, settle: { kind: 'requeue' } });
      return;
    }
    try {
      ctx = await loadRecipientContext(db, deps.secretBox, claim.claimed);
    } catch (err) {
      log.warn({ action: 'delivery_batch_failed', err: errorText(err), jobs: entries.length }, 'could not start');
      const claimed = new Set(claim.claimed.map((d) => d.id));
      for (const e of entries) {
        const result = claimed.has(e.job.id) ? unfinished(e.job.id, errorText(err)) : null;
        settlements.add(e, { result, settle: { kind: 'requeue' } });
      }
      return;
    }
    const byId = new Map(claim.claimed.map((d) => [d.id, d]));
    const held = new Map(claim.held.map((h) => [h.id, h.until]));
    for (const e of entries) {
      const d = byId.get(e.job.data.deliveryId ?? e.job.id);
      if (!d) {
        // Another live run holds it: back to the queue until its lease ends. Otherwise it is
        // final (a redelivered job) or claimed by a newer run: nothing to send.
        const until = held.get(e.job.id);
        settlements.add(e, { result: null, settle: until ? { kind: 'requeue', at: until } : { kind: 'complete' } });
        continue;
      }
      e.claimedAt = e.job.retryCount;
      e.abort = new AbortController();
      sending++;
      const run = runDelivery(env, e.job, d, ctx, e.abort.signal).catch((err: unknown) => {
        log.error({ action: 'delivery_error', deliveryId: d.id, err: errorText(err) }, 'delivery run failed');
        const at = new Date(Date.now() + config.deliveryRetryDelaySeconds * 1_000);
        return { result: unfinished(d.id, errorText(err)), settle: { kind: 'retry' as const, at } };
      });
      void run.then((outcome) => {
        e.abort = null;
        if (--sending === 0) sendsDone?.();
        settlements.add(e, outcome);
      });
    }
  }

  // Heartbeats keep both claims alive while sends run and while outcomes wait: the job's (a crashed
  // process's jobs lapse and run again) and the row's lease (no other process sends it meanwhile).
  let beatFailing = false;
  const heartbeat = setInterval(
    () => {
      const entries = [...active.values()];
      if (entries.length === 0) return;
      const leased = entries.flatMap((e) =>
        e.claimedAt === null ? [] : [{ id: e.job.id, queueAttempt: e.claimedAt }],
      );
      Promise.all([
        renewLeases(db, leased, leaseSeconds),
        boss.touch(
          QUEUE,
          entries.map((e) => attemptOf(e.job)),
        ),
      ]).then(
        () => {
          beatFailing = false;
        },
        (err: unknown) => {
          if (!beatFailing) log.warn({ action: 'delivery_heartbeat_failed', err: errorText(err) }, 'heartbeat failed');
          beatFailing = true;
        },
      );
    },
    Math.max(1_000, (leaseSeconds * 1_000) / 3),
  );
  heartbeat.unref();

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
        if (!fetchFailing) log.warn({ action: 'delivery_fetch_failed', err: errorText(err) }, 'fetch failed');
        fetchFailing = true;
      }
      const fresh: Entry[] = [];
      for (const job of jobs) {
        const held = active.get(job.id);
        // Fetched again while still held here (its heartbeat lapsed): the run holding it goes on
        // and settles this newer attempt. Nothing is sent twice.
        if (held) held.job = job;
        else {
          const e: Entry = { job, claimedAt: null, abort: null };
          active.set(job.id, e);
          fresh.push(e);
        }
      }
      metrics.deliveriesInFlight.set(active.size);
      if (fresh.length > 0) {
        const batch = runBatch(fresh);
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
      clearInterval(heartbeat);
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
