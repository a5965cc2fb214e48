import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

// Monday 2026-03-02 10:00 UTC; the check looks at the last 30 minutes.
const NOW = new Date('2026-03-02T10:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;
let key: string;
let fake: FakeCustom;
let seq = 0;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });

  fake = await startFakeCustom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  key = (await admin.apiKeys.create.mutate({ name: 'cache hub' })).key;
  const target = await admin.targets.create.mutate({
    name: 'cache hook',
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: { title: '{{title}}', count: '{{json:anomaly_count}}', anomalies: '{{json:anomalies_json}}' },
  });
  await admin.bindings.set.mutate({
    notificationType: 'cache_hit_rate',
    bindings: [{ targetId: target.id, isEnabled: true, scheduleTimezone: 'Asia/Shanghai' }],
  });
  await admin.settings.update.mutate({
    enabled: true,
    useLegacyMode: false,
    cacheHitRateEnabled: true,
    cacheHitRateWindowMode: '30m',
    locale: 'en',
  });
  await h.client(key).hub.syncProviders.mutate({ providers: [{ id: '1', name: 'Anthropic Primary' }] });
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

async function traffic(start: string, n: number, rate: number) {
  const sessionId = `s-${++seq}`;
  const t0 = Date.parse(start);
  await h.client(key).hub.recordUsage.mutate({
    records: Array.from({ length: n }, (_, i) => ({
      requestId: `r-${seq}-${i}`,
      userId: 'u1',
      providerId: '1',
      model: 'claude-sonnet-4',
      sessionId,
      requestSequence: i + 1,
      cacheCreation5mInputTokens: 10,
      costUsd: 0.01,
      inputTokens: 100 - Math.round(rate * 100),
      outputTokens: 10,
      cacheReadInputTokens: Math.round(rate * 100),
      createdAt: new Date(t0 + i * 10_000).toISOString(),
    })),
  });
}

const trigger = () => h.client(TEST_ADMIN_TOKEN).notifications.trigger.mutate({ notificationType: 'cache_hit_rate' });

describe('cache-hit-rate alert through the API', () => {
  it('a drop reported as usage reaches the bound target once per cooldown', async () => {
    await traffic('2026-03-01T02:00:00Z', 30, 0.6); // yesterday (Shanghai): 60 %
    await traffic('2026-03-02T09:40:00Z', 30, 0.1); // now: 10 %

    expect(await trigger()).toEqual([expect.objectContaining({ ran: true, alerts: 1 })]);
    const [first] = await fake.waitForAccepted(1);
    const body = first?.json as { title: string; count: number; anomalies: Array<Record<string, unknown>> };
    expect(body.title).toBe('Cache hit-rate anomaly');
    expect(body.count).toBe(1);
    expect(body.anomalies[0]).toMatchObject({
      providerId: '1',
      providerName: 'Anthropic Primary',
      model: 'claude-sonnet-4',
      baselineSource: 'historical',
      reasonCodes: ['use_eligible', 'baseline_eligible', 'baseline_historical', 'drop_abs_rel'],
    });

    // The Overview shows the rate now beside its baseline.
    const overview = await h.client(TEST_ADMIN_TOKEN).overview.get.query();
    expect(overview.cacheHitRates.window?.mode).toBe('30m');
    const [row] = overview.cacheHitRates.rows;
    expect(row).toMatchObject({
      providerName: 'Anthropic Primary',
      model: 'claude-sonnet-4',
      baselineSource: 'historical',
      anomaly: true,
    });
    expect(row?.current.hitRateTokens).toBeCloseTo(0.1);
    expect(row?.baseline?.hitRateTokens).toBeCloseTo(0.6);

    // Within the cooldown: suppressed, nothing sent.
    clock.advance(10 * 60_000);
    await traffic('2026-03-02T09:50:00Z', 5, 0.1);
    expect(await trigger()).toEqual([expect.objectContaining({ ran: true, alerts: 0 })]);
    // After it: alerted again, saying how many were suppressed before.
    clock.advance(25 * 60_000);
    await traffic('2026-03-02T10:10:00Z', 30, 0.1);
    expect(await trigger()).toEqual([expect.objectContaining({ ran: true, alerts: 1 })]);
    await fake.waitForAccepted(2);
    expect(fake.accepted).toHaveLength(2);
    const log = await h.client(TEST_ADMIN_TOKEN).deliveries.list.query({ notificationType: 'cache_hit_rate' });
    expect(log.items.map((d) => d.subject)).toEqual([
      'Anthropic Primary / claude-sonnet-4',
      'Anthropic Primary / claude-sonnet-4',
    ]);
  });
});
