/**
 * What `hub.reportCircuitBreaker` and `hub.reportProviderBalance` answer: a hub must be able to
 * tell a message on its way (alerted, recovered, flapping) from a report that told nobody
 * (suppressed, with the reason).
 */
import { CircuitBreakerReportResult, ProviderBalanceReportResult } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, closeAll, customReceiver, hubKey, type Receiver, settled, switchOn } from '../incidents/support.ts';

const clock = manualClock(new Date('2026-03-02T08:00:00.000Z'));
let h: TestHerald;
let key: string;
let rx: Receiver;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = await hubKey(h);
  rx = await customReceiver(h, 'ops');
  await switchOn(h);
});
afterAll(async () => {
  await h?.close();
  await closeAll(rx?.fake);
});

const open = async (providerId: string) => {
  const answer = await h.client(key).hub.reportCircuitBreaker.mutate({
    providerId,
    providerName: `Provider ${providerId}`,
    failureCount: 5,
    retryAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString(),
  });
  // The declared output schema is what the hub really gets.
  expect(CircuitBreakerReportResult.parse(answer)).toEqual(answer);
  return answer;
};
const close = (providerId: string) => h.client(key).hub.reportCircuitBreaker.mutate({ state: 'closed', providerId });
const suppressed = (reason: string, notificationId: unknown = null) => ({
  ok: true,
  outcome: 'suppressed',
  reason,
  notificationId,
});

describe('hub.reportCircuitBreaker answers', () => {
  it('nothing bound: suppressed (no_recipients), nothing stored, and its close is ignored', async () => {
    await bindOnly(h, 'circuit_breaker', []);
    expect(await open('lonely')).toEqual(suppressed('no_recipients'));
    expect(await h.db.selectFrom('notification').select('id').execute()).toEqual([]);
    expect(await close('lonely')).toEqual({
      ok: true,
      outcome: 'ignored',
      reason: 'opening_not_alerted',
      notificationId: null,
    });
  });

  it('alerted reaches the platform; a repeat within 5 minutes is suppressed (cooldown)', async () => {
    await bindOnly(h, 'circuit_breaker', [rx.target.id]);
    const alerted = await open('p1');
    expect(alerted).toEqual({ ok: true, outcome: 'alerted', notificationId: expect.any(String) });
    expect((await settled(h, alerted.notificationId as string)).map((d) => d.status)).toEqual(['delivered']);
    clock.advance(60_000);
    expect(await open('p1')).toEqual(suppressed('cooldown'));
    clock.advance(20 * 60_000);
    expect(await close('p1')).toEqual({ ok: true, outcome: 'recovered', notificationId: expect.any(String) });
    await rx.fake.waitForAccepted(2);
    expect(rx.messages().map((m) => `${m.provider} ${m.event}`)).toEqual([
      'Provider p1 opened',
      'Provider p1 recovered',
    ]);
  });

  it('a silenced provider: suppressed (silenced), stored and logged as skipped, nothing sent', async () => {
    await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'p2', name: 'Provider p2' }] });
    await h.client(TEST_ADMIN_TOKEN).silences.create.mutate({
      matcher: { kind: 'provider', providerId: 'p2' },
      durationMinutes: 60,
    });
    const before = rx.fake.accepted.length;
    const answer = await open('p2');
    expect(answer).toEqual(suppressed('silenced', expect.any(String)));
    const [held] = await settled(h, answer.notificationId as string);
    expect(held).toMatchObject({ status: 'skipped', target_id: rx.target.id });
    // The next alert that does go out shows nothing slipped through meanwhile.
    const other = await open('p3');
    expect(other.outcome).toBe('alerted');
    await rx.fake.waitForAccepted(before + 1);
    expect(
      rx
        .messages()
        .slice(before)
        .map((m) => m.provider),
    ).toEqual(['Provider p3']);
  });

  it('flapping: the one flapping message, then quiet (suppressed, flapping)', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      outcomes.push((await open('flappy')).outcome);
      clock.advance(60_000);
      const closed = await close('flappy');
      outcomes.push(closed.reason ? `${closed.outcome}:${closed.reason}` : closed.outcome);
    }
    expect(outcomes).toEqual([...Array(3).fill(['alerted', 'recovered']).flat(), 'flapping', 'suppressed:flapping']);
    clock.advance(60_000);
    expect(await open('flappy')).toEqual(suppressed('flapping'));
  });

  it('switched off: disabled', async () => {
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ circuitBreakerEnabled: false });
    expect(await open('p4')).toEqual({ ok: true, outcome: 'disabled', notificationId: null });
    await switchOn(h);
  });
});

describe('hub.reportProviderBalance answers', () => {
  beforeAll(() => h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ providerBalanceEnabled: true }));
  const balance = async (providerId: string, value: number) => {
    const answer = await h.client(key).hub.reportProviderBalance.mutate({
      providerId,
      balance: value,
      lowBalanceThreshold: 100,
    });
    expect(ProviderBalanceReportResult.parse(answer)).toEqual(answer);
    return answer;
  };

  it('nothing bound: suppressed (no_recipients), and so is the top-up', async () => {
    await bindOnly(h, 'provider_balance', []);
    expect(await balance('b1', 60)).toEqual({
      ok: true,
      outcome: 'suppressed',
      reason: 'no_recipients',
      level: 'low',
      notificationId: null,
    });
    expect(await balance('b1', 500)).toEqual(suppressed('no_recipients'));
  });

  it('bound: alerted, then recovered, each reaching the platform', async () => {
    await bindOnly(h, 'provider_balance', [rx.target.id]);
    const before = rx.fake.accepted.length;
    expect(await balance('b2', 60)).toEqual({
      ok: true,
      outcome: 'alerted',
      level: 'low',
      notificationId: expect.any(String),
    });
    expect(await balance('b2', 500)).toEqual({ ok: true, outcome: 'recovered', notificationId: expect.any(String) });
    await rx.fake.waitForAccepted(before + 2);
  });
});
