import {
  type ChannelType,
  type JsonObject,
  type Locale,
  type NotificationType,
  renderNotification,
} from '@herald/core';
import type { Job, JobAttempt } from 'pg-boss';
import { type ClaimedDelivery, claimDeliveries, type DeliveryResult, recordResults } from '../db/repos/deliveries.ts';
import type { AppDeps } from '../deps.ts';
import { DELIVERY_RETRY_LIMIT, QUEUE_NAMES } from '../jobs/queues.ts';
import type { Clock } from '../senders/clock.ts';
import { type SendDeps, type SendResult, sendToTarget } from '../senders/send.ts';
import { DELIVERY_WAKE_CHANNEL } from './enqueue.ts';
import { loadRecipientContext, type RecipientContext, recipientNow } from './targets-for.ts';
import { resolveTimezone } from './timezone.ts';

const QUEUE = QUEUE_NAMES.delivery;

export type DeliveryJobData = { deliveryId: string };
type DeliveryJob = Job<DeliveryJobData>;

export type DeliveryWorkerOptions = {
  /** Deliveries this process sends at once; a slow endpoint holds one slot, not a batch. Default 256. */
  concurrency?: number;
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
  /** Stops fetching, lets running deliveries finish within `timeoutMs`, writes their outcomes. */
  stop(timeoutMs: number): Promise<void>;
};

/** One run's outcome and how the queue should settle its job. */
type Outcome = { result: DeliveryResult; settle: 'complete' | 'fail' | 'retry'; retryAt?: Date };

/**
 * The delivery worker: fetches jobs in batches and runs each delivery on its own (so one slow
 * endpoint holds one of `concurrency` slots), re-checks switches and recipients at run time,
 * renders, sends, records, settles. Woken by NOTIFY on commit of an enqueue (any process),
 * fetching continuously while batches come back full, polling as a backstop.
 *
 * Guarantees. Queue: at least once (pg-boss hands a job to one worker at a time; a job whose
 * worker stops heartbeating is retried). Send: at most once per recorded success, because a
 * run first claims its row (`pending|sending` → `sending`, never a row already delivered,
 * failed or skipped, never for a run older than the last claim) and a delivered row is never
 * overwritten. The gap: a crash (or a lost database) between the platform's 2xx and the
 * commit of `delivered` leaves the row `sending`; the retried job sends again. Custom
 * targets with a signing secret get the delivery id as `webhook-id` on every try, so a
 * receiver can drop the repeat; chat platforms cannot, and show it twice.
 */
