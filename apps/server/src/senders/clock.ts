import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the senders see it: tests substitute one that records waits instead of sleeping. */
export type Clock = {
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Real milliseconds until this clock has moved `ms` on (a test clock may run faster). */
  realMs?(ms: number): number;
};

/** Real time until `at` on `clock`, as a Date for the queue (which runs on real time). */
export function realTimeOf(clock: Clock, at: Date): Date {
  const ms = at.getTime() - clock.now().getTime();
  return new Date(Date.now() + Math.max(0, clock.realMs ? clock.realMs(ms) : ms));
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => sleep(ms),
};
