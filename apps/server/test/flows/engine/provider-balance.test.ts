import type { ProviderBalanceReportInput } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCustom, startFakeCustom } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;
let second: TestHerald;
let key: string;
let fake: FakeCustom;

type Received = {
  type: string;
  title: string;
  event: string;
  provider: string;
  providerId: string;
  balance: number;
  currency: string;
  threshold: number;
  level: string;
};

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  // A second server process on the same database.
  second = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock, shareWith: h });
  fake = await startFakeCustom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  key = (await admin.apiKeys.create.mutate({ name: 'balance hub' })).key;
  const target = await admin.targets.create.mutate({
    name: 'balance hook',
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: {
      type: '{{notification_type}}',
      title: '{{title}}',
      event: '{{event}}',
      provider: '{{provider_name}}',
      providerId: '{{provider_id}}',
      balance: '{{json:balance}}',
      currency: '{{currency}}',
      threshold: '{{json:threshold}}',
      level: '{{balance_level}}',
    },
  });
  await admin.bindings.set.mutate({
    notificationType: 'provider_balance',
    bindings: [{ targetId: target.id, isEnabled: true }],
  });
  await admin.settings.update.mutate({
    enabled: true,
    useLegacyMode: false,
    providerBalanceEnabled: true,
    locale: 'en',
  });
});
afterAll(async () => {
  await second?.close();
  await h?.close();
  await fake?.close();
});

const report = (input: ProviderBalanceReportInput, server = h) =>
  server.client(key).hub.reportProviderBalance.mutate(input);
const received = () => fake.accepted.map((r) => r.json as Received);
/** Alerts stored for a provider: committed with the answer, so counted without waiting. */
const stored = async (providerId: string) =>
  (await h.db.selectFrom('notification').select('data').where('type', '=', 'provider_balance').execute()).filter(
    (n) => (n.data as { providerId: string }).providerId === providerId,
  ).length;
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();

