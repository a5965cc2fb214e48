import {
  type ChannelType,
  type DeliveryAttempt,
  type DeliveryDetail,
  type DeliveryPage,
  type DeliverySummary,
  LOCALES,
  type Locale,
  type NotificationType,
  type ResendResult,
} from '@herald/core';
import type { Db } from '../db/database.ts';
import * as repo from '../db/repos/deliveries.ts';
import { findTarget } from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { queueDeliveries } from '../engine/enqueue.ts';
import { recordAudit } from './audit.ts';
import { notificationEvent, notificationSubject } from './delivery-subject.ts';
import { refusal } from './refusal.ts';

export function deliverySummary(r: repo.LoggedDelivery): DeliverySummary {
  const type = r.notification_type as NotificationType;
  return {
    id: r.id,
    notificationId: r.notification_id,
    notificationType: r.notification_type as NotificationType,
    targetId: r.target_id,
    targetName: r.target_name,
    bindingId: r.binding_id,
    resendOf: r.resend_of,
    channel: r.channel as ChannelType,
    status: r.status,
    statusCode: r.status_code,
    error: r.error,
    failureClass: r.failure_class as DeliverySummary['failureClass'],
    latencyMs: r.latency_ms,
    attemptCount: r.attempts.length,
    queueAttempt: r.queue_attempt,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    waitReason: r.status === 'pending' ? r.wait_reason : null,
    kind: r.kind,
    event: notificationEvent(r.kind, r.data),
    subject: notificationSubject(type, r.kind, r.data),
    carriedCount: r.carried?.length ?? null,
    digestId: r.digest_id,
    silenceId: r.silence_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** The delivery log, newest first, filtered; `nextCursor` continues it. */
export async function listDeliveries(db: Db, input: repo.DeliveryFilter): Promise<DeliveryPage> {
  const rows = await repo.listDeliveries(db, input);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(deliverySummary),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** One delivery with every attempt, the body it sent and the notification it carries. */
export async function getDelivery(db: Db, id: string): Promise<DeliveryDetail> {
  const row = await repo.findLoggedDelivery(db, id);
  if (!row) throw refusal('delivery.not_found', { id }, `id: no delivery ${id}`);
  const n = await repo.findNotification(db, row.notification_id);
  if (!n) throw refusal('delivery.notification_gone', { id }, `id: the notification of delivery ${id} is gone`);
  const carried = row.carried ?? [];
  const subjects = new Map(
    (
      await repo.findCarriedNotifications(
        db,
        carried.map((c) => c.notificationId),
      )
    ).map((c) => [c.id, notificationSubject(c.type as NotificationType, c.kind, c.data)]),
  );
  return {
    ...deliverySummary(row),
    attempts: row.attempts as DeliveryAttempt[],
    renderedBody: row.rendered_body,
    renderedLocale: (LOCALES as readonly string[]).includes(row.rendered_locale ?? '')
      ? (row.rendered_locale as Locale)
      : null,
    carried: carried.map((c) => ({ ...c, subject: subjects.get(c.notificationId) ?? null })),
    notification: { source: n.source, data: n.data, createdAt: n.created_at.toISOString() },
  };
}

/**
 * Sends the same notification to the same recipient again, as a new delivery queued now.
 * An admin's explicit request: like a connectivity test it goes out whatever the switches and
 * bindings say now, as long as the target (or the legacy URL) still exists.
 */
export async function resendDelivery(deps: AppDeps, id: string, actor: string): Promise<ResendResult> {
  const created = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findDelivery(trx, id);
    if (!row) throw refusal('delivery.not_found', { id }, `id: no delivery ${id}`);
    if (row.status === 'grouped') {
      throw refusal(
        'delivery.in_digest',
        { id, digestId: row.digest_id ?? '' },
        `id: delivery ${id} went out in digest ${row.digest_id}; resend that delivery`,
      );
    }
    if (row.status === 'pending' || row.status === 'sending') {
      throw refusal(
        'delivery.in_progress',
        { id, status: row.status },
        `id: delivery ${id} is still ${row.status}; wait for it to finish`,
      );
    }
    let targetName = row.target_name;
    if (row.target_id) {
      const target = await findTarget(trx, row.target_id);
      if (!target) throw refusal('delivery.target_deleted', { id }, 'id: the target was deleted');
      targetName = target.name;
    }
    const [deliveryId] = await queueDeliveries(deps, trx, [
      {
        notificationId: row.notification_id,
        type: row.notification_type as NotificationType,
        targetId: row.target_id,
        targetName,
        bindingId: row.binding_id,
        channel: row.channel as ChannelType,
        resendOf: row.id,
      },
    ]);
    await recordAudit(trx, {
      actor,
      action: 'deliveries.resend',
      entityType: 'delivery',
      entityId: deliveryId as string,
      before: null,
      after: { resendOf: row.id, notificationId: row.notification_id, targetId: row.target_id },
    });
    return { deliveryId: deliveryId as string, notificationId: row.notification_id };
  });
  deps.logger.info({ action: 'delivery_resent', resendOf: id, deliveryId: created.deliveryId }, 'delivery resent');
  return created;
}
