import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SilenceRow } from '../../../src/db/tables/incidents.ts';
import { silenceFor } from '../../../src/services/silences.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, customReceiver, hubKey, type Receiver, settled, switchOn } from './support.ts';

const NOW = new Date('2026-04-01T08:00:00.000Z');
const clock = manualClock(NOW);
let h: TestHerald;
let key: string;
let receiver: Receiver;
const admin = { token: TEST_ADMIN_TOKEN };

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = await hubKey(h);
  receiver = await customReceiver(h, 'ops');
  await bindOnly(h, 'circuit_breaker', [receiver.target.id]);
  await switchOn(h);
  await h.client(key).hub.syncProviders.mutate({ providers: [{ id: 'p1', name: 'Anthropic Primary' }] });
  await h.client(key).hub.syncUsers.mutate({ users: [{ id: 'u1', name: 'Alice' }] });
});
afterAll(async () => {
  await h?.close();
  await receiver?.fake.close();
});

const create = (input: unknown) => h.api('silences.create', input, admin);
const list = (input?: unknown) => h.api('silences.list', input, admin);
const end = (id: string) => h.api('silences.end', { id }, admin);
const paths = (r: { body: { error: { data: { issues: Array<{ path: string }> } } } }) =>
  r.body.error.data.issues.map((i) => i.path);
const audit = () =>
  h.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'entity_id'])
    .where('entity_type', '=', 'silence')
    .orderBy('id')
    .execute();

describe('silences over the HTTP API', () => {
  let providerSilence: string;

  it('creates a silence for a provider, named, active, audited', async () => {
    const r = await create({
      matcher: { kind: 'provider', providerId: 'p1' },
      durationMinutes: 90,
      reason: 'maintenance',
    });
    expect(r.status).toBe(200);
    expect(r.body.result.data).toEqual({
      id: expect.any(String),
      matcher: { kind: 'provider', providerId: 'p1' },
      matcherName: 'Anthropic Primary',
      reason: 'maintenance',
      createdBy: expect.any(String),
      startsAt: NOW.toISOString(),
      endsAt: new Date(NOW.getTime() + 90 * 60_000).toISOString(),
      endedAt: null,
      active: true,
      heldBack: 0,
    });
    providerSilence = r.body.result.data.id;
    expect(await audit()).toEqual([
      { action: 'silence.create', actor: expect.any(String), entity_id: providerSilence },
    ]);
  });

  it('refuses bad input, naming the field', async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ matcher: { kind: 'provider', providerId: 'p1' }, durationMinutes: 0 }, ['durationMinutes']],
      [{ matcher: { kind: 'provider', providerId: 'p1' }, durationMinutes: 1.5 }, ['durationMinutes']],
      [{ matcher: { kind: 'provider', providerId: 'p1' }, durationMinutes: 50_000 }, ['durationMinutes']],
      [{ matcher: { kind: 'team', id: 'x' }, durationMinutes: 10 }, ['matcher.kind']],
      [{ matcher: { kind: 'type', notificationType: 'sms' }, durationMinutes: 10 }, ['matcher.notificationType']],
      [{ matcher: { kind: 'user' }, durationMinutes: 10 }, ['matcher.userId']],
      [{ matcher: { kind: 'type', notificationType: 'cost_alert' }, durationMinutes: 10, extra: 1 }, ['(input)']],
    ];
    for (const [input, fields] of cases) {
      const r = await create(input);
      expect([JSON.stringify(input), r.status, paths(r)]).toEqual([JSON.stringify(input), 400, fields]);
    }
    const unknown = await create({ matcher: { kind: 'user', userId: 'nobody' }, durationMinutes: 10 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('matcher.userId: Herald knows no user nobody');
    expect(unknown.body.error.data.herald).toMatchObject({ reason: 'user.not_found', params: { id: 'nobody' } });
    // Nothing refused was stored or audited.
    expect(await audit()).toHaveLength(1);
  });

  it('lists what is in force; a recovery it held back is logged as skipped and counted', async () => {
    // A minute apart, so the list's newest-first order is theirs.
    clock.advance(60_000);
    await create({ matcher: { kind: 'user', userId: 'u1' }, durationMinutes: 30 });
    clock.advance(60_000);
    await create({ matcher: { kind: 'type', notificationType: 'daily_leaderboard' }, durationMinutes: 5 });
    clock.advance(60_000);

    // Alerted before a silence for p2 existed; its recovery comes while one does.
    await h.client(key).hub.reportCircuitBreaker.mutate({
      providerId: 'p2',
      providerName: 'Backup',
      failureCount: 3,
      retryAt: '2026-04-01T09:00:00.000Z',
    });
    await receiver.fake.waitForAccepted(1);
    const silence = (await create({ matcher: { kind: 'provider', providerId: 'p2' }, durationMinutes: 60 })).body.result
      .data;
    const closed = await h.client(key).hub.reportCircuitBreaker.mutate({ state: 'closed', providerId: 'p2' });
    // Stored and logged as skipped, but nobody is told: the hub hears so.
    expect(closed).toEqual({ ok: true, outcome: 'suppressed', reason: 'silenced', notificationId: expect.any(String) });
    const [held] = await settled(h, closed.notificationId as string);
    expect(held).toMatchObject({ status: 'skipped', silence_id: silence.id });
    expect(held?.error).toContain('silenced');

    clock.advance(5 * 60_000); // the 5-minute one has run out
    const r = await list();
    expect(r.status).toBe(200);
    expect(
      r.body.result.data.map((s: { matcher: unknown; matcherName: string | null; heldBack: number }) => [
        s.matcher,
        s.matcherName,
        s.heldBack,
      ]),
    ).toEqual([
      [{ kind: 'provider', providerId: 'p2' }, 'Backup', 1],
      [{ kind: 'user', userId: 'u1' }, 'Alice', 0],
      [{ kind: 'provider', providerId: 'p1' }, 'Anthropic Primary', 0],
    ]);
    const all = (await list({ includeEnded: true })).body.result.data;
    expect(all.map((s: { matcher: { kind: string }; active: boolean }) => `${s.matcher.kind} ${s.active}`)).toEqual([
      'provider true',
      'type false',
      'user true',
      'provider true',
    ]);
    expect(receiver.fake.accepted).toHaveLength(1);
  });

  it('ends a silence early, once; an unknown id is not found', async () => {
    const r = await end(providerSilence);
    expect(r.status).toBe(200);
    expect(r.body.result.data).toMatchObject({
      id: providerSilence,
      active: false,
      endedAt: clock.now().toISOString(),
    });
    expect((await list()).body.result.data.map((s: { id: string }) => s.id)).not.toContain(providerSilence);

    const again = await end(providerSilence);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `id: silence ${providerSilence} was already ended at ${clock.now().toISOString()}`,
    );
    expect(again.body.error.data.herald).toEqual({
      code: 'CONFLICT',
      retryable: false,
      reason: 'silence.already_ended',
      params: { id: providerSilence, at: clock.now().toISOString() },
    });

    const missing = await end('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('id: no silence 00000000-0000-4000-8000-000000000000');
    expect(missing.body.error.data.herald).toMatchObject({
      reason: 'silence.not_found',
      params: { id: '00000000-0000-4000-8000-000000000000' },
    });
    const bad = await end('not-a-uuid');
    expect([bad.status, paths(bad)]).toEqual([400, ['id']]);

    const rows = await audit();
    expect(rows.map((a) => a.action)).toEqual([
      'silence.create',
      'silence.create',
      'silence.create',
      'silence.create',
      'silence.end',
    ]);
    expect(rows.at(-1)?.entity_id).toBe(providerSilence);
  });

  it('is for admins only', async () => {
    expect((await h.api('silences.list', undefined)).status).toBe(401);
    expect((await h.api('silences.list', undefined, { token: key })).status).toBe(401);
  });
});

