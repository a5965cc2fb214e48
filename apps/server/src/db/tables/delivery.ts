import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Attempt } from '../../domain/attempt.ts';

/** `grouped`: carried by a digest delivery (`digest_id`), which has the outcome. */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'skipped', 'grouped'] as const;
/** Why a pending delivery waits: its target's pace, the platform's own limit, a grouping wait, quiet hours. */
export const WAIT_REASONS = ['pace', 'platform_limit', 'grouping', 'quiet_hours'] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];
/** What a digest delivery carried, in the order it lists them. */
export type CarriedDelivery = { deliveryId: string; notificationId: string };
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One HTTP attempt as the log keeps it: the sender's, plus which queue run made it. */
export type DeliveryAttempt = Attempt & { queueAttempt: number };

export type DeliveryTable = {
  /** A UUIDv7: time-ordered, so it is the log's newest-first order and its cursor. */
  id: string;
  notification_id: string;
  notification_type: string;
  /** Null for a legacy-mode delivery (the type's URL from the settings). */
  target_id: string | null;
  target_name: string | null;
  binding_id: string | null;
  /** The delivery this one re-sends (deliveries.resend). */
  resend_of: string | null;
  channel: string;
  status: Generated<DeliveryStatus>;
  /** Every HTTP attempt, across queue retries, oldest first. */
  attempts: ColumnType<DeliveryAttempt[], string | undefined, string>;
  /** The exact body sent (bodies carry no secrets: signatures and URLs are not in them). */
  rendered_body: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The language rendered_body was written in (the settings' at the time). */
  rendered_locale: ColumnType<string | null, string | null | undefined, string | null>;
  status_code: number | null;
  /** The last failure, or why the delivery was skipped. */
  error: string | null;
  failure_class: string | null;
  latency_ms: number | null;
  /** pg-boss's retry count of the run that last worked on it (0 = first run). */
  queue_attempt: Generated<number>;
  /** When the queue will try again (pending after a retryable failure). */
  next_attempt_at: Date | null;
  /** While `sending`: no other run may claim it before then (renewed with the job's heartbeat). */
  lease_until: Date | null;
  /** Set while pending and waiting on purpose (next_attempt_at says until when). */
  wait_reason: WaitReason | null;
  /** A grouped delivery: the digest delivery that carried it. */
  digest_id: string | null;
  /** A digest delivery: the deliveries it carried. */
  carried: ColumnType<CarriedDelivery[] | null, string | null | undefined, string | null>;
  /** Skipped because this silence matched. */
  silence_id: string | null;
  /** Holds a promised slot of its target's pace (it goes ahead of deliveries that arrive later). */
  slot_booked: Generated<boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
};
export type DeliveryRow = Selectable<DeliveryTable>;
