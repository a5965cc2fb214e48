import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { hoursBefore, seedDelivery, seedNotification, seedTarget } from './seed.ts';

// 18:00 on Thursday 15 January in Asia/Shanghai; the week began Monday 12th, 00:00 local.
const NOW = new Date('2026-01-15T10:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;
let key: string;

beforeAll(async () => {
  h = await startTestHerald({}, { clock });
  const admin = h.client(TEST_ADMIN_TOKEN);
  await admin.settings.update.mutate({ timezone: 'Asia/Shanghai' });
  key = (await admin.apiKeys.create.mutate({ name: 'overview hub' })).key;
});
afterAll(() => h?.close());

const overview = () => h.client(TEST_ADMIN_TOKEN).overview.get.query();
const ago = (hours: number) => hoursBefore(NOW, hours);

describe('overview: failing targets', () => {
  it('lists enabled targets whose last finished delivery or newer test failed, most failures first', async () => {
    const n = await seedNotification(h.db, ago(40));
    const d = (targetId: string, hours: number, status: 'delivered' | 'failed' | 'pending', error?: string) =>
      seedDelivery(h.db, { notificationId: n, targetId, at: ago(hours), status, error: error ?? null });

    // Broken: failed twice in 24 h (once more before that) after an old success.
    const broken = await seedTarget(h.db, 'Ops WeCom');
    await d(broken, 30, 'failed', 'HTTP 500');
    await d(broken, 3, 'delivered');
    await d(broken, 2, 'failed', 'HTTP 502');
    await d(broken, 1, 'failed', 'HTTP 503: upstream down');
    // Recovered: failed, then delivered.
    const recovered = await seedTarget(h.db, 'Recovered');
    await d(recovered, 3, 'failed', 'timeout');
    await d(recovered, 1, 'delivered');
    // Never delivered anything, and its connectivity test failed.
    const untested = await seedTarget(h.db, 'Bad URL', {
      test: { at: ago(0.5), success: false, error: 'connect ECONNREFUSED' },
    });
    // Its test failed, but a delivery went through after it.
    await d(
      await seedTarget(h.db, 'Fixed since test', { test: { at: ago(5), success: false, error: 'DNS' } }),
      1,
      'delivered',
    );
    // Last finished delivery failed; a newer one is still pending (not finished).
    const stillFailing = await seedTarget(h.db, 'Still failing', { test: { at: ago(48), success: true } });
    await d(stillFailing, 2, 'failed', 'HTTP 400: bad token');
    await d(stillFailing, 0.1, 'pending');
    // Disabled targets are not on the list, whatever their deliveries.
    await d(await seedTarget(h.db, 'Disabled', { enabled: false }), 1, 'failed', 'HTTP 500');
    // A healthy one.
    await d(await seedTarget(h.db, 'Healthy', { test: { at: ago(1), success: true } }), 1, 'delivered');

    const { failingTargets } = await overview();
    expect(failingTargets).toEqual([
      {
        id: broken,
        name: 'Ops WeCom',
        channel: 'custom',
        failures24h: 2,
        lastError: 'HTTP 503: upstream down',
        lastFailedAt: new Date(ago(1).getTime() + 1_000).toISOString(),
        lastTest: null,
      },
      {
        id: stillFailing,
        name: 'Still failing',
        channel: 'custom',
        failures24h: 1,
        lastError: 'HTTP 400: bad token',
        lastFailedAt: new Date(ago(2).getTime() + 1_000).toISOString(),
        lastTest: { success: true, at: ago(48).toISOString() },
      },
      {
        id: untested,
        name: 'Bad URL',
        channel: 'custom',
        failures24h: 0,
        lastError: 'connect ECONNREFUSED',
        lastFailedAt: ago(0.5).toISOString(),
        lastTest: { success: false, at: ago(0.5).toISOString() },
      },
    ]);
    expect(failingTargets.map((t) => t.id)).not.toContain(recovered);
  });
});

describe('overview: spend and quotas', () => {
  it("ranks today's spenders in the system zone and shows each limited window's ratio, fullest first", async () => {
    const { hub } = h.client(key);
    await hub.syncUsers.mutate({
      users: [
        { id: 'u1', name: 'Alice', limit5hUsd: 10, limitMonthlyUsd: 100 },
        { id: 'u2', name: 'Bob', limitWeeklyUsd: 20 },
        { id: 'u3', name: 'Carol' },
        { id: 'u4', name: 'Dave', limitMonthlyUsd: 1000 },
      ],
    });
    await hub.syncProviders.mutate({
      providers: [
        { id: 'p1', name: 'Anthropic', limitWeeklyUsd: 50 },
        { id: 'p2', name: 'OpenAI', limit5hUsd: 100, limitMonthlyUsd: 200 },
        { id: 'p3', name: 'Unlimited' },
      ],
    });
    let seq = 0;
    const rec = (userId: string, providerId: string, costUsd: number, at: Date) => ({
      requestId: `r${++seq}`,
      userId,
      providerId,
      costUsd,
      inputTokens: 1000,
      outputTokens: 200,
      createdAt: at.toISOString(),
    });
    await hub.recordUsage.mutate({
      records: [
        rec('u1', 'p1', 9, ago(1)), // in the 5 h window
        rec('u1', 'p2', 5, ago(6)), // today (12:00 local), outside 5 h
        rec('u2', 'p1', 25, ago(2)),
        rec('u3', 'p3', 1, ago(3)),
        // 23:00 local on the 14th: yesterday, this week, this month.
        rec('u1', 'p2', 50, new Date('2026-01-14T15:00:00Z')),
        // 00:30 local on the 15th (still the 14th in UTC): today.
        rec('u4', 'p1', 2, new Date('2026-01-14T16:30:00Z')),
        // Last week (Sunday 11th local), this month.
        rec('u2', 'p1', 7, new Date('2026-01-11T04:00:00Z')),
      ],
    });

    const { topSpenders, quotas } = await overview();
    expect(topSpenders.users.map((u) => [u.userName, u.totalCost, u.totalRequests, u.totalTokens])).toEqual([
      ['Bob', 25, 1, 1200],
      ['Alice', 14, 2, 2400],
      ['Dave', 2, 1, 1200],
      ['Carol', 1, 1, 1200],
    ]);
    expect(topSpenders.totalCost).toBe(42);

    expect(quotas.users).toEqual([
      { id: 'u2', name: 'Bob', windows: [{ period: 'weekly', spend: 25, limit: 20, ratio: 1.25 }] },
      {
        id: 'u1',
        name: 'Alice',
        windows: [
          { period: '5h', spend: 9, limit: 10, ratio: 0.9 },
          { period: 'monthly', spend: 64, limit: 100, ratio: 0.64 },
        ],
      },
      { id: 'u4', name: 'Dave', windows: [{ period: 'monthly', spend: 2, limit: 1000, ratio: 0.002 }] },
    ]);
    expect(quotas.providers).toEqual([
      { id: 'p1', name: 'Anthropic', windows: [{ period: 'weekly', spend: 36, limit: 50, ratio: 0.72 }] },
      {
        id: 'p2',
        name: 'OpenAI',
        windows: [
          { period: '5h', spend: 0, limit: 100, ratio: 0 },
          { period: 'monthly', spend: 55, limit: 200, ratio: 0.275 },
        ],
      },
    ]);
  });

  it('keeps at most 8 entities per kind', async () => {
    await h.client(key).hub.syncUsers.mutate({
      users: Array.from({ length: 12 }, (_, i) => ({ id: `many-${i}`, name: `Many ${i}`, limitWeeklyUsd: 5 })),
    });
    const { quotas } = await overview();
    expect(quotas.users).toHaveLength(8);
    expect(quotas.users.slice(0, 3).map((u) => u.id)).toEqual(['u2', 'u1', 'u4']);
  });
});

describe('overview: circuit-breaker alerts', () => {
  it('lists the last 24 h, newest first, with how their deliveries went', async () => {
    const breaker = (hours: number, providerName: string, extra: Record<string, unknown> = {}) =>
      seedNotification(h.db, ago(hours), 'circuit_breaker', {
        providerId: providerName.toLowerCase(),
        providerName,
        failureCount: 5,
        retryAt: new Date(ago(hours).getTime() + 30 * 60_000).toISOString(),
        ...extra,
      });
    const recent = await breaker(1, 'Anthropic', { lastError: '529 overloaded', failureCount: 7 });
    const older = await breaker(23, 'OpenAI');
    await breaker(25, 'Gemini'); // more than 24 h ago
    await seedNotification(h.db, ago(0.5), 'cost_alert', {}); // another type
    const d = (n: string, hours: number, status: 'delivered' | 'failed' | 'pending' | 'sending') =>
      seedDelivery(h.db, { notificationId: n, at: ago(hours), status, type: 'circuit_breaker' });
    await d(recent, 1, 'delivered');
    await d(recent, 1, 'failed');
    await d(recent, 1, 'sending');
    await d(older, 23, 'delivered');

    const { circuitBreakers } = await overview();
    expect(circuitBreakers).toEqual([
      {
        notificationId: recent,
        at: ago(1).toISOString(),
        providerId: 'anthropic',
        providerName: 'Anthropic',
        failureCount: 7,
        retryAt: new Date(ago(1).getTime() + 30 * 60_000).toISOString(),
        lastError: '529 overloaded',
        delivered: 1,
        failed: 1,
        pending: 1,
      },
      {
        notificationId: older,
        at: ago(23).toISOString(),
        providerId: 'openai',
        providerName: 'OpenAI',
        failureCount: 5,
        retryAt: new Date(ago(23).getTime() + 30 * 60_000).toISOString(),
        lastError: null,
        delivered: 1,
        failed: 0,
        pending: 0,
      },
    ]);
  });
});
