import { CHANNEL_PACE, type ChannelPace, paceIntervalMs } from '@herald/core';
import type { Db } from '../db/database.ts';
import type { ClaimedDelivery } from '../db/repos/deliveries.ts';
import { paceRefused, type SlotAnswer, takeSlot } from '../db/repos/pace.ts';
import { paceKey } from '../jobs/queues.ts';
import type { Clock } from '../senders/clock.ts';
import type { RecipientContext, RunTimeRecipient } from './targets-for.ts';

/** How long a target stays slowed after the platform refused it for its rate limit. */
export const SLOWED_FOR_MS = 10 * 60_000;

export type TargetPace = { key: string; intervalMs: number | null; pace: ChannelPace };

/**
 * How late a send may be and still count from its slot. A GCRA that credits lateness τ lets n
 * sends span as little as (n − 1)·T − τ, so a window W with limit `max` stays safe while
 * max·T − τ > W; half an interval at most.
 */
export function lateToleranceMs(pace: ChannelPace, intervalMs: number): number {
  const room = Math.min(...pace.limits.map((l) => l.max * intervalMs - l.windowMs - 1));
  return Math.max(0, Math.min(Math.floor(intervalMs / 2), room));
}

/** A delivery's target, its platform's limits and the spacing they allow (null: unlimited). */
export function paceOf(
  d: ClaimedDelivery,
  ctx: RecipientContext,
  who: Extract<RunTimeRecipient, { ok: true }>,
): TargetPace {
  const target = d.target_id ? ctx.targets.get(d.target_id) : undefined;
  const pace = CHANNEL_PACE[who.target.channel](who.config);
  return {
    key: paceKey({ targetId: d.target_id, type: d.notification_type }),
    intervalMs: paceIntervalMs(pace, target?.pace_per_minute),
    pace,
  };
}

export type Pacer = {
  /** A slot for this delivery now, or when to come back. */
  take(p: TargetPace, d: ClaimedDelivery): Promise<SlotAnswer>;
  /** The platform refused for its limit: when the delivery may try again. */
  refused(p: TargetPace, retryAfterMs: number | null): Promise<Date>;
};

export function createPacer(db: Db, clock: Clock): Pacer {
  return {
    async take(p, d) {
      if (p.intervalMs === null) return { go: true };
      return takeSlot(db, p.key, p.intervalMs, clock.now(), d.slot_booked, lateToleranceMs(p.pace, p.intervalMs));
    },
    async refused(p, retryAfterMs) {
      const now = clock.now();
      // No hint: the platform's penalty, or its longest window (a minute for the 20/min robots).
      const wait = retryAfterMs ?? p.pace.penaltyMs ?? Math.max(1_000, ...p.pace.limits.map((l) => l.windowMs));
      const until = new Date(now.getTime() + wait);
      await paceRefused(db, p.key, now, until, SLOWED_FOR_MS);
      return until;
    },
  };
}