describe('silenceFor', () => {
  const row = (kind: SilenceRow['matcher_kind'], value: string, endsInMinutes = 60): SilenceRow => ({
    id: `${kind}-${value}-${endsInMinutes}`,
    matcher_kind: kind,
    matcher_value: value,
    reason: '',
    created_by: null,
    starts_at: NOW,
    ends_at: new Date(NOW.getTime() + endsInMinutes * 60_000),
    ended_at: null,
    created_at: NOW,
  });
  const breaker = { providerId: 'p1', providerName: 'P', failureCount: 5, retryAt: NOW.toISOString() };
  const cost = (targetType: 'user' | 'provider', targetId: string) => ({
    targetType,
    targetId,
    targetName: 'X',
    currentCost: 9,
    quotaLimit: 10,
    threshold: 0.8,
    period: 'weekly',
  });

  it('matches a provider in breaker alerts and provider cost alerts, a user in user cost alerts', () => {
    const p1 = row('provider', 'p1');
    const u1 = row('user', 'u1');
    expect(silenceFor([p1, u1], 'circuit_breaker', breaker)).toBe(p1);
    expect(silenceFor([p1, u1], 'cost_alert', cost('provider', 'p1'))).toBe(p1);
    expect(silenceFor([p1, u1], 'cost_alert', cost('user', 'u1'))).toBe(u1);
    // Same id, other kind: a user p1 is not the provider p1.
    expect(silenceFor([p1, u1], 'cost_alert', cost('user', 'p1'))).toBeNull();
    expect(silenceFor([u1], 'circuit_breaker', { ...breaker, providerId: 'u1' })).toBeNull();
    expect(silenceFor([p1, u1], 'daily_leaderboard', { date: '2026-04-01', entries: [] })).toBeNull();
  });

  it('matches a type, and of several picks the one that lasts longest', () => {
    const short = row('provider', 'p1', 10);
    const long = row('type', 'circuit_breaker', 120);
    expect(silenceFor([short, long], 'circuit_breaker', breaker)).toBe(long);
    expect(silenceFor([short, long], 'cost_alert', cost('provider', 'p9'))).toBeNull();
    expect(silenceFor([], 'circuit_breaker', breaker)).toBeNull();
  });
});
