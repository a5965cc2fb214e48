import { afterAll, describe, expect, it, vi } from 'vitest';
import { type FakeWecom, startFakeCustom, startFakeWecom } from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { type ScaledClock, scaledClock } from '../../support/scaled-clock.ts';

type Admin = ReturnType<TestHerald['client']>;

async function herald(clock: ScaledClock, settings: Record<string, unknown> = {}) {
  const h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock, groupWait: true });
  const admin = h.client(TEST_ADMIN_TOKEN);
  await admin.settings.update.mutate({
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    costAlertEnabled: true,
    costAlertThreshold: 0.8,
    timezone: 'UTC',
    locale: 'en',
    ...settings,
  });
  const key = (await admin.apiKeys.create.mutate({ name: 'hub' })).key;
  return { h, admin, hub: h.client(key) };
}

async function wecomBound(
  admin: Admin,
  clock: ScaledClock,
  types: Array<'cost_alert' | 'circuit_breaker'>,
  quietHours?: unknown,
) {
  const fake = await startFakeWecom({ rateLimit: 'platform', now: clock.nowMs });
  const target = await admin.targets.create.mutate({
    name: '运维群',
    providerType: 'wechat',
    webhookUrl: fake.webhookUrl,
  });
  for (const notificationType of types) {
    await admin.bindings.set.mutate({
      notificationType,
      bindings: [{ targetId: target.id, isEnabled: true, ...(quietHours ? { quietHours } : {}) } as never],
    });
  }
  return { fake, target };
}

const contentOf = (fake: FakeWecom) =>
  fake.accepted.map((r) => ((r.json as { markdown?: { content: string } }).markdown?.content ?? '') as string);

async function finished(h: TestHerald, targetId: string) {
  return vi.waitFor(
    async () => {
      const rows = await h.db
        .selectFrom('delivery')
        .selectAll()
        .where('target_id', '=', targetId)
        .orderBy('id')
        .execute();
      if (rows.length === 0 || rows.some((r) => r.status === 'pending' || r.status === 'sending')) {
        throw new Error('not finished');
      }
      return rows;
    },
    { timeout: 20_000, interval: 50 },
  );
}

