import { countUnfinished, failUnfinished } from '../db/repos/deliveries.ts';
import type { AppDeps } from '../deps.ts';
import { type DeliveryWorker, type DeliveryWorkerOptions, startDeliveryWorker } from '../engine/deliver.ts';
import { ensureQueues, QUEUE_NAMES } from './queues.ts';

export type Workers = {
  delivery: DeliveryWorker;
  /**
   * Stops every worker within `timeoutMs`: running deliveries get most of it to finish, the rest
   * are aborted and put back in the queue (logged by id). Call before the queue and pool close.
   */
  stop(timeoutMs?: number): Promise<void>;
};

export type WorkerOptions = { delivery?: DeliveryWorkerOptions };

/** Starts this process's queue workers and the metrics that read the queue. */
export async function startWorkers(deps: AppDeps, opts: WorkerOptions = {}): Promise<Workers> {
  const { boss, db, logger, metrics } = deps;
  await ensureQueues(boss);

  const delivery = await startDeliveryWorker(deps, opts.delivery);

  // A delivery job that failed for good without its worker recording it (the process died on
  // the last try, or settling failed) lands here: close its row as failed, visibly.
  const deadWorker = await boss.work<{ deliveryId?: string }>(
    QUEUE_NAMES.deliveryDead,
    { batchSize: 20, pollingIntervalSeconds: 5 },
    async (jobs) => {
      for (const job of jobs) {
        const id = job.data?.deliveryId;
        if (!id) continue;
        const row = await failUnfinished(db, id, 'the last queue run did not finish (the worker stopped or crashed)');
        if (row) {
          metrics.deliveries.inc({
            channel: row.channel,
            type: row.notification_type,
            outcome: 'failed',
            failure_class: 'retryable',
          });
          logger.error(
            {
              action: 'notification_job_failed',
              deliveryId: id,
              notificationId: row.notification_id,
              type: row.notification_type,
              targetId: row.target_id,
              error: row.error,
            },
            'delivery failed: its last queue run did not finish',
          );
        }
      }
    },
  );

  metrics.registerQueueDepth(async () => {
    const queues = await boss.getQueues(Object.values(QUEUE_NAMES));
    return queues.map((q) => ({ labels: { queue: q.name }, value: q.queuedCount }));
  });
  metrics.registerUnfinished(async () =>
    (await countUnfinished(db)).map((r) => ({ labels: { status: r.status }, value: r.n })),
  );

  let stopping: Promise<void> | null = null;
  return {
    delivery,
    stop(timeoutMs = deps.config.shutdownTimeoutMs) {
      stopping ??= (async () => {
        const deadline = Date.now() + timeoutMs;
        metrics.registerQueueDepth(null);
        metrics.registerUnfinished(null);
        // Both at once: the dead-letter worker's last batch must not eat the deliveries' time.
        const dead = boss.offWork(QUEUE_NAMES.deliveryDead, { id: deadWorker, wait: true }).catch(() => {});
        await delivery.stop(timeoutMs);
        await Promise.race([dead, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      })();
      return stopping;
    },
  };
}
