import type { DeliverySummary } from '@herald/core';

type Polled = Pick<DeliverySummary, 'status' | 'waitReason' | 'nextAttemptAt'>;

const SOON = 3_000;
const AT_MOST = 30_000;

/**
 * How soon to read the log again while something in it is still in flight: every few seconds
 * while a delivery is sending or retrying, but a delivery held on purpose (pace, grouping, quiet
 * hours) only matters when it is due, so until then at most twice a minute. False: all settled.
 */
export function pollInterval(items: readonly Polled[], now: number): number | false {
  let next: number | false = false;
  for (const item of items) {
    if (item.status !== 'pending' && item.status !== 'sending') continue;
    const due =
      item.status === 'pending' && item.waitReason && item.nextAttemptAt
        ? Math.min(AT_MOST, Math.max(SOON, Date.parse(item.nextAttemptAt) - now))
        : SOON;
    next = next === false ? due : Math.min(next, due);
  }
  return next;
}
