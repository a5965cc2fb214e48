import {
  type ChannelType,
  type DigestInput,
  type JsonObject,
  type LinkContext,
  type Locale,
  type NotificationType,
  renderDigest,
  renderNotification,
  splitDigest,
} from '@herald/core';
import type { JobWithMetadata } from 'pg-boss';
import type { ClaimedDelivery, DeliveryResult } from '../db/repos/deliveries.ts';
import type { WaitReason } from '../db/tables/delivery.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { errorText } from '../error-text.ts';
import { DELIVERY_RETRY_LIMIT } from '../jobs/queues.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { type Clock, realTimeOf } from '../senders/clock.ts';
import { type SendDeps, type SendResult, sendToTarget } from '../senders/send.ts';
import { type Pacer, paceOf } from './delivery-pace.ts';
import type { DigestData } from './digests.ts';
import { type RecipientContext, recipientNow } from './targets-for.ts';
import { resolveTimezone } from './timezone.ts';

export type { DeliveryJobData } from '../jobs/queues.ts';

import type { DeliveryJobData } from '../jobs/queues.ts';
export type DeliveryJob = JobWithMetadata<DeliveryJobData>;

/** How the queue settles a job once its run is over. */
export type Settle =
  /** Finished (delivered, failed for good, skipped), or nothing was left to do. */
  | { kind: 'complete' }
  /** A send failure with queue retries left: run again at `at`. */
  | { kind: 'retry'; at: Date }
  /** A send failure on the last queue run: failed for good. */
  | { kind: 'fail' }
  /** Not this run's to finish (another holds it, or the worker stopped): back to the queue without using a retry. */
  | { kind: 'requeue'; at?: Date };

/** What a run wrote (its row's new state, if any) and how its job is settled. */
export type Outcome = { result: DeliveryResult | null; settle: Settle };

export type RunEnv = {
  sendDeps: SendDeps;
  log: Logger;
  metrics: Metrics;
  /** The first queue retry's wait in seconds; later ones double it, up to 4×. */
  retryDelaySeconds: number;
  /** The engine's clock: pace slots and waits are on it. */
  clock: Clock;
  /** Each target's pace, shared by every process (absent: no pacing). */
  pacer?: Pacer;
  /** The dashboard's origin (PUBLIC_URL): set, messages link to their delivery log and subject. */
  publicUrl?: string | undefined;
  /** Queues what a digest could not carry within its platform's size limit as its next part. */
  splitDigest?: (
    d: ClaimedDelivery,
    keep: number[],
    rest: number[],
    part: { offset: number; total: number },
  ) => Promise<string>;
};

/**
 * One delivery's run: re-checks switches and recipients, takes a slot of its target's pace (or
 * waits for one), renders (a digest's first part, queueing the rest), sends (stopping early when
 * `signal` aborts) and decides the outcome. The worker records the outcome.
 */
