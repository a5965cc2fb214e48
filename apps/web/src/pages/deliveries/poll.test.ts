import { describe, expect, it } from 'vitest';
import { pollInterval } from './poll.ts';

const NOW = Date.parse('2026-11-28T04:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('pollInterval', () => {
  it('stops when everything is settled', () => {
    expect(pollInterval([{ status: 'delivered', waitReason: null, nextAttemptAt: null }], NOW)).toBe(false);
    expect(pollInterval([], NOW)).toBe(false);
  });

  it('polls every few seconds while something sends or retries', () => {
    expect(pollInterval([{ status: 'sending', waitReason: null, nextAttemptAt: null }], NOW)).toBe(3_000);
    expect(pollInterval([{ status: 'pending', waitReason: null, nextAttemptAt: at(60_000) }], NOW)).toBe(3_000);
  });

  it('waits for a held delivery until it is due, at most half a minute', () => {
    const held = (ms: number) => ({
      status: 'pending' as const,
      waitReason: 'quiet_hours' as const,
      nextAttemptAt: at(ms),
    });
    expect(pollInterval([held(8 * 3_600_000)], NOW)).toBe(30_000);
    expect(pollInterval([held(12_000)], NOW)).toBe(12_000);
    expect(pollInterval([held(-5_000)], NOW)).toBe(3_000);
    expect(pollInterval([held(8 * 3_600_000), held(20_000)], NOW)).toBe(20_000);
  });
});
