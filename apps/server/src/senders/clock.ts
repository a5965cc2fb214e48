import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the senders see it: tests substitute one that records waits instead of sleeping. */
export type Clock = { now(): Date; sleep(ms: number): Promise<void> };

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => sleep(ms),
};
