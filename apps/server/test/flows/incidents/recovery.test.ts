import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWecom, startFakeWecom } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import {
  bindOnly,
  breakerEvents,
  closeAll,
  customReceiver,
  hubKey,
  type Receiver,
  settled,
  switchOn,
} from './support.ts';

// Thursday 2026-01-15 14:00 in Asia/Shanghai.
const START = new Date('2026-01-15T06:00:00.000Z');
const clock = manualClock(START);
const later = (minutes: number) => clock.advance(minutes * 60_000);
let h: TestHerald;
let key: string;
let wecom: FakeWecom;
let wecomTargetId: string;
let a: Receiver;
let b: Receiver;
let c: Receiver;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = await hubKey(h);
  wecom = await startFakeWecom();
  wecomTargetId = (
    await h.client(TEST_ADMIN_TOKEN).targets.create.mutate({
      name: 'ops wecom',
      providerType: 'wechat',
      webhookUrl: wecom.webhookUrl,
    })
  ).id;
  a = await customReceiver(h, 'a');
  b = await customReceiver(h, 'b');
  c = await customReceiver(h, 'c');
  await switchOn(h, { timezone: 'Asia/Shanghai' });
});
afterAll(async () => {
  await h?.close();
  await closeAll(wecom, a?.fake, b?.fake, c?.fake);
});

const open = (providerId: string) =>
  h.client(key).hub.reportCircuitBreaker.mutate({
    providerId,
    providerName: `Provider ${providerId}`,
    failureCount: 5,
    retryAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString(),
    lastError: 'upstream 529',
  });
const close = (providerId: string) => h.client(key).hub.reportCircuitBreaker.mutate({ state: 'closed', providerId });
const ignored = (reason: string) => ({ ok: true, outcome: 'ignored', reason, notificationId: null });

describe('breaker recovery', () => {
  it('open then closed: one alert and one recovery reach the platform, the recovery in Chinese', async () => {
    await bindOnly(h, 'circuit_breaker', [wecomTargetId]);
    const opened = await open('p1');
    expect(opened).toEqual({ ok: true, outcome: 'alerted', notificationId: expect.any(String) });
    await wecom.waitForAccepted(1);

    later(12);
    const closed = await close('p1');
    expect(closed).toEqual({ ok: true, outcome: 'recovered', notificationId: expect.any(String) });
    const [alert, recovery] = await wecom.waitForAccepted(2);
    const content = (r: typeof alert) => (r?.json as { markdown?: { content: string } } | undefined)?.markdown?.content;
    expect(content(alert)).toContain('供应商熔断告警');
    expect(content(recovery)).toContain('供应商熔断恢复');
    expect(content(recovery)).toContain('供应商 Provider p1 (ID: p1) 熔断 12 分钟后已恢复');
    expect(content(recovery)).toContain('恢复时间');
    expect(content(recovery)).toContain('2026-01-15 14:12 (Asia/Shanghai)');

    // Told once: a second close changes nothing.
    expect(await close('p1')).toEqual(ignored('already_closed'));
    expect(await breakerEvents(h, 'p1')).toEqual(['opened', 'recovered']);
    const deliveries = await settled(h, closed.notificationId as string);
    expect(deliveries.map((d) => [d.target_id, d.status])).toEqual([[wecomTargetId, 'delivered']]);
    expect(wecom.accepted).toHaveLength(2);
  });

  it('closes reported at once (retries, several hub processes) send one recovery', async () => {
    await bindOnly(h, 'circuit_breaker', [a.target.id]);
    const before = a.fake.accepted.length;
    expect((await open('p-race')).outcome).toBe('alerted');
    later(1);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => close('p-race')));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['recovered', ...Array(7).fill('ignored')].sort());
    expect(await breakerEvents(h, 'p-race')).toEqual(['opened', 'recovered']);
    await a.fake.waitForAccepted(before + 2);
  });

  it('a close for a breaker Herald never saw open is ignored', async () => {
    expect(await close('never-opened')).toEqual(ignored('never_open'));
    expect(await breakerEvents(h, 'never-opened')).toEqual([]);
  });

  it('a bad close report names the field', async () => {
    const missing = await h.api('hub.reportCircuitBreaker', { state: 'closed' }, { token: key });
    expect(missing.status).toBe(400);
    expect(missing.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['providerId']);
    const state = await h.api('hub.reportCircuitBreaker', { state: 'half-open', providerId: 'p1' }, { token: key });
    expect(state.status).toBe(400);
    expect(state.body.error.message).toContain('state must be "open" or "closed"');
  });

  it('a repeat while open is suppressed for 5 minutes; the recovery goes once, to the first alert', async () => {
    await bindOnly(h, 'circuit_breaker', [a.target.id]);
    const before = a.fake.accepted.length;
    expect((await open('p2')).outcome).toBe('alerted');
    later(2);
    expect(await open('p2')).toEqual({ ok: true, outcome: 'suppressed', reason: 'cooldown', notificationId: null });
    later(4);
    expect((await open('p2')).outcome).toBe('alerted');
    later(4);
    expect((await close('p2')).outcome).toBe('recovered');
    await a.fake.waitForAccepted(before + 3);
    const got = a.messages().slice(before);
    expect(got.map((m) => m.event)).toEqual(['opened', 'opened', 'recovered']);
    // Open since the first alert, 10 minutes ago.
    expect(got[2]).toMatchObject({ provider: 'Provider p2', failures: 5, recoveredAfterSeconds: 600 });
  });

  it('goes to the targets that got the alert, even after the bindings changed', async () => {
    await bindOnly(h, 'circuit_breaker', [a.target.id, b.target.id]);
    const alerted = a.fake.accepted.length;
    expect((await open('p3')).outcome).toBe('alerted');
    await a.fake.waitForAccepted(alerted + 1);
    await b.fake.waitForAccepted(1);
    // The team rebinds breaker alerts to another target in the meantime.
    await bindOnly(h, 'circuit_breaker', [c.target.id]);
    later(20);
    const closed = await close('p3');
    expect(closed.outcome).toBe('recovered');
    const deliveries = await settled(h, closed.notificationId as string);
    expect(deliveries.map((d) => [d.target_name, d.status, d.binding_id])).toEqual([
      ['a', 'delivered', null],
      ['b', 'delivered', null],
    ]);
    expect(
      a
        .messages()
        .slice(alerted)
        .map((m) => m.event),
    ).toEqual(['opened', 'recovered']);
    expect(b.messages().map((m) => m.event)).toEqual(['opened', 'recovered']);
    expect(c.fake.received).toHaveLength(0);
  });

  it("Herald's own breaker closes at the first success once its open duration has passed", async () => {
    await bindOnly(h, 'circuit_breaker', [a.target.id]);
    await h.client(key).hub.syncProviders.mutate({
      providers: [{ id: 'own', name: 'Own provider', failureThreshold: 3, openDurationMs: 10 * 60_000 }],
    });
    let n = 0;
    const usage = (...outcomes: boolean[]) =>
      h.client(key).hub.recordUsage.mutate({
        records: outcomes.map((success) => ({
          requestId: `own-${++n}`,
          userId: 'u1',
          providerId: 'own',
          costUsd: 0.01,
          inputTokens: 10,
          outputTokens: 10,
          success,
          ...(success ? {} : { errorMessage: 'HTTP 503' }),
        })),
      });
    const before = a.fake.accepted.length;
    await usage(false, false, false);
    expect(await breakerEvents(h, 'own')).toEqual(['opened']);
    later(5);
    // Still within its 10 minutes: a success does not close it yet.
    await usage(false, true);
    expect(await breakerEvents(h, 'own')).toEqual(['opened']);
    later(6);
    await usage(true);
    expect(await breakerEvents(h, 'own')).toEqual(['opened', 'recovered']);
    await usage(true);
    expect(await breakerEvents(h, 'own')).toEqual(['opened', 'recovered']);

    await a.fake.waitForAccepted(before + 2);
    expect(a.messages().slice(before)).toMatchObject([
      { event: 'opened', provider: 'Own provider', failures: 3 },
      // One failure and one success were recorded while it was open, 11 minutes.
      { event: 'recovered', provider: 'Own provider', failures: 3, failuresWhileOpen: 1, recoveredAfterSeconds: 660 },
    ]);
    expect(h.logs.lines.some((l) => l.action === 'provider_breaker_closed' && l.providerId === 'own')).toBe(true);
  });
});

