import { z } from 'zod';

/**
 * A target's health, from its real deliveries first and its connectivity tests second; the
 * newest of the two outcomes decides between ok and failing:
 * - `failing`: the newest outcome (a finished delivery or a test) failed;
 * - `ok`: the newest outcome succeeded and a delivery finished in the last 24 h;
 * - `idle`: the newest outcome succeeded but no delivery finished in the last 24 h;
 * - `untested`: no delivery has ever finished and no test was ever run.
 * Skipped and grouped deliveries (silenced, disabled, carried by a digest) are not outcomes.
 */
export const TARGET_HEALTH_STATES = ['ok', 'failing', 'idle', 'untested'] as const;
export const TargetHealthState = z.enum(TARGET_HEALTH_STATES);
export type TargetHealthState = z.infer<typeof TargetHealthState>;

/** One finished delivery as the health view shows it. */
export const TargetHealthDelivery = z.object({
  deliveryId: z.uuid(),
  at: z.iso.datetime(),
  status: z.enum(['delivered', 'failed']),
  error: z.string().nullable(),
  /** The platform's own code at the head of the error ("310000" of "310000: sign not match"). */
  platformCode: z.string().nullable(),
  /** The HTTP status of the last answer, if there was one. */
  statusCode: z.number().int().nullable(),
});
export type TargetHealthDelivery = z.infer<typeof TargetHealthDelivery>;

export const TargetHealth = z.object({
  targetId: z.uuid(),
  state: TargetHealthState,
  /** The newest delivered or failed delivery. */
  lastDelivery: TargetHealthDelivery.nullable(),
  /** The newest failed delivery (it may be older than a later success). */
  lastFailure: TargetHealthDelivery.nullable(),
  /** Deliveries that finished in the last 24 h (by the server's clock). */
  window: z.object({
    delivered: z.number().int(),
    failed: z.number().int(),
    /** delivered / (delivered + failed); null when none finished. */
    successRate: z.number().min(0).max(1).nullable(),
  }),
});
export type TargetHealth = z.infer<typeof TargetHealth>;

/** The platform code an error starts with ("310000: …", "-1: …"), or null. */
export function platformCodeOf(error: string | null): string | null {
  const m = error ? /^(-?\d+): /.exec(error) : null;
  return m?.[1] ?? null;
}
