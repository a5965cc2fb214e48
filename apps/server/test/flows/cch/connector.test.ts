import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pollCchHealth } from '../../../src/bridges/cch/poll.ts';
import { CCH_SCHEDULE_KEY } from '../../../src/bridges/cch/schedule.ts';
import { CCH_TEMPLATES } from '../../../src/bridges/cch/templates.ts';
import { QUEUE_NAMES } from '../../../src/jobs/queues.ts';
import { type FakeWecom, startFakeWecom } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { breakerVariables, cchBody } from '../../support/cch-template.ts';
import { startTarget, type Target } from '../../support/targets.ts';
import { customReceiver, type Receiver } from '../incidents/support.ts';

const START = new Date('2026-06-10T08:00:00.000Z');
const clock = manualClock(START);
const minutes = (n: number) => clock.advance(n * 60_000);
const TOKEN = `cch-admin-${crypto.randomUUID()}`;

type Health = {
  circuitState: 'closed' | 'open' | 'half-open';
  failureCount: number;
  lastFailureTime: number | null;
  circuitOpenUntil: number | null;
};

/** CCH's answer as the stand-in gives it next: provider id → breaker (§3.3's shape). */
let health: Record<string, Health> = {};
/** What the stand-in answers instead, when set. */
let failWith: { status: number; body: string } | null = null;
const closed = (): Health => ({
  circuitState: 'closed',
  failureCount: 0,
  lastFailureTime: null,
  circuitOpenUntil: null,
});
const open = (failedAt: Date, failureCount = 5): Health => ({
  circuitState: 'open',
  failureCount,
  lastFailureTime: failedAt.getTime(),
  circuitOpenUntil: failedAt.getTime() + 30 * 60_000,
});

let h: TestHerald;
let cch: Target;
let wecom: FakeWecom;
let rx: Receiver;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  // A stand-in for CCH's admin REST API: the health map, and the provider list for names.
  cch = await startTarget((req) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return { status: 401, body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }) };
    }
    if (failWith) return failWith;
    if (req.method === 'GET' && req.url === '/api/v1/providers/health') return { body: JSON.stringify(health) };
    if (req.method === 'GET' && req.url === '/api/v1/providers') {
      return { body: JSON.stringify({ items: [{ id: 1, name: 'Anthropic 主线', providerType: 'claude' }] }) };
    }
    return { status: 404, body: '{}' };
  });
  wecom = await startFakeWecom();
  rx = await customReceiver(h, 'ops');
  const admin = h.client(TEST_ADMIN_TOKEN);
  const wecomTarget = await admin.targets.create.mutate({
    name: 'wecom',
    providerType: 'wechat',
    webhookUrl: wecom.webhookUrl,
  });
  await admin.bindings.set.mutate({
    notificationType: 'circuit_breaker',
    bindings: [rx.target.id, wecomTarget.id].map((targetId) => ({ targetId, isEnabled: true })),
  });
  await admin.settings.update.mutate({ enabled: true, circuitBreakerEnabled: true, circuitBreakerGroupWaitSeconds: 0 });
});
afterAll(async () => {
  await h?.close();
  await cch?.close();
  await wecom?.close();
  await rx?.fake.close();
});

const admin = () => h.client(TEST_ADMIN_TOKEN);
const poll = () => pollCchHealth(h.herald.deps);
/** Every breaker notification so far, oldest first: `<providerId> <event>`. */
async function notified(): Promise<string[]> {
  const rows = await h.db
    .selectFrom('notification')
    .select('data')
    .where('type', '=', 'circuit_breaker')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => r.data as { providerId: string; event?: string })
    .map((d) => `${d.providerId} ${d.event ?? 'opened'}`);
}

