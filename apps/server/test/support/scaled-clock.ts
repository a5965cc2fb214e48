import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A clock running `speed`× real time from `start`, for tests that let Herald wait out platform
 * limits for real, only faster. It fits Herald's `Clock` (senders/clock.ts); fakes take `now: clock.nowMs`.
 */
export type ScaledClock = {
  now(): Date;
  /** Whole ms since the epoch on this clock. */
  nowMs(): number;
  /** Resolves once `ms` have passed on this clock (about ms / speed real ms), never earlier. */
  sleep(ms: number): Promise<void>;
  /** Real ms that `ms` of this clock take: ms / speed. */
  realMs(ms: number): number;
  readonly speed: number;
};

export function scaledClock(start: Date, speed: number): ScaledClock {
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new Error(`scaledClock: start must be a valid Date, got ${String(start)}`);
  if (!Number.isFinite(speed) || speed <= 0)
    throw new Error(`scaledClock: speed must be a finite number > 0, got ${speed}`);
  // performance.now() is monotonic: the wall clock stepping does not move this one.
  const origin = performance.now();
  const nowMs = () => startMs + Math.floor((performance.now() - origin) * speed);
  const realMs = (ms: number) => ms / speed;
  return {
    now: () => new Date(nowMs()),
    nowMs,
    realMs,
    speed,
    async sleep(ms) {
      if (!Number.isFinite(ms)) throw new Error(`scaledClock.sleep: ms must be a finite number, got ${ms}`);
      const until = nowMs() + Math.max(0, ms);
      // Timers may fire a little early; at high speed a real millisecond is many on this clock.
      for (let left = until - nowMs(); left > 0; left = until - nowMs()) await delay(Math.ceil(realMs(left)));
    },
  };
}
