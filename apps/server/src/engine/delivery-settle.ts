import { type CommandResponse, fromKysely, type JobAttempt, type PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { type DeliveryResult, recordResults } from '../db/repos/deliveries.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { errorText } from '../error-text.ts';
import { QUEUE_NAMES } from '../jobs/queues.ts';
import type { Logger } from '../logger.ts';
import type { DeliveryJob, Outcome } from './delivery-run.ts';

const QUEUE = QUEUE_NAMES.delivery;
/** Outcomes written per statement. */
const BATCH = 500;
/** Batches written at once (the pool has room; rows of different deliveries never conflict). */
const WRITERS = 3;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 2_000;
/** Tries of a batch the database refuses while it answers (a bug, not an outage) before it is given up. */
const REFUSED_TRIES = 5;

/** A job as the worker holds it: its latest attempt (a job fetched again while held here replaces it). */
export type Held = { job: DeliveryJob };

export type Settlements = {
  /** Queues a run's outcome for writing (soon, batched with others). */
  add(held: Held, outcome: Outcome): void;
  /** From a failed write until everything waiting has been written. */
  readonly failing: boolean;
  /** Resolves once all that waits is written (retrying while the database is away), or at `deadline` (ms since epoch). */
  drain(deadline?: number): Promise<void>;
  /** The delivery ids of outcomes still waiting. */
  waiting(): string[];
  /** No more retrying once the worker has stopped (what still waits is given up). */
  close(): void;
};

type Item = { held: Held; outcome: Outcome; resultWritten: boolean; taken: boolean };

/**
 * Writes run outcomes and settles their jobs, taken in the order they came, a few batches at a
 * time: many outcomes in one statement, one complete() for the finished jobs, a transaction for
 * each retry or requeue (the row and the job change together). When the database cannot be
 * reached the outcomes wait here and are written, oldest first, as soon as it answers again. The
 * wait is bounded by the worker's slots: a held job has at most one outcome waiting, and the
 * worker fetches nothing new while writes fail. `onSettled` runs once an item is written and
 * its job settled.
 */
export function createSettlements(o: { db: Db; boss: PgBoss; log: Logger; onSettled(held: Held): void }): Settlements {
  const { db, boss, log } = o;
  const queue: Item[] = [];
  let untaken = 0;
  let writers = 0;
  let failing: { since: number; failures: number; first: string } | null = null;
  const idle = new Set<() => void>();
  let closed = false;

  /** The oldest outcomes no writer has taken yet, in order. */
  function take(): Item[] {
    const batch: Item[] = [];
    for (const item of queue) {
      if (batch.length === BATCH) break;
      if (item.taken) continue;
      item.taken = true;
      batch.push(item);
    }
    untaken -= batch.length;
    return batch;
  }

  /** Writes batch after batch; a batch that fails is retried (backing off) until it is written. */
  async function writer(): Promise<void> {
    if (untaken < 200) await sleep(2); // a moment to gather a batch, unless one is full
    for (let batch = take(); batch.length > 0; batch = take()) {
      let refused = 0;
      for (let delay = RETRY_MIN_MS; ; delay = Math.min(RETRY_MAX_MS, delay * 2)) {
        const done = new Set<Item>();
        try {
          await write(batch, done);
          break;
        } catch (err) {
          if (!isDatabaseUnavailable(err) && ++refused >= REFUSED_TRIES) {
            // Given up: these jobs stay active until their heartbeat lapses, then run again.
            log.error(
              { action: 'delivery_results_refused', err: errorText(err), deliveryIds: batch.map((i) => i.held.job.id) },
              'delivery outcomes refused by the database: given up, their jobs run again',
            );
            for (const item of batch) done.add(item);
            break;
          }
          if (!failing) {
            failing = { since: Date.now(), failures: 0, first: errorText(err) };
            // Info: the outage itself is the one warning (db/outage.ts); this says what waits for it.
            log.info(
              { action: 'delivery_results_waiting', err: failing.first, waiting: queue.length },
              'delivery outcomes cannot be written: they wait in this process and are written when the database is back',
            );
          }
          failing.failures++;
          batch = batch.filter((i) => !done.has(i));
          if (closed) return;
          await sleep(delay);
        } finally {
          // What was written leaves the queue; the rest keep their place.
          for (let i = queue.length - 1; i >= 0; i--) if (done.has(queue[i] as Item)) queue.splice(i, 1);
          for (const item of done) o.onSettled(item.held);
        }
      }
      if (failing && queue.length === 0) {
        log.info(
          { action: 'delivery_results_written', downMs: Date.now() - failing.since, failedWrites: failing.failures },
          'delivery outcomes that waited for the database are written',
        );
        failing = null;
      }
    }
  }

  async function write(batch: Item[], done: Set<Item>): Promise<void> {
    const simple = batch.filter((i) => i.outcome.settle.kind === 'complete');
    const unwritten = simple.filter((i) => !i.resultWritten && i.outcome.result);
    await recordResults(
      db,
      unwritten.map((i) => i.outcome.result as DeliveryResult),
    );
    for (const i of unwritten) i.resultWritten = true;
    if (simple.length > 0) {
      await boss.complete(
        QUEUE,
        simple.map((i) => attemptOf(i.held.job)),
      );
    }
    for (const i of simple) done.add(i);
    for (const item of batch) {
      if (item.outcome.settle.kind === 'complete') continue;
      await settleOne(item);
      done.add(item);
    }
  }

  /** A retry, a final failure or a requeue: the row and the job in one transaction. */
  async function settleOne({ held: { job }, outcome: { result, settle } }: Item): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const conn = fromKysely(trx);
      if (result) await recordResults(trx, [result]);
      const attempt = attemptOf(job);
      if (settle.kind === 'retry' || settle.kind === 'fail') {
        const failed = await boss.fail(QUEUE, attempt, { error: result?.error ?? null }, { db: conn });
        if (settle.kind === 'retry' && affected(failed) > 0) {
          await boss.update(QUEUE, undefined, { id: job.id, startAfter: settle.at, db: conn });
        }
      } else if (settle.kind === 'requeue') {
        // cancel + resume puts an active job back as created; the claim that follows counts
        // as a retry, so the limit goes up by one: a requeue costs the delivery no run.
        const cancelled = await boss.cancel(QUEUE, attempt, { db: conn });
        if (affected(cancelled) === 0) return; // no longer ours (its heartbeat lapsed)
        await boss.resume(QUEUE, job.id, { db: conn });
        await boss.update(QUEUE, undefined, {
          id: job.id,
          retryLimit: job.retryLimit + 1,
          ...(settle.at ? { startAfter: settle.at } : {}),
          db: conn,
        });
      }
    });
  }

  function kick() {
    while (writers < WRITERS && untaken > 0 && !closed) {
      writers++;
      void writer().finally(() => {
        writers--;
        if (untaken > 0 && !closed) kick();
        else if (queue.length === 0 || closed) for (const resolve of idle) resolve();
      });
    }
  }

  return {
    add(held, outcome) {
      queue.push({ held, outcome, resultWritten: false, taken: false });
      untaken++;
      kick();
    },
    get failing() {
      return failing !== null;
    },
    async drain(deadline = Number.POSITIVE_INFINITY) {
      if (queue.length === 0) return;
      await new Promise<void>((resolve) => {
        const timer = Number.isFinite(deadline) ? setTimeout(finish, Math.max(0, deadline - Date.now())) : null;
        function finish() {
          if (timer) clearTimeout(timer);
          idle.delete(finish);
          resolve();
        }
        idle.add(finish);
      });
    },
    waiting: () => queue.map((i) => i.held.job.id),
    close() {
      closed = true;
    },
  };
}

export function attemptOf(job: DeliveryJob): JobAttempt {
  return { id: job.id, retryCount: job.retryCount };
}

/** How many jobs a settle call changed (pg-boss returns it, its type does not say so). */
const affected = (r: CommandResponse) => (r as { affected?: number }).affected ?? 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
