import type { NotificationType } from '@herald/core';
import type { JobInsert, PgBoss, Queue } from 'pg-boss';

/**
 * Every pg-boss queue Herald uses, with its options. pg-boss needs a queue to exist
 * before anything is sent or scheduled to it: `ensureQueues()` creates them all.
 *
 * A queue named as another's `deadLetter` must come before it here (it is created first).
 */
export const QUEUE_NAMES = {
  /** Delivery jobs that failed for good (a crash on the last try included): the delivery is closed as failed. */
  deliveryDead: 'delivery-dead',
  /** One job per delivery row (its id is the delivery's id): render, send, record. */
  delivery: 'delivery',
  /** The periodic cost check; one job per schedule occurrence (legacy URL or one binding). */
  costAlert: 'cost-alert',
  /** The daily consumption report; one job per schedule occurrence. */
  dailyLeaderboard: 'daily-leaderboard',
  /** The cache-hit-rate check; one job per schedule occurrence. */
  cacheHitRate: 'cache-hit-rate',
  /** The nightly clean-up of old deliveries, usage records and alert bookkeeping. */
  retention: 'retention',
  /** The Claude Code Hub health connector's polls (bridges/cch/schedule.ts). */
  cchHealth: 'cch-health',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Queue retries of a delivery after its first run (each run makes up to 4 HTTP attempts). */
export const DELIVERY_RETRY_LIMIT = 3;

/**
 * The queue job of one delivery (job id = delivery id). Its group is its target (or the
 * type's legacy URL): the worker fetches with a limit per group, so one slow receiver holds
 * only its own share of the slots. No queue delay: the worker times send-failure retries
 * itself, and a job whose worker died is run again as soon as its heartbeat has lapsed.
 */
export function deliveryJob(
  id: string,
  recipient: { targetId: string | null; type: string },
  heartbeatSeconds: number,
  opts: { startAfter?: Date; digestible?: boolean; waits?: boolean } = {},
): JobInsert<DeliveryJobData> {
  const key = paceKey(recipient);
  return {
    id,
    data: {
      deliveryId: id,
      ...(opts.digestible ? { group: `${key}|${recipient.type}` } : {}),
      ...(opts.waits ? { waits: true } : {}),
    },
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelay: 0,
    retryBackoff: false,
    heartbeatSeconds,
    group: { id: key },
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
  };
}

/** One target's (or legacy URL's) key: its queue group and its pace row. */
export const paceKey = (r: { targetId: string | null; type: string }) => r.targetId ?? `legacy:${r.type}`;

/**
 * A delivery job: its row's id; `group` (target|type) when its notifications can be gathered
 * into a digest; `waits` when it was created waiting (a grouping wait, quiet hours).
 */
export type DeliveryJobData = { deliveryId: string; group?: string; waits?: boolean };

/**
 * Queue-level retries as in DESIGN.md (3 retries, 60 s growing to 240 s; pg-boss's
 * backoff adds jitter). A check or report that cannot run for an hour is dropped rather
 * than run late: the next occurrence brings a fresher one.
 */
export const QUEUE_OPTIONS = {
  [QUEUE_NAMES.deliveryDead]: {
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 300,
    deleteAfterSeconds: 24 * 60 * 60,
  },
  /**
   * Queue retries as the spec says (3, after 60, 120, 240 s), but timed by the worker: it
   * sets each retry's time itself when a send fails (honouring a platform's longer
   * Retry-After). The queue's own delay is 0, so a job whose worker died (its heartbeat
   * lapsed, `DELIVERY_HEARTBEAT_SECONDS` on every job) runs again at once. A job runs at most
   * ~11 min (4 attempts × the 120 s longest request timeout + 3 waits of ≤ 60 s), so it
   * expires after 15. Its own table (`partition`) keeps fetches fast whatever the other
   * queues hold, and keeps its statistics its own. Finished jobs go after a day: the
   * delivery table is the log.
   */
  [QUEUE_NAMES.delivery]: {
    retryLimit: DELIVERY_RETRY_LIMIT,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 30,
    deleteAfterSeconds: 24 * 60 * 60,
    partition: true,
    deadLetter: 'delivery-dead',
  },
  [QUEUE_NAMES.costAlert]: {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 240,
    expireInSeconds: 15 * 60,
    retentionSeconds: 60 * 60,
  },
  [QUEUE_NAMES.cacheHitRate]: {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 240,
    expireInSeconds: 15 * 60,
    retentionSeconds: 60 * 60,
  },
  [QUEUE_NAMES.dailyLeaderboard]: {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 240,
    expireInSeconds: 15 * 60,
    retentionSeconds: 6 * 60 * 60,
  },
  [QUEUE_NAMES.retention]: {
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 60 * 60,
    retentionSeconds: 6 * 60 * 60,
  },
  /** A failed poll is not retried: the next one is at most an hour away. */
  [QUEUE_NAMES.cchHealth]: {
    retryLimit: 0,
    expireInSeconds: 2 * 60,
    retentionSeconds: 10 * 60,
    deleteAfterSeconds: 60 * 60,
  },
} as const satisfies Record<QueueName, Omit<Queue, 'name'>>;

/** The queues that receive jobs from cron schedules, by the notification type they serve. */
export const SCHEDULED_QUEUES = {
  cost_alert: QUEUE_NAMES.costAlert,
  daily_leaderboard: QUEUE_NAMES.dailyLeaderboard,
  cache_hit_rate: QUEUE_NAMES.cacheHitRate,
} as const satisfies Partial<Record<NotificationType, QueueName>>;
export type ScheduledQueueName = (typeof SCHEDULED_QUEUES)[keyof typeof SCHEDULED_QUEUES];
export type ScheduledNotificationType = keyof typeof SCHEDULED_QUEUES;
export const SCHEDULED_QUEUE_NAMES: readonly ScheduledQueueName[] = Object.values(SCHEDULED_QUEUES);

/**
 * Creates every queue that does not exist yet and brings the options of existing ones up
 * to date. Idempotent and safe to run from several processes at once.
 */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    await boss.createQueue(name, options);
    // Partitioning is fixed at creation; pg-boss refuses it in an update.
    const { partition: _fixed, ...changeable } = options as Omit<Queue, 'name'>;
    await boss.updateQueue(name, changeable);
  }
}