describe('digests', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it('200 users crossing the cost threshold at once: all named in messages WeCom accepted within 3 minutes, none refused or failed', async () => {
    const clock = scaledClock(new Date('2026-11-30T02:00:00.000Z'), 10);
    const { h, admin, hub } = await herald(clock);
    const { fake, target } = await wecomBound(admin, clock, ['cost_alert']);
    closers.push(
      () => h.close(),
      () => fake.close(),
    );
    const users = Array.from({ length: 200 }, (_, i) => ({
      id: `u${i}`,
      name: `User-${String(i).padStart(3, '0')}`,
      limitWeeklyUsd: 100,
    }));
    await hub.hub.syncUsers.mutate({ users });
    await hub.hub.recordUsage.mutate({
      records: users.map((u, i) => ({
        requestId: `r${i}`,
        userId: u.id,
        providerId: 'p1',
        costUsd: 90,
        inputTokens: 10,
        outputTokens: 10,
        createdAt: new Date(clock.nowMs() - 3_600_000).toISOString(),
      })),
    });
    const start = clock.nowMs();
    const [run] = await admin.notifications.trigger.mutate({ notificationType: 'cost_alert' });
    expect(run).toEqual(expect.objectContaining({ ran: true, alerts: 200 }));

    const rows = await finished(h, target.id);
    expect(fake.refused).toHaveLength(0);
    expect(rows.filter((r) => r.status === 'failed')).toHaveLength(0);
    const text = contentOf(fake).join('\n');
    for (const u of users) expect(text).toContain(u.name);
    const last = Math.max(...fake.accepted.map((r) => r.at));
    console.log(
      `200 users over the threshold: ${fake.accepted.length} WeCom messages, the last ${((last - start) / 1000).toFixed(1)} s after the check`,
    );
    expect(last - start).toBeLessThanOrEqual(3 * 60_000);
    // Nothing disappeared into the digest: every alert is in the log, grouped, pointing at a digest that was delivered.
    const grouped = rows.filter((r) => r.status === 'grouped');
    expect(grouped).toHaveLength(200);
    const digests = rows.filter((r) => r.carried !== null);
    expect(digests.every((d) => d.status === 'delivered')).toBe(true);
    expect(
      digests
        .flatMap((d) => d.carried ?? [])
        .map((c) => c.deliveryId)
        .sort(),
    ).toEqual(grouped.map((g) => g.id).sort());
    for (const g of grouped) expect(digests.map((d) => d.id)).toContain(g.digest_id);
    expect(fake.accepted.length).toBe(digests.length);
    expect(fake.accepted.length).toBeGreaterThan(1); // 200 do not fit one WeCom message: parts (i/n)
    expect(contentOf(fake)[0]).toMatch(/\(1\/\d+\)/);

    // The log says what each digest carried.
    const page = await admin.deliveries.list.query({ targetId: target.id, limit: 200 });
    const digestRow = page.items.find((i) => i.kind === 'digest');
    expect(digestRow?.carriedCount).toBeGreaterThan(1);
    const detail = await admin.deliveries.get.query({ id: digestRow?.id as string });
    expect(detail.carried.length).toBe(digestRow?.carriedCount);
    expect(detail.carried[0]?.subject).toMatch(/^User-/);
  });

  it('circuit-breaker alerts within the grouping wait go out as one digest; a custom target gets the items as a JSON array', async () => {
    // A 60 s wait at 20× is 3 s real: the five reports fit in it even on a loaded machine.
    const clock = scaledClock(new Date('2026-11-30T02:00:00.000Z'), 20);
    const { h, admin, hub } = await herald(clock, { circuitBreakerGroupWaitSeconds: 60 });
    const fake = await startFakeCustom();
    closers.push(
      () => h.close(),
      () => fake.close(),
    );
    const target = await admin.targets.create.mutate({
      name: 'hook',
      providerType: 'custom',
      webhookUrl: fake.webhookUrl,
      customTemplate: { title: '{{title}}', count: '{{json:count}}', items: '{{json:items}}' },
    });
    await admin.bindings.set.mutate({
      notificationType: 'circuit_breaker',
      bindings: [{ targetId: target.id, isEnabled: true }],
    });
    for (let i = 1; i <= 5; i++) {
      await hub.hub.reportCircuitBreaker.mutate({
        providerId: `p${i}`,
        providerName: `Provider ${i}`,
        failureCount: i,
        retryAt: new Date(clock.nowMs() + 600_000).toISOString(),
      });
    }
    const rows = await finished(h, target.id);
    expect(fake.accepted).toHaveLength(1);
    const body = fake.accepted[0]?.json as { title: string; count: number; items: Array<{ provider_name: string }> };
    expect(body.count).toBe(5);
    expect(body.items.map((i) => i.provider_name)).toEqual([
      'Provider 1',
      'Provider 2',
      'Provider 3',
      'Provider 4',
      'Provider 5',
    ]);
    expect(body.title).toMatch(/5/);
    expect(rows.filter((r) => r.status === 'grouped')).toHaveLength(5);
  });

  it('quiet hours hold a cost alert and release what they held as one digest when they end', async () => {
    // 02:59:00 UTC; quiet 22:00–03:00 every day: one more minute of quiet.
    // Ten minutes of quiet left (10 s real): setup on a loaded machine must not outlast them.
    const clock = scaledClock(new Date('2026-11-30T02:50:00.000Z'), 60);
    const { h, admin, hub } = await herald(clock);
    const { fake, target } = await wecomBound(admin, clock, ['cost_alert'], {
      days: [1, 2, 3, 4, 5, 6, 7],
      from: '22:00',
      to: '03:00',
      bypassUrgent: true,
    });
    closers.push(
      () => h.close(),
      () => fake.close(),
    );
    await hub.hub.syncUsers.mutate({
      users: [
        { id: 'a', name: 'Alice', limitWeeklyUsd: 100 },
        { id: 'b', name: 'Bob', limitWeeklyUsd: 100 },
      ],
    });
    await hub.hub.recordUsage.mutate({
      records: ['a', 'b'].map((u, i) => ({
        requestId: `q${i}`,
        userId: u,
        providerId: 'p1',
        costUsd: 85,
        inputTokens: 1,
        outputTokens: 1,
        createdAt: new Date(clock.nowMs() - 60_000).toISOString(),
      })),
    });
    await admin.notifications.trigger.mutate({ notificationType: 'cost_alert' });
    const held = await h.db.selectFrom('delivery').selectAll().where('target_id', '=', target.id).execute();
    expect(held.map((d) => [d.status, d.wait_reason])).toEqual([
      ['pending', 'quiet_hours'],
      ['pending', 'quiet_hours'],
    ]);
    expect(held[0]?.next_attempt_at?.toISOString()).toBe('2026-11-30T03:00:00.000Z');
    const rows = await finished(h, target.id);
    expect(fake.accepted).toHaveLength(1);
    expect(fake.accepted[0]?.at).toBeGreaterThanOrEqual(Date.parse('2026-11-30T03:00:00.000Z'));
    const text = contentOf(fake)[0] ?? '';
    expect(text).toContain('Alice');
    expect(text).toContain('Bob');
    expect(rows.filter((r) => r.status === 'grouped')).toHaveLength(2);
  });
});