describe('CCH connector settings', () => {
  it('refuses to switch on without a base URL and a token, an interval pg-boss cannot keep, an unknown field', async () => {
    const r = await h.api('cch.connector.set', { enabled: true }, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual(['baseUrl', 'token']);
    const short = await h.api('cch.connector.set', { intervalSeconds: 10 }, { token: TEST_ADMIN_TOKEN });
    expect(short.body.error.data.issues).toEqual([
      { path: 'intervalSeconds', message: 'at least 30 seconds', code: 'number.too_small', params: { min: 30 } },
    ]);
    const typo = await h.api('cch.connector.set', { baseURL: 'https://cch.example' }, { token: TEST_ADMIN_TOKEN });
    expect(typo.body.error.data.herald.code).toBe('UNKNOWN_FIELD');
    const query = await h.api(
      'cch.connector.set',
      { baseUrl: 'https://cch.example/?x=1' },
      { token: TEST_ADMIN_TOKEN },
    );
    expect(query.body.error.data.issues[0].path).toBe('baseUrl');
    // Only an admin: a hub key cannot read or change it.
    const hub = (await admin().apiKeys.create.mutate({ name: 'hub' })).key;
    expect((await h.api('cch.connector.get', undefined, { token: hub })).status).toBe(401);
  });

  it('a test polls once with what is typed, and records nothing', async () => {
    const ok = await admin().cch.connector.test.mutate({ baseUrl: cch.url, token: TOKEN });
    expect(ok).toMatchObject({ ok: true, status: 200, providers: 0, notClosed: 0, error: null });
    const wrong = await admin().cch.connector.test.mutate({ baseUrl: cch.url, token: 'not-the-token' });
    expect(wrong).toMatchObject({ ok: false, status: 401, error: 'CCH refused the token (HTTP 401)' });
    expect((await admin().cch.connector.get.query()).lastPoll).toBeNull();
  });

  it('switched on: the token is sealed and shown only as a hint, the schedule polls at the interval, audited', async () => {
    health = { '1': closed(), '2': open(new Date(START.getTime() - 20 * 60_000)) };
    const view = await admin().cch.connector.set.mutate({
      enabled: true,
      baseUrl: cch.url,
      token: TOKEN,
      intervalSeconds: 45,
    });
    expect(view).toMatchObject({
      enabled: true,
      baseUrl: cch.url,
      intervalSeconds: 45,
      token: { set: true, hint: `…${TOKEN.slice(-4)}` },
    });
    const row = await h.db.selectFrom('cch_connector').select('token').executeTakeFirstOrThrow();
    expect(row.token).toMatch(/^v1\./);
    const schedule = await h.herald.deps.boss.getSchedule(QUEUE_NAMES.cchHealth, CCH_SCHEDULE_KEY);
    expect(schedule?.cron).toBe('FREQ=SECONDLY;INTERVAL=45');
    const audit = await admin().audit.list.query({ entityType: 'cch_connector' });
    expect(audit.items[0]).toMatchObject({ action: 'cch_connector.update', actor: 'admin:token' });
  });
});

describe('CCH breakers polled', () => {
  it('the first poll records what is already open without alerting it; a breaker that failed since it began watching is news', async () => {
    minutes(1);
    health['3'] = open(clock.now(), 7);
    expect(await poll()).toMatchObject({ ran: true, ok: true, providers: 3, notClosed: 2, opened: ['3'], closed: [] });
    expect(await notified()).toEqual(['3 opened']);
    await rx.fake.waitForAccepted(1);
    // No name from CCH for provider 3: its id stands in.
    expect(rx.messages()[0]).toMatchObject({ event: 'opened', provider: 'Provider #3', failures: 7 });
  });

  it('closed → open alerts once, with the name CCH gives the provider; repeated polls say nothing more', async () => {
    minutes(1);
    health['1'] = open(clock.now());
    expect(await poll()).toMatchObject({ opened: ['1'], closed: [] });
    minutes(1);
    expect(await poll()).toMatchObject({ opened: [], closed: [] });
    minutes(1);
    expect(await poll()).toMatchObject({ opened: [], closed: [] });
    expect(await notified()).toEqual(['3 opened', '1 opened']);
    const [, second] = await rx.fake.waitForAccepted(2);
    expect(second?.json).toMatchObject({ event: 'opened', provider: 'Anthropic 主线', failures: 5 });
    await wecom.waitForAccepted(2);
    expect(wecom.accepted[1]?.json).toMatchObject({ markdown: { content: expect.stringContaining('Anthropic 主线') } });
  });

  it('open → half-open is quiet; half-open → closed sends the recovery to whoever got the alert', async () => {
    minutes(10);
    health['1'] = { ...(health['1'] as Health), circuitState: 'half-open' };
    expect(await poll()).toMatchObject({ opened: [], closed: [] });
    minutes(5);
    health['1'] = closed();
    expect(await poll()).toMatchObject({ opened: [], closed: ['1'] });
    expect(await notified()).toEqual(['3 opened', '1 opened', '1 recovered']);
    const got = await rx.fake.waitForAccepted(3);
    expect(got[2]?.json).toMatchObject({ event: 'recovered', provider: 'Anthropic 主线' });
    expect(await poll()).toMatchObject({ opened: [], closed: [] });
  });

  it('a breaker open before Herald knew closes without a recovery; one gone from CCH is forgotten', async () => {
    minutes(1);
    health['2'] = closed();
    delete health['3'];
    expect(await poll()).toMatchObject({ providers: 2, opened: [], closed: [] });
    expect(await notified()).toEqual(['3 opened', '1 opened', '1 recovered']);
    const seen = await h.db
      .selectFrom('cch_breaker_seen')
      .select(['provider_id', 'state'])
      .orderBy('provider_id')
      .execute();
    expect(seen).toEqual([
      { provider_id: '1', state: 'closed' },
      { provider_id: '2', state: 'closed' },
    ]);
  });

  it("CCH's webhook and the poll tell of the same opening: one alert, and the poll brings its recovery", async () => {
    const key = (await admin().apiKeys.create.mutate({ name: 'cch' })).key;
    minutes(1);
    const body = cchBody(
      CCH_TEMPLATES.circuit_breaker,
      breakerVariables(
        { providerName: 'Anthropic 主线', providerId: 1, failureCount: 5, retryAt: '2026-06-10T09:00:00.000Z' },
        clock.now().toISOString(),
      ),
    );
    const res = await fetch(`${h.url}/bridges/cch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-herald-key': key },
      body,
    });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('alerted');
    minutes(1);
    health['1'] = open(clock.now());
    expect(await poll()).toMatchObject({ opened: [], closed: [] });
    minutes(20);
    health['1'] = closed();
    expect(await poll()).toMatchObject({ closed: ['1'] });
    expect((await notified()).slice(3)).toEqual(['1 opened', '1 recovered']);
  });

  it("a failed poll changes nothing and says why, without CCH's echo of the token", async () => {
    failWith = { status: 502, body: `upstream said: Authorization: Bearer ${TOKEN}` };
    const r = await poll();
    failWith = null;
    expect(r).toMatchObject({ ran: true, ok: false });
    const view = await admin().cch.connector.get.query();
    expect(view.lastPoll).toMatchObject({ ok: false, error: expect.stringContaining('CCH answered HTTP 502') });
    expect(view.lastPoll?.error).not.toContain(TOKEN);
    health = { ...health, '1': { ...closed(), circuitState: 'sideways' as never } };
    expect(await poll()).toMatchObject({
      ok: false,
      error: 'provider "1": circuitState must be one of closed, open, half-open',
    });
    health['1'] = closed();
  });

  it('the scheduled job polls through the queue worker', async () => {
    const before = (await admin().cch.connector.get.query()).lastPoll?.at;
    minutes(1);
    await h.herald.deps.boss.send(QUEUE_NAMES.cchHealth, {});
    await vi.waitFor(
      async () => {
        const last = (await admin().cch.connector.get.query()).lastPoll;
        expect(last?.at).not.toBe(before);
        expect(last).toMatchObject({ ok: true, at: clock.now().toISOString(), providers: 2 });
      },
      { timeout: 15_000, interval: 100 },
    );
  });

  it('switched off: the schedule goes, polls stop, the states seen are forgotten', async () => {
    await admin().cch.connector.set.mutate({ enabled: false });
    expect(await h.herald.deps.boss.getSchedule(QUEUE_NAMES.cchHealth, CCH_SCHEDULE_KEY)).toBeNull();
    expect(await poll()).toEqual({ ran: false, reason: 'the connector is switched off' });
    expect(await h.db.selectFrom('cch_breaker_seen').selectAll().execute()).toEqual([]);
    // Kept for switching on again without typing it.
    expect((await admin().cch.connector.get.query()).token.set).toBe(true);
  });

  it('the token is in no log line, API answer or audit entry', async () => {
    expect(h.logs.raw.join('\n')).not.toContain(TOKEN);
    expect(h.responses.join('\n')).not.toContain(TOKEN);
    const audit = await h.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });
});
