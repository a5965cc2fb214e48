import type { Clock } from '../../src/senders/clock.ts';

/**
 * A clock for code under test that waits: each sleep is recorded and moves the clock on at
 * once, so retries and backoffs run instantly and their waits can be asserted.
 */
export function recordingClock(start: Date) {
  let t = start.getTime();
  const waits: number[] = [];
  const clock: Clock = {
    now: () => new Date(t),
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
  };
  return { clock, waits, now: () => t };
}