describe('provider balance alerts through the API', () => {
  it('a low balance alerts once, and its top-up sends one recovery', async () => {
    const base = { providerId: 'p1', providerName: 'Anthropic Primary', lowBalanceThreshold: 100 };
    expect(await report({ ...base, balance: 150 })).toEqual({ ok: true, outcome: 'unchanged', notificationId: null });

    const low = await report({ ...base, balance: 80 });
    expect(low).toEqual({ ok: true, outcome: 'alerted', level: 'low', notificationId: expect.any(String) });
    await fake.waitForAccepted(1);
    expect(received()[0]).toEqual({
      type: 'provider_balance',
      title: 'Provider balance low',
      event: 'low',
      provider: 'Anthropic Primary',
      providerId: 'p1',
      balance: 80,
      currency: 'USD',
      threshold: 100,
      level: 'low',
    });

    // Still low, lower but above half: nothing new.
    for (const balance of [80, 70, 51]) {
      expect(await report({ ...base, balance })).toEqual({
        ok: true,
        outcome: 'unchanged',
        level: 'low',
        notificationId: null,
      });
    }
    expect(await stored('p1')).toBe(1);

    const back = await report({ ...base, balance: 100 });
    expect(back).toEqual({ ok: true, outcome: 'recovered', notificationId: expect.any(String) });
    await fake.waitForAccepted(2);
    expect(received()[1]).toMatchObject({ title: 'Provider balance restored', event: 'recovered', balance: 100 });
    expect(await report({ ...base, balance: 130 })).toMatchObject({ outcome: 'unchanged' });
    expect(await stored('p1')).toBe(2);

    const log = await h.client(TEST_ADMIN_TOKEN).deliveries.list.query({ notificationType: 'provider_balance' });
    expect(log.items.map((d) => [d.subject, d.event])).toEqual([
      ['Anthropic Primary', 'recovered'],
      ['Anthropic Primary', 'low'],
    ]);
  });

  it('half the threshold and zero alert once each; repeats and rises within the crossing do not', async () => {
    const base = { providerId: 'p2', providerName: 'Bedrock', currency: 'cny', lowBalanceThreshold: 200 };
    const outcomes: Array<[string, string | undefined]> = [];
    for (const balance of [150, 120, 99, 80, 0, -10, 150, 0]) {
      const r = await report({ ...base, balance });
      outcomes.push([r.outcome, r.level]);
    }
    expect(outcomes).toEqual([
      ['alerted', 'low'],
      ['unchanged', 'low'],
      ['alerted', '50%'],
      ['unchanged', '50%'],
      ['alerted', 'zero'],
      ['unchanged', 'zero'],
      ['unchanged', 'low'],
      ['unchanged', 'zero'],
    ]);
    const mine = () => received().filter((m) => m.providerId === 'p2');
    await fake.waitForAccepted(5);
    expect(mine().map((m) => [m.level, m.balance, m.currency])).toEqual([
      ['low', 150, 'CNY'],
      ['50%', 99, 'CNY'],
      ['zero', 0, 'CNY'],
    ]);
    // The recovery names the lowest level the crossing reached.
    expect(await report({ ...base, balance: 500 })).toMatchObject({ outcome: 'recovered' });
    await fake.waitForAccepted(6);
    expect(mine().at(-1)).toMatchObject({ event: 'recovered', level: 'zero', balance: 500 });
    // A new crossing alerts again.
    expect(await report({ ...base, balance: 10 })).toMatchObject({ outcome: 'alerted', level: '50%' });
    expect(await stored('p2')).toBe(5);
    await fake.waitForAccepted(7);
  });

  it("a provider's own threshold beats the default; with neither there is no alert", async () => {
    const admin = h.client(TEST_ADMIN_TOKEN);
    expect((await admin.settings.get.query()).providerBalanceDefaultThreshold).toBeNull();
    expect(await report({ providerId: 'p3', balance: -50 })).toEqual({
      ok: true,
      outcome: 'unchanged',
      notificationId: null,
    });
    expect(await stored('p3')).toBe(0);

    const updated = await admin.settings.update.mutate({
      providerBalanceDefaultThreshold: 10,
      providerBalanceLevels: [0],
    });
    expect(updated).toMatchObject({ providerBalanceDefaultThreshold: 10, providerBalanceLevels: [0] });
    expect(await admin.settings.get.query()).toEqual(updated);
    expect(await report({ providerId: 'p3', balance: 5 })).toMatchObject({ outcome: 'alerted', level: 'low' });
    // Own 20 > balance 15 > default 10: alerted by its own.
    expect(await report({ providerId: 'p4', balance: 15, lowBalanceThreshold: 20 })).toMatchObject({
      outcome: 'alerted',
      level: 'low',
    });
    // Own 5 < balance 8 < default 10: not alerted.
    expect(await report({ providerId: 'p5', balance: 8, lowBalanceThreshold: 5 })).toMatchObject({
      outcome: 'unchanged',
    });
    // The levels setting: no half level any more, zero straight after low.
    expect(await report({ providerId: 'p3', balance: 1 })).toMatchObject({ outcome: 'unchanged', level: 'low' });
    expect(await report({ providerId: 'p3', balance: 0 })).toMatchObject({ outcome: 'alerted', level: 'zero' });
    await fake.waitForAccepted(10);
    expect(received().filter((m) => ['p3', 'p4'].includes(m.providerId))).toEqual([
      expect.objectContaining({ providerId: 'p3', threshold: 10, level: 'low', provider: '' }),
      expect.objectContaining({ providerId: 'p4', threshold: 20, level: 'low' }),
      expect.objectContaining({ providerId: 'p3', threshold: 10, level: 'zero' }),
    ]);
    await admin.settings.update.mutate({ providerBalanceDefaultThreshold: null, providerBalanceLevels: [0.5, 0] });
  });

  it('concurrent reports from two server processes alert once', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        report({ providerId: 'p6', balance: 5, lowBalanceThreshold: 50 }, i % 2 ? second : h),
      ),
    );
    expect(results.filter((r) => r.outcome === 'alerted')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(11);
    expect(await stored('p6')).toBe(1);
  });

  it('a report older than the last one changes nothing', async () => {
    const base = { providerId: 'p7', lowBalanceThreshold: 100 };
    expect(await report({ ...base, balance: 500, reportedAt: minutes(10) })).toMatchObject({ outcome: 'unchanged' });
    expect(await report({ ...base, balance: 1, reportedAt: minutes(5) })).toEqual({
      ok: true,
      outcome: 'unchanged',
      notificationId: null,
    });
    const row = await h.db
      .selectFrom('provider_balance_state')
      .select(['balance', 'alerted_fraction'])
      .where('provider_id', '=', 'p7')
      .executeTakeFirstOrThrow();
    expect([Number(row.balance), row.alerted_fraction]).toEqual([500, null]);
  });

  it('switched off: recorded but not alerted, and alerted once switched on again', async () => {
    const admin = h.client(TEST_ADMIN_TOKEN);
    await admin.settings.update.mutate({ providerBalanceEnabled: false });
    const base = { providerId: 'p8', lowBalanceThreshold: 100 };
    expect(await report({ ...base, balance: 40 })).toEqual({
      ok: true,
      outcome: 'disabled',
      level: '50%',
      notificationId: null,
    });
    await admin.settings.update.mutate({ providerBalanceEnabled: true });
    expect(await report({ ...base, balance: 40 })).toMatchObject({ outcome: 'alerted', level: '50%' });
    expect(await stored('p8')).toBe(1);
  });

  it('a silence on the provider holds back its balance alerts, logged as skipped', async () => {
    const admin = h.client(TEST_ADMIN_TOKEN);
    await report({ providerId: 'p9', providerName: 'Muted', balance: 500, lowBalanceThreshold: 100 });
    await admin.silences.create.mutate({ matcher: { kind: 'provider', providerId: 'p9' }, durationMinutes: 60 });
    const r = await report({ providerId: 'p9', balance: 50, lowBalanceThreshold: 100 });
    // Stored and logged, but nobody is told: the hub hears so.
    expect(r).toEqual({
      ok: true,
      outcome: 'suppressed',
      reason: 'silenced',
      level: 'low',
      notificationId: expect.any(String),
    });
    const log = await admin.deliveries.list.query({ notificationType: 'provider_balance', status: 'skipped' });
    expect(log.items.map((d) => d.subject)).toEqual(['Muted']);
  });

  it.each([
    [{ providerId: 'p', balance: 'low' }, 'balance', 'must be a number (negative when overdrawn)'],
    [{ providerId: 'p' }, 'balance', 'is required'],
    [{ providerId: '', balance: 1 }, 'providerId', 'must not be empty'],
    [{ providerId: 'p', balance: 1, currency: 'dollars' }, 'currency', 'must be a 3-letter currency code'],
    [{ providerId: 'p', balance: 1, lowBalanceThreshold: -1 }, 'lowBalanceThreshold', 'must be 0 or more'],
    [{ providerId: 'p', balance: 1, reportedAt: 'yesterday' }, 'reportedAt', 'must be an ISO 8601 date-time'],
    [{ providerId: 'p', balance: 1, providerName: 7 }, 'providerName', 'must be a string'],
  ])('rejects %j naming the field', async (input, field, message) => {
    const r = await h.api('hub.reportProviderBalance', input, { token: key });
    expect(r.status).toBe(400);
    const issues = r.body.error.data.issues as Array<{ path: string; message: string }>;
    expect(issues.map((i) => i.path)).toEqual([field]);
    expect(issues[0]?.message).toContain(message);
  });

  it('a bad default threshold or level is refused naming the setting', async () => {
    const r = await h.api('settings.update', { providerBalanceLevels: [0, 0.5] }, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues).toEqual([
      expect.objectContaining({
        path: 'providerBalanceLevels.1',
        message: 'must be lower than the level before it (0): levels go down from the threshold',
      }),
    ]);
    const t = await h.api('settings.update', { providerBalanceDefaultThreshold: -5 }, { token: TEST_ADMIN_TOKEN });
    expect(t.body.error.data.issues).toEqual([
      expect.objectContaining({ path: 'providerBalanceDefaultThreshold', message: 'must be 0 or more' }),
    ]);
  });

  it('the Overview lists balances, the lowest relative to its threshold first, without one last', async () => {
    await report({ providerId: 'o1', providerName: 'Under half', balance: 59, lowBalanceThreshold: 120 });
    await report({ providerId: 'o2', providerName: 'Overdrawn', balance: -2, lowBalanceThreshold: 10 });
    await report({ providerId: 'o3', balance: 3, currency: 'EUR' });
    await report({ providerId: 'o4', balance: 900, lowBalanceThreshold: 100, reportedAt: minutes(-3) });
    // A name the hub syncs later shows where the reports gave none.
    await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'o3', name: 'Euro account' }] });
    const { balances } = await h.client(TEST_ADMIN_TOKEN).overview.get.query();
    const ids = balances.map((b) => b.providerId).filter((id) => id.startsWith('o'));
    expect(ids).toEqual(['o2', 'o1', 'o4', 'o3']);
    expect(balances.find((b) => b.providerId === 'o2')).toEqual({
      providerId: 'o2',
      providerName: 'Overdrawn',
      balance: -2,
      currency: 'USD',
      threshold: 10,
      level: 'zero',
      updatedAt: NOW.toISOString(),
    });
    expect(balances.find((b) => b.providerId === 'o1')?.level).toBe('50%');
    expect(balances.find((b) => b.providerId === 'o3')).toMatchObject({
      providerName: 'Euro account',
      threshold: null,
      level: null,
      currency: 'EUR',
    });
    expect(balances.find((b) => b.providerId === 'o4')).toMatchObject({ level: null, updatedAt: minutes(-3) });
    expect(balances.length).toBeLessThanOrEqual(50);
  });
});
