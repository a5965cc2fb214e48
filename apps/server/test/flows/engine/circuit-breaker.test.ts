import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hubKey, receiverFor } from './setup.ts';

const START = new Date('2026-01-15T06:00:00.000Z');
const clock = manualClock(START);
let h: TestHerald;
let second: TestHerald;
let key: string;
let receiver: Awaited<ReturnType<typeof receiverFor>>;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  // A second server process on the same database.
  second = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock, shareWith: h });
  receiver = await receiverFor(h, ['circuit_breaker'], {}, { timezone: 'Asia/Shanghai' });
  key = await hubKey(h);
});
afterAll(async () => {
  await second?.close();
  await h?.close();
  await receiver?.fake.close();
});

const report = (server: TestHerald, providerId: string, at = START) =>
  server.client(key).hub.reportCircuitBreaker.mutate({
    providerId,
    providerName: `Provider ${providerId}`,
    failureCount: 5,
    retryAt: new Date(at.getTime() + 30 * 60_000).toISOString(),
    lastError: 'upstream 529',
  });

const notifications = async (providerId: string) =>
  (await h.db.selectFrom('notification').select('data').where('type', '=', 'circuit_breaker').execute()).filter(
    (n) => (n.data as { providerId: string }).providerId === providerId,
  ).length;

describe('circuit-breaker alerts', () => {
  it('reach the team within seconds of the report, in the configured zone', async () => {
    await report(h, 'p1');
    await receiver.fake.waitForAccepted(1);
    const [m] = receiver.messages();
    expect(m).toMatchObject({ type: 'circuit_breaker', provider: 'Provider p1', failures: 5 });
    expect(m?.timestampLocal).toBe('2026/01/15 14:00:00'); // 06:00 UTC in Asia/Shanghai
  });

  it('go out at most once per provider per 5 minutes; suppressed ones are logged and counted', async () => {
    await report(h, 'p1');
    expect(await notifications('p1')).toBe(1);
    expect(h.logs.lines.some((l) => l.action === 'circuit_breaker_alert_suppressed' && l.providerId === 'p1')).toBe(
      true,
    );
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/herald_alerts_suppressed_total\{type="circuit_breaker"\} 1/);

    clock.set(new Date(START.getTime() + 5 * 60_000 + 1_000));
    await report(h, 'p1');
    expect(await notifications('p1')).toBe(2);
    await receiver.fake.waitForAccepted(2);
  });

  it('dedup holds across two server processes reporting at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => report(i % 2 ? second : h, 'p2')));
    expect(results).toHaveLength(12);
    expect(await notifications('p2')).toBe(1);
    await receiver.fake.waitForAccepted(3);
    expect(receiver.messages().filter((m) => m.provider === 'Provider p2')).toHaveLength(1);
  });

  it("Herald's own breaker opens after the provider's threshold of consecutive failures", async () => {
    const records = (n: number, success: boolean, offset: number) =>
      Array.from({ length: n }, (_, i) => ({
        requestId: `own-${offset + i}`,
        userId: 'u1',
        providerId: 'p3',
        costUsd: 0,
        inputTokens: 1,
        outputTokens: 1,
        success,
        errorMessage: success ? undefined : 'HTTP 503 from upstream',
        createdAt: new Date(clock.now().getTime() - (100 - offset - i) * 1000).toISOString(),
      }));
    await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'p3', name: 'Flaky provider' }] });
    await h.client(key).hub.recordUsage.mutate({ records: [...records(4, false, 0), ...records(1, true, 4)] });
    expect(await notifications('p3')).toBe(0);
    await h.client(key).hub.recordUsage.mutate({ records: records(5, false, 10) });
    expect(await notifications('p3')).toBe(1);
    await receiver.fake.waitForAccepted(4);
    expect(receiver.messages().at(-1)).toMatchObject({ provider: 'Flaky provider', failures: 5 });
  });

  it('sends nothing while the switch is off', async () => {
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ circuitBreakerEnabled: false });
    await report(h, 'p4');
    expect(await notifications('p4')).toBe(0);
    expect(h.logs.lines.some((l) => l.action === 'circuit_breaker_alert_disabled')).toBe(true);
  });
});
