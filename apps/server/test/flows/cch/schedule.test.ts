import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { startTarget, type Target } from '../../support/targets.ts';

// pg-boss's own clock, moved by hand: the poll schedule fires when the test says.
const clock = new TestClock(new Date('2026-06-10T08:00:00.000Z'));
let h: TestHerald;
let cch: Target;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { bossClock: clock });
  cch = await startTarget(() => ({ body: JSON.stringify({ '1': { circuitState: 'closed', failureCount: 0 } }) }));
});
afterAll(async () => {
  await h?.close();
  await cch?.close();
});

const polls = async () => (await h.herald.deps.boss.findJobs(QUEUE_NAMES.cchHealth)).length;

describe('the connector’s poll schedule', () => {
  it('fires at its interval while the connector is on, and not once it is off', async () => {
    await clock.tick(120_000);
    expect(await polls()).toBe(0);

    const admin = h.client(TEST_ADMIN_TOKEN);
    await admin.cch.connector.set.mutate({ enabled: true, baseUrl: cch.url, token: 'cch-token', intervalSeconds: 60 });
    await clock.tick(60_000);
    await vi.waitFor(async () => expect(await polls()).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 100 });
    // The job polled CCH, at the queue's time.
    await vi.waitFor(
      async () => expect((await admin.cch.connector.get.query()).lastPoll).toMatchObject({ ok: true, providers: 1 }),
      { timeout: 10_000, interval: 100 },
    );
    expect(cch.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/providers/health' });
    expect(cch.requests[0]?.headers.authorization).toBe('Bearer cch-token');

    await admin.cch.connector.set.mutate({ enabled: false });
    const before = await polls();
    await clock.tick(180_000);
    expect(await polls()).toBe(before);
  });
});