describe('cost recovery (opt-in)', () => {
  let seq = 0;
  const spend = (userId: string, costUsd: number) =>
    h.client(key).hub.recordUsage.mutate({
      records: [
        {
          requestId: `cost-${++seq}`,
          userId,
          providerId: 'p-cost',
          costUsd,
          inputTokens: 1,
          outputTokens: 1,
          createdAt: new Date(clock.now().getTime() - 60_000).toISOString(),
        },
      ],
    });
  const trigger = () => h.client(TEST_ADMIN_TOKEN).notifications.trigger.mutate({ notificationType: 'cost_alert' });
  const costEvents = async (targetId: string) =>
    (await h.db.selectFrom('notification').select('data').where('type', '=', 'cost_alert').orderBy('id').execute())
      .map((r) => r.data as { targetId: string; event?: string; period: string })
      .filter((d) => d.targetId === targetId)
      .map((d) => `${d.period} ${d.event ?? 'over'}`);

  beforeAll(async () => {
    await bindOnly(h, 'cost_alert', [c.target.id]);
    await h.client(key).hub.syncUsers.mutate({
      users: [
        { id: 'alice', name: 'Alice', limitWeeklyUsd: 100 },
        { id: 'bob', name: 'Bob', limitWeeklyUsd: 100 },
      ],
    });
  });

  it('off by default: a new week after an alert says nothing', async () => {
    clock.set(new Date('2026-01-15T06:00:00.000Z')); // Thursday, week of the 12th
    await spend('bob', 85);
    await trigger();
    expect(await costEvents('bob')).toEqual(['weekly over']);
    clock.set(new Date('2026-01-18T16:30:00.000Z')); // Monday the 19th, 00:30 local
    await trigger();
    expect(await costEvents('bob')).toEqual(['weekly over']);
  });

  it('switched on: one "back under" message in the next period, to the alert binding', async () => {
    await switchOn(h, { timezone: 'Asia/Shanghai', costAlertThreshold: 0.8, costAlertRecoveryEnabled: true });
    clock.set(new Date('2026-02-04T06:00:00.000Z')); // Wednesday, week of February 2nd
    await spend('alice', 90); // 90 %
    await trigger();
    expect(await costEvents('alice')).toEqual(['weekly over']);

    clock.set(new Date('2026-02-08T16:30:00.000Z')); // Monday the 9th, 00:30 local
    await spend('alice', 5);
    await trigger();
    expect(await costEvents('alice')).toEqual(['weekly over', 'weekly recovered']);
    await trigger();
    expect(await costEvents('alice')).toEqual(['weekly over', 'weekly recovered']);
    // Bob's alert was weeks ago, not last week: nothing for him.
    expect(await costEvents('bob')).toEqual(['weekly over']);

    await c.fake.waitForAccepted(3);
    expect(c.messages().map((m) => `${m.targetName} ${m.event}`)).toEqual([
      'Bob over',
      'Alice over',
      'Alice recovered',
    ]);
  });
});