export async function runDelivery(
  env: RunEnv,
  job: DeliveryJob,
  d: ClaimedDelivery,
  ctx: RecipientContext,
  signal: AbortSignal,
): Promise<Outcome> {
  const { log, metrics, sendDeps } = env;
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
    return complete(final(d.id, 'skipped', { error: who.reason }));
  }

  const pace = env.pacer ? paceOf(d, ctx, who) : null;
  if (env.pacer && pace) {
    const slot = await env.pacer.take(pace, d);
    if (!slot.go) return waitFor(env.clock, d.id, 'pace', slot.at, slot.booked || d.slot_booked);
  }

  let body: JsonObject;
  try {
    const input = {
      type,
      channel: who.target.channel,
      locale: ctx.settings.locale as Locale,
      timezone: resolveTimezone(who.bindingTimezone, ctx.settings.timezone),
      now: sendDeps.clock.now(),
      config: who.config,
      mentions: who.mentions,
      ...(who.customTemplate ? { customTemplate: who.customTemplate as JsonObject } : {}),
    };
    // A digest's log is what its delivery carried; a notification's, its own deliveries.
    const links = (ids: Omit<LinkContext, 'publicUrl'>) =>
      env.publicUrl ? { links: { publicUrl: env.publicUrl, ...ids } } : {};
    body =
      d.kind === 'digest'
        ? await renderDigestPart(env, d, { ...input, ...links({ digestId: d.id }) })
        : renderNotification({ ...input, ...links({ notificationId: d.notification_id }), data: d.data }).body;
  } catch (err) {
    // Queueing a digest's next part needs the database: its absence is no rendering fault.
    if (isDatabaseUnavailable(err)) throw err;
    count('failed', 'permanent');
    const error = `the message could not be rendered: ${errorText(err)}`;
    log.warn({ action: 'delivery_failed', deliveryId: d.id, type, error }, 'delivery failed');
    return complete(final(d.id, 'failed', { error, failureClass: 'permanent' }));
  }

  metrics.deliveryLag.observe({ channel }, Math.max(0, Date.now() - d.created_at.getTime()) / 1000);
  const sent: SendResult = await sendToTarget(sendDeps, who.target, body, { messageId: d.id, signal });
  for (const a of sent.attempts) metrics.sendLatency.observe({ channel }, a.latencyMs / 1000);
  const fields = {
    attempts: sent.attempts.map((a) => ({ ...a, queueAttempt: job.retryCount })),
    renderedBody: body,
    renderedLocale: ctx.settings.locale,
    statusCode: sent.statusCode,
    latencyMs: sent.latencyMs,
  };
  if (sent.ok) {
    count('delivered');
    log.debug({ action: 'delivery_delivered', deliveryId: d.id, type, latencyMs: sent.latencyMs }, 'delivered');
    return complete(final(d.id, 'delivered', fields));
  }
  const failure = { ...fields, error: sent.error, failureClass: sent.failureClass };
  if (sent.rateLimited && pace && env.pacer && !signal.aborted) {
    // The platform's own limit: not a failure and no retry used; the target is slowed.
    const until = await env.pacer.refused(pace, sent.retryAfterMs);
    count('rate_limited', 'retryable');
    log.warn(
      { action: 'delivery_rate_limited', deliveryId: d.id, type, until, error: sent.error },
      'the platform refused for its rate limit: the delivery waits and the target is slowed',
    );
    const waiting = waitFor(env.clock, d.id, 'platform_limit', until, true);
    return { ...waiting, result: { ...(waiting.result as DeliveryResult), ...failure, error: sent.error } };
  }
  if (signal.aborted) {
    // The worker is stopping: the next run (here or in another process) sends it at once.
    const error = `abandoned: Herald stopped while sending (${sent.error})`;
    return {
      settle: { kind: 'requeue' },
      result: { ...final(d.id, 'pending', { ...failure, error }), finished: false },
    };
  }
  if (sent.failureClass === 'permanent') {
    count('failed', 'permanent');
    log.warn({ action: 'delivery_failed', deliveryId: d.id, type, error: sent.error }, 'delivery failed');
    return complete(final(d.id, 'failed', failure));
  }
  // Runs this job has had: a requeue (not a run) raises the limit and the count alike.
  const run = job.retryCount - Math.max(0, job.retryLimit - DELIVERY_RETRY_LIMIT);
  if (job.retryCount >= job.retryLimit) {
    count('failed', 'retryable');
    log.error(
      {
        action: 'notification_job_failed',
        deliveryId: d.id,
        notificationId: d.notification_id,
        type,
        channel,
        targetId: d.target_id,
        queueAttempts: run + 1,
        attempts: d.attempts.length + sent.attempts.length,
        error: sent.error,
      },
      'delivery failed after every retry',
    );
    return { settle: { kind: 'fail' }, result: final(d.id, 'failed', failure) };
  }
  // The spec's queue retries: 60, 120, 240 s (base × 2^n), or the platform's longer hint.
  const base = env.retryDelaySeconds * 1_000;
  const waitMs = Math.max(Math.min(base * 2 ** run, base * 4), sent.retryAfterMs ?? 0);
  const at = new Date(Date.now() + waitMs);
  count('retry', 'retryable');
  log.warn(
    { action: 'delivery_retry_scheduled', deliveryId: d.id, type, retryAt: at, error: sent.error },
    'delivery will be retried by the queue',
  );
  return {
    settle: { kind: 'retry', at },
    result: { ...final(d.id, 'pending', failure), nextAttemptAt: at, finished: false },
  };
}

const complete = (result: DeliveryResult): Outcome => ({ settle: { kind: 'complete' }, result });

/** Pending on purpose until `at` (on the engine's clock): back to the queue, no retry used. */
function waitFor(clock: Clock, id: string, reason: WaitReason, at: Date, slotBooked: boolean): Outcome {
  return {
    settle: { kind: 'requeue', at: realTimeOf(clock, at) },
    result: { ...final(id, 'pending'), nextAttemptAt: at, finished: false, waitReason: reason, slotBooked },
  };
}

/**
 * A digest's body: as many of its items as the platform's size limit allows; the rest are
 * queued first as the next part (nothing is lost if this process dies after the send).
 */
async function renderDigestPart(
  env: RunEnv,
  d: ClaimedDelivery,
  input: Omit<DigestInput, 'items'>,
): Promise<JsonObject> {
  const data = d.data as DigestData;
  const parts = splitDigest({ ...input, items: data.items });
  const offset = data.partOffset ?? 0;
  const total = Math.max(data.partTotal ?? 0, offset + parts.length);
  const first = parts[0];
  if (!first) throw new Error('a digest without items');
  if (parts.length > 1 && env.splitDigest) {
    const rest = parts.slice(1).flatMap((p) => p.items);
    await env.splitDigest(d, first.items, rest, { offset, total });
  }
  if (total <= 1) return first.rendered.body;
  return renderDigest({
    ...input,
    items: first.items.map((i) => data.items[i]),
    part: { index: offset + 1, total },
  }).body;
}

export function final(
  id: string,
  status: DeliveryResult['status'],
  f: Partial<Omit<DeliveryResult, 'id' | 'status'>> = {},
): DeliveryResult {
  return {
    id,
    status,
    attempts: f.attempts ?? [],
    renderedBody: f.renderedBody ?? null,
    renderedLocale: f.renderedLocale ?? null,
    statusCode: f.statusCode ?? null,
    error: f.error ?? null,
    failureClass: f.failureClass ?? null,
    latencyMs: f.latencyMs ?? null,
    nextAttemptAt: null,
    finished: status !== 'pending' && status !== 'sending',
  };
}

/** A run that broke before an outcome: the row goes back to pending for the queue's next run. */
export function unfinished(id: string, error: string): DeliveryResult {
  return { ...final(id, 'pending', { error }), finished: false };
}
