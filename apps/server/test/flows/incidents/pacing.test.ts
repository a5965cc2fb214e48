import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueueNotifications } from '../../../src/engine/enqueue.ts';
import { type FakeWecom, startFakeTelegram, startFakeWecom } from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { scaledClock } from '../../support/scaled-clock.ts';

// Time runs 30× here: WeCom's minute window passes in 2 s, and the fakes count on the same clock.
const clock = scaledClock(new Date('2026-11-30T02:00:00.000Z'), 30);
let h: TestHerald;
let second: TestHerald | undefined;

const breaker = (i: number) => ({
  providerId: `p${i}`,
  providerName: `Provider ${i}`,
  failureCount: 5,
  retryAt: '2026-11-30T03:00:00.000Z',
});

async function wecomTarget(h: TestHerald, name: string) {
  const fake = await startFakeWecom({ rateLimit: 'platform', now: clock.nowMs });
  const admin = h.client(TEST_ADMIN_TOKEN);
  const target = await admin.targets.create.mutate({ name, providerType: 'wechat', webhookUrl: fake.webhookUrl });
  return { fake, target };
}

async function bindOnly(h: TestHerald, targetId: string) {
  const admin = h.client(TEST_ADMIN_TOKEN);
  await admin.bindings.set.mutate({ notificationType: 'circuit_breaker', bindings: [{ targetId, isEnabled: true }] });
}

async function deliveriesOf(h: TestHerald, targetId: string) {
  return h.db.selectFrom('delivery').selectAll().where('target_id', '=', targetId).orderBy('id').execute();
}

/** The target's deliveries once none is pending or sending any more. */
function finished(h: TestHerald, targetId: string) {
  return vi.waitFor(
    async () => {
      const rows = await deliveriesOf(h, targetId);
      if (rows.some((r) => r.status === 'pending' || r.status === 'sending')) throw new Error('not finished');
      return rows;
    },
    { timeout: 10_000, interval: 50 },
  );
}

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
    paceDigests: false,
  });
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

describe('per-target pace', () => {
  let wecom: FakeWecom;
  it('a burst to one WeCom robot goes out at its pace: nothing refused, nothing failed, no retry used', async () => {
    const t = await wecomTarget(h, 'wecom paced');
    wecom = t.fake;
    await bindOnly(h, t.target.id);
    const n = 45; // more than two of WeCom's 20-a-minute windows
    await enqueueNotifications(
      h.herald.deps,
      h.db,
      Array.from({ length: n }, (_, i) => ({
        type: 'circuit_breaker' as const,
        data: breaker(i),
        source: 'hub' as const,
      })),
    );
    // While the first go out, the rest wait for the pace and say when they go.
    await wecom.waitForAccepted(3, { timeoutMs: 10_000 });
    const waiting = (await deliveriesOf(h, t.target.id)).filter(
      (d) => d.status === 'pending' && d.wait_reason === 'pace',
    );
    expect(waiting.length).toBeGreaterThan(0);
    for (const d of waiting) expect(d.next_attempt_at).not.toBeNull();

    await wecom.waitForAccepted(n, { timeoutMs: 20_000 });
    expect(wecom.refused).toHaveLength(0);
    expect(wecom.received).toHaveLength(n);
    const rows = await finished(h, t.target.id);
    expect(rows.map((r) => r.status)).toEqual(Array(n).fill('delivered'));
    // One attempt each: waiting used no run and no retry.
    expect(rows.every((r) => r.attempts.length === 1 && r.attempts[0]?.queueAttempt !== undefined)).toBe(true);
    // Spacing on the platform's clock: never more than 20 in any 60 s.
    const at = wecom.accepted.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 20; i < at.length; i++)
      expect((at[i] as number) - (at[i - 20] as number)).toBeGreaterThanOrEqual(60_000);
    await wecom.close();
  });

  it("a platform's rate-limit answer (Telegram 429 retry_after) postpones the delivery and uses no retry", async () => {
    const tg = await startFakeTelegram({ now: clock.nowMs });
    const other = await startTestHerald(
      { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', TELEGRAM_API_BASE_URL: tg.apiBaseUrl },
      { clock },
    );
    try {
      const admin = other.client(TEST_ADMIN_TOKEN);
      await admin.settings.update.mutate({
        enabled: true,
        useLegacyMode: false,
        circuitBreakerEnabled: true,
        paceDigests: false,
      });
      const target = await admin.targets.create.mutate({
        name: 'tg',
        providerType: 'telegram',
        telegramBotToken: tg.token,
        telegramChatId: '-1001234567890',
      });
      await bindOnly(other, target.id);
      tg.failNext({ kind: 'rateLimit', retryAfterSeconds: 30 });
      const before = clock.nowMs();
      await enqueueNotifications(other.herald.deps, other.db, [
        { type: 'circuit_breaker', data: breaker(1), source: 'hub' },
      ]);
      await tg.waitForAccepted(1, { timeoutMs: 20_000 });
      const [refused, sent] = tg.received;
      expect(refused?.accepted).toBe(false);
      // It waited the platform's 30 s (on the shared clock), not the queue's 60 s retry.
      expect((sent?.at as number) - (refused?.at as number)).toBeGreaterThanOrEqual(30_000);
      expect((sent?.at as number) - before).toBeLessThan(60_000);
      const [row] = await finished(other, target.id);
      expect(row?.status).toBe('delivered');
      expect(row?.attempts.map((a) => a.outcome)).toEqual(['retryable', 'success']);
      // The pace row remembers the refusal and slows the target.
      const pace = await other.db.selectFrom('target_pace').selectAll().where('key', '=', target.id).executeTakeFirst();
      expect(pace?.refusals).toBe(1);
      expect(Number(pace?.slow_factor)).toBe(2);
      expect(pace?.slowed_until?.getTime()).toBeGreaterThan(clock.nowMs());
      // The dashboard's view: 20 a minute less the sliding window's one and a margin (18.6), halved for now, one refusal.
      const view = (await admin.targets.paces.query()).find((p) => p.targetId === target.id);
      expect(view).toMatchObject({ platformPerMinute: 18.6, effectivePerMinute: 9.3, refusals: 1, waiting: 0 });
      expect(view?.slowedUntil).not.toBeNull();
    } finally {
      await other.close();
      await tg.close();
    }
  });

  it('two server processes share one target pace', async () => {
    second = await startTestHerald(
      { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' },
      { clock, shareWith: { databaseUrl: h.databaseUrl, secretKeyHex: h.secretKeyHex } },
    );
    const t = await wecomTarget(h, 'wecom shared');
    await bindOnly(h, t.target.id);
    const n = 30;
    // Half queued by each process; both workers fetch.
    const half = (k: number) =>
      Array.from({ length: n / 2 }, (_, i) => ({
        type: 'circuit_breaker' as const,
        data: breaker(100 + k * 100 + i),
        source: 'hub' as const,
      }));
    await Promise.all([
      enqueueNotifications(h.herald.deps, h.db, half(0)),
      enqueueNotifications((second as TestHerald).herald.deps, (second as TestHerald).db, half(1)),
    ]);
    await t.fake.waitForAccepted(n, { timeoutMs: 30_000 });
    expect(t.fake.refused).toHaveLength(0);
    const at = t.fake.accepted.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 20; i < at.length; i++)
      expect((at[i] as number) - (at[i - 20] as number)).toBeGreaterThanOrEqual(60_000);
    await t.fake.close();
  });
});
