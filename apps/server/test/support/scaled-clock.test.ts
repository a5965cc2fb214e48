import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/senders/clock.ts';
import { scaledClock } from './scaled-clock.ts';

const START = new Date('2026-03-01T08:00:00Z');

/** Real ms an action takes. */
async function bracket(action: () => Promise<void> | void) {
  const r0 = performance.now();
  await action();
  return performance.now() - r0;
}

describe('scaledClock', () => {
  it('starts at start and runs speed× real time, on the monotonic clock', async () => {
    const clock = scaledClock(START, 200);
    expect(clock.nowMs() - START.getTime()).toBeGreaterThanOrEqual(0);
    expect(clock.nowMs() - START.getTime()).toBeLessThan(200 * 1_000);
    // Clock reads sandwiched between real reads: (inner real) × speed − 1 ≤ clock elapsed ≤ (outer real) × speed + 1.
    const r0 = performance.now();
    const c0 = clock.nowMs();
    const r0b = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const r1a = performance.now();
    const c1 = clock.nowMs();
    const r1 = performance.now();
    expect(c1 - c0).toBeGreaterThanOrEqual((r1a - r0b) * 200 - 1);
    expect(c1 - c0).toBeLessThanOrEqual((r1 - r0) * 200 + 1);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(c1);
    expect(Number.isInteger(clock.nowMs())).toBe(true);
  });

  it('sleeps ms of its own time in about ms / speed real time, never less', async () => {
    const clock = scaledClock(START, 100);
    expect(clock.realMs(1_000)).toBe(10);
    expect(clock.speed).toBe(100);
    const before = clock.nowMs();
    const real = await bracket(() => clock.sleep(1_000));
    expect(clock.nowMs() - before).toBeGreaterThanOrEqual(1_000);
    expect(real).toBeGreaterThanOrEqual(9.9);
    expect(real).toBeLessThan(500);
    // Nothing to wait for: resolves at once.
    const zero = clock.nowMs();
    await clock.sleep(0);
    await clock.sleep(-5);
    expect(clock.nowMs() - zero).toBeLessThan(100 * 1_000);
  });

  it("fits Herald's Clock", () => {
    const clock: Clock = scaledClock(START, 10);
    expect(clock.now()).toBeInstanceOf(Date);
  });

  it('refuses a bad start, speed or sleep, naming it', async () => {
    expect(() => scaledClock(new Date('nope'), 10)).toThrow(
      'scaledClock: start must be a valid Date, got Invalid Date',
    );
    expect(() => scaledClock(START, 0)).toThrow('scaledClock: speed must be a finite number > 0, got 0');
    expect(() => scaledClock(START, Number.POSITIVE_INFINITY)).toThrow(/speed must be a finite number > 0/);
    await expect(scaledClock(START, 10).sleep(Number.NaN)).rejects.toThrow(
      'scaledClock.sleep: ms must be a finite number, got NaN',
    );
  });
});
