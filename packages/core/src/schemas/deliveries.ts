import { z } from 'zod';
import { CHANNEL_TYPES, LOCALES } from '../domain.ts';
import { NotificationTypeSchema } from './bindings.ts';
import { HUB_ID_MAX, HubTime } from './hub.ts';

/**
 * A delivery's life: pending → sending → delivered | failed | skipped (pending again between queue
 * retries, and while it waits for its target's pace, a grouping wait or quiet hours); `grouped`
 * when a digest carried it (the digest's delivery has the outcome).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'skipped', 'grouped'] as const;
export const WAIT_REASONS = ['pace', 'platform_limit', 'grouping', 'quiet_hours'] as const;
export const WaitReason = z.enum(WAIT_REASONS);
export type WaitReason = z.infer<typeof WaitReason>;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES, `must be one of ${DELIVERY_STATUSES.join(', ')}`);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** A hub's id for a provider or user, as messages' links carry it. */
const SubjectId = (name: string) =>
  z
    .string(`${name} must be a hub id (text)`)
    .trim()
    .min(1, `${name} must not be empty`)
    .max(HUB_ID_MAX, `${name} is at most ${HUB_ID_MAX} characters`);

export const ListDeliveriesInput = z
  .object({
    /** `nextCursor` of the previous page. */
    cursor: z.uuid('cursor must be a nextCursor from a previous page').optional(),
    limit: z.number().int().min(1).max(200).default(50),
    status: DeliveryStatus.optional(),
    notificationType: NotificationTypeSchema.optional(),
    targetId: z.uuid('targetId must be a UUID').optional(),
    /** Only the deliveries this silence held back. */
    silenceId: z.uuid('silenceId must be a UUID').optional(),
    /** Only what this digest delivery carried. */
    digestId: z.uuid('digestId must be a UUID').optional(),
    /** Only the deliveries of this notification (a message's "delivery log" link). */
    notificationId: z.uuid('notificationId must be a UUID').optional(),
    /** Only notifications about this hub provider: its breakers, balance, cost and cache alerts. */
    providerId: SubjectId('providerId').optional(),
    /** Only this hub user's cost alerts. */
    userId: SubjectId('userId').optional(),
    /** Created at or after this instant. */
    from: HubTime.optional(),
    /** Created before this instant. */
    to: HubTime.optional(),
  })
  .refine((f) => !(f.from && f.to) || Date.parse(f.from) < Date.parse(f.to), {
    path: ['to'],
    message: 'must be after from',
  })
  .default({ limit: 50 });
export type ListDeliveriesInput = z.input<typeof ListDeliveriesInput>;

export const DeliveryIdInput = z.object({ id: z.uuid('id must be a UUID') });
export type DeliveryIdInput = z.infer<typeof DeliveryIdInput>;

/** One HTTP request to the platform. `queueAttempt` 0 is the first run, 1–3 the queue's retries. */
export const DeliveryAttempt = z.object({
  at: z.iso.datetime(),
  queueAttempt: z.number().int(),
  outcome: z.enum(['success', 'retryable', 'permanent']),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number(),
  via: z.enum(['proxy', 'direct']).nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const DeliverySummary = z.object({
  /** Time-ordered (UUIDv7): newer deliveries have greater ids. */
  id: z.uuid(),
  notificationId: z.uuid(),
  notificationType: NotificationTypeSchema,
  /** Null for legacy mode (the type's URL in the settings). */
  targetId: z.uuid().nullable(),
  targetName: z.string().nullable(),
  bindingId: z.uuid().nullable(),
  resendOf: z.uuid().nullable(),
  channel: z.enum(CHANNEL_TYPES),
  status: DeliveryStatus,
  statusCode: z.number().int().nullable(),
  /** The last failure, or why it was skipped. */
  error: z.string().nullable(),
  failureClass: z.enum(['retryable', 'permanent']).nullable(),
  latencyMs: z.number().nullable(),
  attemptCount: z.number().int(),
  queueAttempt: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  /** Pending on purpose: why, and `nextAttemptAt` says when it goes. */
  waitReason: WaitReason.nullable(),
  /** `alert`, or `digest` for a delivery carrying several notifications (`carriedCount`). */
  kind: z.enum(['alert', 'digest']),
  /** What the message was: opened, recovered, flapping (breakers); over, recovered (cost). */
  event: z.string().nullable(),
  /** Who or what it was about: the provider, the user, the leaderboard's date; a digest's count. */
  subject: z.string().nullable(),
  carriedCount: z.number().int().nullable(),
  /** Grouped: the digest delivery that carried it. */
  digestId: z.uuid().nullable(),
  /** Skipped by this silence. */
  silenceId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type DeliverySummary = z.infer<typeof DeliverySummary>;

export const DeliveryPage = z.object({ items: z.array(DeliverySummary), nextCursor: z.uuid().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const DeliveryDetail = DeliverySummary.extend({
  attempts: z.array(DeliveryAttempt),
  /** The exact JSON body sent (no secrets: signatures and webhook URLs are not part of it). */
  renderedBody: z.record(z.string(), z.unknown()).nullable(),
  /** The language the body was written in; null when the log does not know (older rows). */
  renderedLocale: z.enum(LOCALES).nullable(),
  /** A digest: the deliveries it carried, in its order. */
  carried: z.array(z.object({ deliveryId: z.uuid(), notificationId: z.uuid(), subject: z.string().nullable() })),
  notification: z.object({
    source: z.enum(['hub', 'schedule', 'manual', 'test']),
    data: z.unknown(),
    createdAt: z.iso.datetime(),
  }),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;

export const ResendResult = z.object({ deliveryId: z.uuid(), notificationId: z.uuid() });
export type ResendResult = z.infer<typeof ResendResult>;
