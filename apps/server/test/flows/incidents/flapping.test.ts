import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, type TestHerald } from '../../herald.ts';
import { bindOnly, breakerEvents, customReceiver, hubKey, type Receiver, switchOn } from './support.ts';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const clock = manualClock(T0);
let h: TestHerald;
let key: string;
let receiver: Receiver;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = await hubKey(h);
  receiver = await customReceiver(h, 'ops');
  await bindOnly(h, 'circuit_breaker', [receiver.target.id]);
  await switchOn(h);
});
afterAll(async () => {
  await h?.close();
  await receiver?.fake.close();
});

/** Reports at `minute` after `start`: "open" or "closed"; answers the outcome. */
async function report(providerId: string, start: Date, minute: number, state: 'open' | 'closed') {
  clock.set(new Date(start.getTime() + minute * 60_000));
  const r = await h.client(key).hub.reportCircuitBreaker.mutate(
    state === 'open'
      ? {
          providerId,
          providerName: `Provider ${providerId}`,
          failureCount: 5,
          retryAt: new Date(clock.now().getTime() + 60_000).toISOString(),
        }
      : { state, providerId },
  );
  return r.outcome;
}

const flappingSince = async (providerId: string) =>
  (
    await h.db
      .selectFrom('breaker_state')
      .select('flapping_since')
      .where('provider_id', '=', providerId)
      .executeTakeFirstOrThrow()
  ).flapping_since;

describe('a flapping provider', () => {
  it('gets one flapping message on its fourth opening in 30 minutes, then quiet until closed 15 minutes', async () => {
    const steps: Array<[number, 'open' | 'closed', string]> = [
      [0, 'open', 'alerted'],
      [2, 'closed', 'recovered'],
      [4, 'open', 'alerted'],
      [6, 'closed', 'recovered'],
      [8, 'open', 'alerted'],
      [10, 'closed', 'recovered'],
      [12, 'open', 'flapping'],
      [14, 'closed', 'suppressed'],
      // Closed only 2 minutes: still flapping.
      [16, 'open', 'suppressed'],
      [18, 'closed', 'suppressed'],
    ];
    for (const [minute, state, outcome] of steps) {
      expect(`${minute} ${state} ${await report('f1', T0, minute, state)}`).toBe(`${minute} ${state} ${outcome}`);
    }
    expect(await flappingSince('f1')).toEqual(new Date(T0.getTime() + 12 * 60_000));

    // Closed since minute 18: at 33 it has been 15 minutes, so the next opening is alerted again.
    expect(await report('f1', T0, 33, 'open')).toBe('alerted');
    expect(await flappingSince('f1')).toBeNull();
    expect(await report('f1', T0, 35, 'closed')).toBe('recovered');

    const events = ['opened', 'recovered', 'opened', 'recovered', 'opened', 'recovered', 'flapping'];
    expect(await breakerEvents(h, 'f1')).toEqual([...events, 'opened', 'recovered']);
    await receiver.fake.waitForAccepted(9);
    const got = receiver.messages().filter((m) => m.provider === 'Provider f1');
    // The order is the log's (above): an unpaced receiver gets deliveries sent side by side, so the
    // arrival order of messages queued milliseconds apart is not promised.
    expect(got.map((m) => m.event).sort()).toEqual([...events, 'opened', 'recovered'].sort());
    expect(got.filter((m) => m.event === 'flapping')).toEqual([
      expect.objectContaining({ title: '供应商熔断频繁切换', flapCount: 4 }),
    ]);
  });

  it('openings spread over more than 30 minutes are not flapping', async () => {
    const start = new Date(T0.getTime() + 2 * 3_600_000);
    const outcomes: string[] = [];
    for (const minute of [0, 11, 22, 33]) {
      outcomes.push(await report('f2', start, minute, 'open'));
      outcomes.push(await report('f2', start, minute + 1, 'closed'));
    }
    // At minute 33 the opening at 0 has left the window: three openings in it, not four.
    expect(outcomes).toEqual(Array(4).fill(['alerted', 'recovered']).flat());
    expect(await flappingSince('f2')).toBeNull();
  });
});