export async function startDeliveryWorker(deps: AppDeps, opts: DeliveryWorkerOptions = {}): Promise<DeliveryWorker> {
  const { boss, db, logger, metrics, config } = deps;
  const log = logger.child({ component: 'delivery' });
  const concurrency = opts.concurrency ?? 256;
  const batchSize = Math.min(opts.batchSize ?? 100, concurrency);
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const sendDeps: SendDeps = {
    http: deps.http,
    clock: opts.senderClock ?? deps.clock,
    logger,
    telegramApiBaseUrl: config.telegramApiBaseUrl,
    connectTimeoutMs: config.webhookConnectTimeoutMs,
    totalTimeoutMs: config.webhookTimeoutMs,
  };

  let running = true;
  const active = new Map<string, DeliveryJob>();
  let woken = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  // Settlements are written in batches: one UPDATE for many rows, one complete() for many jobs.
  let results: DeliveryResult[] = [];
  let completions: DeliveryJob[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const flushing = new Set<Promise<void>>();
  const scheduleFlush = () => {
    if (results.length + completions.length >= 200) return void flush();
    flushTimer ??= setTimeout(() => void flush(), 2);
  };
  function flush(): Promise<void> {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const rs = results;
    const done = completions;
    results = [];
    completions = [];
    if (rs.length === 0 && done.length === 0) return Promise.resolve();
    const p = (async () => {
      try {
        await recordResults(db, rs);
        if (done.length) await boss.complete(QUEUE, done.map(attemptOf));
      } catch (err) {
        // The jobs stay active; their heartbeat lapses and the queue retries them. A retried
        // job whose row is final only completes (the claim skips it).
        log.error({ action: 'delivery_settle_failed', err: errorText(err), jobs: done.length }, 'settling failed');
      } finally {
        for (const j of done) release(j);
      }
    })();
    flushing.add(p);
    void p.finally(() => flushing.delete(p));
    return p;
  }

  let capacityFreed: (() => void) | null = null;
  function release(job: DeliveryJob) {
    active.delete(job.id);
    metrics.deliveriesInFlight.set(active.size);
    capacityFreed?.();
  }

  async function settle(job: DeliveryJob, o: Outcome): Promise<void> {
    if (o.settle === 'complete') {
      results.push(o.result);
      completions.push(job);
      scheduleFlush();
      return;
    }
    // Retries and final failures are rare: written one by one.
    try {
      await recordResults(db, [o.result]);
      await boss.fail(QUEUE, attemptOf(job), { error: o.result.error });
      if (o.retryAt) await boss.update(QUEUE, undefined, { id: job.id, startAfter: o.retryAt });
    } catch (err) {
      log.error({ action: 'delivery_settle_failed', deliveryId: job.id, err: errorText(err) }, 'settling failed');
    } finally {
      release(job);
    }
  }

  async function runBatch(jobs: DeliveryJob[]): Promise<void> {
    let claimed: ClaimedDelivery[];
    let ctx: RecipientContext;
    try {
      claimed = await claimDeliveries(
        db,
        jobs.map((j) => ({ id: j.data.deliveryId ?? j.id, queueAttempt: j.retryCount })),
      );
      ctx = await loadRecipientContext(db, deps.secretBox, claimed);
    } catch (err) {
      log.error(
        { action: 'delivery_batch_failed', err: errorText(err), jobs: jobs.length },
        'could not start deliveries',
      );
      await Promise.all(
        jobs.map((j) =>
          boss.fail(QUEUE, attemptOf(j), { error: errorText(err) }).then(
            () => release(j),
            () => release(j),
          ),
        ),
      );
      return;
    }
    const byId = new Map(claimed.map((d) => [d.id, d]));
    for (const job of jobs) {
      const d = byId.get(job.data.deliveryId ?? job.id);
      if (!d) {
        // Already delivered, failed or skipped (a redelivered job): nothing to send.
        completions.push(job);
        scheduleFlush();
        continue;
      }
      void runOne(job, d, ctx).then(
        (o) => settle(job, o),
        (err) => {
          log.error({ action: 'delivery_error', deliveryId: d.id, err: errorText(err) }, 'delivery run failed');
          return settle(job, { settle: 'fail', result: unfinished(d.id, errorText(err)) });
        },
      );
    }
  }

  async function runOne(job: DeliveryJob, d: ClaimedDelivery, ctx: RecipientContext): Promise<Outcome> {
    const type = d.notification_type as NotificationType;
    const channel = d.channel as ChannelType;
    const count = (outcome: string, failureClass = '') =>
      metrics.deliveries.inc({ channel, type, outcome, failure_class: failureClass });
    const target = d.target_id ? ctx.targets.get(d.target_id) : undefined;
    const binding = d.binding_id ? ctx.bindings.get(d.binding_id) : undefined;
    const who = recipientNow(d, ctx.settings, ctx.legacy[type], target, binding, ctx.open);
    if (!who.ok) {
      count('skipped');
      log.info({ action: 'delivery_skipped', deliveryId: d.id, type, reason: who.reason }, 'delivery skipped');
      return { settle: 'complete', result: final(d.id, 'skipped', { error: who.reason }) };
    }

    const now = sendDeps.clock.now();
    let body: JsonObject;
    try {
      body = renderNotification({
        type,
        data: d.data,
        channel: who.target.channel,
        locale: ctx.settings.locale as Locale,
        timezone: resolveTimezone(who.bindingTimezone, ctx.settings.timezone),
        now,
        ...(who.telegram ? { telegram: who.telegram } : {}),
        ...(who.customTemplate ? { customTemplate: who.customTemplate as JsonObject } : {}),
      }).body;
    } catch (err) {
      count('failed', 'permanent');
      const error = `the message could not be rendered: ${errorText(err)}`;
      log.warn({ action: 'delivery_failed', deliveryId: d.id, type, error }, 'delivery failed');
      return { settle: 'complete', result: final(d.id, 'failed', { error, failureClass: 'permanent' }) };
    }

    metrics.deliveryLag.observe({ channel }, Math.max(0, Date.now() - d.created_at.getTime()) / 1000);
    const sent: SendResult = await sendToTarget(sendDeps, who.target, body, { messageId: d.id });
    for (const a of sent.attempts) metrics.sendLatency.observe({ channel }, a.latencyMs / 1000);
    const fields = {
      attempts: sent.attempts.map((a) => ({ ...a, queueAttempt: job.retryCount })),
      renderedBody: body,
      statusCode: sent.statusCode,
      latencyMs: sent.latencyMs,
    };
    if (sent.ok) {
      count('delivered');
      log.debug({ action: 'delivery_delivered', deliveryId: d.id, type, latencyMs: sent.latencyMs }, 'delivered');
      return { settle: 'complete', result: final(d.id, 'delivered', fields) };
    }
    const failure = { ...fields, error: sent.error, failureClass: sent.failureClass };
    if (sent.failureClass === 'permanent') {
      count('failed', 'permanent');
      log.warn({ action: 'delivery_failed', deliveryId: d.id, type, error: sent.error }, 'delivery failed');
      return { settle: 'complete', result: final(d.id, 'failed', failure) };
    }
    if (job.retryCount >= DELIVERY_RETRY_LIMIT) {
      count('failed', 'retryable');
      log.error(
        {
          action: 'notification_job_failed',
          deliveryId: d.id,
          notificationId: d.notification_id,
          type,
          channel,
          targetId: d.target_id,
          queueAttempts: job.retryCount + 1,
          attempts: d.attempts.length + sent.attempts.length,
          error: sent.error,
        },
        'delivery failed after every retry',
      );
      return { settle: 'fail', result: final(d.id, 'failed', failure) };
    }
    // The spec's queue retries: 60, 120, 240 s (base × 2^n), or the platform's longer hint.
    const base = config.deliveryRetryDelaySeconds * 1_000;
    const waitMs = Math.max(Math.min(base * 2 ** job.retryCount, base * 4), sent.retryAfterMs ?? 0);
    const retryAt = new Date(Date.now() + waitMs);
    count('retry', 'retryable');
    log.warn(
      { action: 'delivery_retry_scheduled', deliveryId: d.id, type, retryAt, error: sent.error },
      'delivery will be retried by the queue',
    );
    return {
      settle: 'retry',
      retryAt,
      result: { ...final(d.id, 'pending', failure), nextAttemptAt: retryAt, finished: false },
    };
  }

  // Heartbeats keep claims alive while sends run (a crashed process's jobs lapse and are retried).
  const beatMs = Math.max(1_000, (config.deliveryHeartbeatSeconds * 1_000) / 3);
  const heartbeat = setInterval(() => {
    const jobs = [...active.values()];
    if (jobs.length === 0) return;
    boss.touch(QUEUE, jobs.map(attemptOf)).catch((err: unknown) => {
      log.warn({ action: 'delivery_heartbeat_failed', err: errorText(err) }, 'heartbeat failed');
    });
  }, beatMs);
  heartbeat.unref();

  const listener = await listen(deps, wake).catch((err: unknown) => {
    log.warn({ action: 'delivery_listen_failed', err: errorText(err) }, 'no LISTEN/NOTIFY: polling only');
    return null;
  });

  const loop = (async () => {
    while (running) {
      const free = concurrency - active.size;
      if (free < Math.min(batchSize, concurrency / 4)) {
        await new Promise<void>((resolve) => {
          capacityFreed = () => {
            if (!running || concurrency - active.size >= Math.min(batchSize, concurrency / 4)) {
              capacityFreed = null;
              resolve();
            }
          };
        });
        continue;
      }
      woken = false;
      const want = Math.min(batchSize, free);
      let jobs: DeliveryJob[] = [];
      try {
        jobs = await boss.fetch<DeliveryJobData>(QUEUE, { batchSize: want });
      } catch (err) {
        log.warn({ action: 'delivery_fetch_failed', err: errorText(err) }, 'fetch failed');
      }
      for (const j of jobs) active.set(j.id, j);
      metrics.deliveriesInFlight.set(active.size);
      if (jobs.length > 0) void runBatch(jobs);
      if (jobs.length === want && running) continue; // more waiting: fetch again at once
      if (!woken && running) await idle(pollIntervalMs);
    }
  })();

  return {
    wake,
    get inFlight() {
      return active.size;
    },
    async stop(timeoutMs: number) {
      running = false;
      wake();
      capacityFreed?.();
      clearInterval(heartbeat);
      await listener?.close().catch(() => {});
      await loop;
      const deadline = Date.now() + timeoutMs;
      while (active.size > 0 && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          capacityFreed = resolve;
          setTimeout(resolve, 50);
        });
        await flush();
      }
      await flush();
      await Promise.all([...flushing]);
      if (active.size > 0) {
        log.warn(
          { action: 'delivery_stop_unfinished', jobs: active.size },
          'stopped with deliveries still running: the queue retries them once their heartbeat lapses',
        );
      }
    },
  };
}

/** Wakes `wake` whenever an enqueue commits, in any process (and after a reconnect). */
async function listen(deps: AppDeps, wake: () => void) {
  const db = deps.boss.getDb();
  if (typeof db.listen !== 'function') throw new Error('the queue connection cannot LISTEN');
  return db.listen(DELIVERY_WAKE_CHANNEL, wake, wake);
}

function final(
  id: string,
  status: DeliveryResult['status'],
  f: Partial<Omit<DeliveryResult, 'id' | 'status'>> = {},
): DeliveryResult {
  return {
    id,
    status,
    attempts: f.attempts ?? [],
    renderedBody: f.renderedBody ?? null,
    statusCode: f.statusCode ?? null,
    error: f.error ?? null,
    failureClass: f.failureClass ?? null,
    latencyMs: f.latencyMs ?? null,
    nextAttemptAt: null,
    finished: status !== 'pending' && status !== 'sending',
  };
}

/** A run that broke before an outcome: the row stays claimable for the queue's retry. */
function unfinished(id: string, error: string): DeliveryResult {
  return { ...final(id, 'sending', { error }), finished: false };
}

function attemptOf(job: DeliveryJob): JobAttempt {
  return { id: job.id, retryCount: job.retryCount };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
