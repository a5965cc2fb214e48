import type { NotificationType } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CCH_BODY_LIMIT } from '../../../src/bridges/cch/route.ts';
import { CCH_TEMPLATES } from '../../../src/bridges/cch/templates.ts';
import { type FakeCustom, type FakeWecom, startFakeCustom, startFakeWecom } from '../../fake-platforms/index.ts';
import { type ApiResponse, manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import {
  breakerVariables,
  type CchVariables,
  cacheVariables,
  cchBody,
  costVariables,
  leaderboardVariables,
} from '../../support/cch-template.ts';

// Wednesday 2026-06-10 08:00 UTC; the settings' zone is UTC, so the month began 2026-06-01.
const NOW = new Date('2026-06-10T08:00:00.000Z');
const AT = NOW.toISOString();
const clock = manualClock(NOW);

/** What the custom receiver is told: the notification's own data, as Herald's template variables give it. */
const DATA_TEMPLATE = {
  type: '{{notification_type}}',
  title: '{{title}}',
  provider: '{{provider_name}}',
  providerId: '{{provider_id}}',
  endpointId: '{{endpoint_id}}',
  failures: '{{json:failure_count}}',
  targetName: '{{target_name}}',
  period: '{{period}}',
  level: '{{json:threshold}}',
  cost: '{{json:current_cost}}',
  date: '{{date}}',
  entries: '{{json:entries_json}}',
  totalCost: '{{json:total_cost}}',
  anomalies: '{{json:anomalies_json}}',
};
type Received = Record<string, unknown>;

const TYPES: NotificationType[] = ['circuit_breaker', 'cost_alert', 'daily_leaderboard', 'cache_hit_rate'];

let h: TestHerald;
let key: string;
let wecom: FakeWecom;
let custom: FakeCustom;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  wecom = await startFakeWecom();
  custom = await startFakeCustom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  const targets = [
    await admin.targets.create.mutate({ name: 'WeCom ops', providerType: 'wechat', webhookUrl: wecom.webhookUrl }),
    await admin.targets.create.mutate({
      name: 'Data',
      providerType: 'custom',
      webhookUrl: custom.webhookUrl,
      customTemplate: DATA_TEMPLATE,
    }),
  ];
  for (const notificationType of TYPES) {
    await admin.bindings.set.mutate({
      notificationType,
      bindings: targets.map((t) => ({ targetId: t.id, isEnabled: true })),
    });
  }
  await admin.settings.update.mutate({
    enabled: true,
    timezone: 'UTC',
    circuitBreakerEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
    costAlertEnabled: true,
    dailyLeaderboardEnabled: true,
    cacheHitRateEnabled: true,
  });
  key = (await admin.apiKeys.create.mutate({ name: 'claude code hub' })).key;
});
afterAll(async () => {
  await h?.close();
  await wecom?.close();
  await custom?.close();
});

/**
 * POSTs as CCH's custom target does: JSON, the headers the admin configured. A minute passes
 * before each, so WeCom's pace (20 a minute) never holds a message back on the frozen clock.
 */
async function post(body: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) {
  clock.advance(60_000);
  const res = await fetch(`${h.url}/bridges/cch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as ApiResponse['body'] };
}

const wecomText = (i: number) =>
  (wecom.accepted[i]?.json as { markdown: { content: string } } | undefined)?.markdown.content ?? '';
const received = (i: number) => (custom.accepted[i]?.json ?? {}) as Received;

/** Both fakes have the next message; answers its WeCom text and custom data. */
async function nextMessage(): Promise<{ text: string; data: Received }> {
  const n = wecom.accepted.length;
  await wecom.waitForAccepted(n + 1);
  await custom.waitForAccepted(n + 1);
  return { text: wecomText(n), data: received(n) };
}

const breaker = (over: Partial<Parameters<typeof breakerVariables>[0]> = {}): CchVariables =>
  breakerVariables(
    {
      providerName: 'Anthropic 主线',
      providerId: 7,
      failureCount: 5,
      retryAt: '2026-06-10T08:30:00.000Z',
      lastError: 'HTTP 529: overloaded',
      ...over,
    },
    AT,
  );

describe('POST /bridges/cch, as CCH sends it', () => {
  it('a provider breaker trip is alerted at every bound target, then deduplicated like a hub report', async () => {
    const body = cchBody(CCH_TEMPLATES.circuit_breaker, breaker());
    // Every value a string, as CCH's engine leaves them.
    expect(JSON.parse(body)).toMatchObject({ providerId: '7', failureCount: '5', endpointId: '' });

    const first = await post(body);
    expect(first).toEqual({
      status: 200,
      body: expect.objectContaining({ ok: true, type: 'circuit_breaker', outcome: 'alerted' }),
    });
    const { text, data } = await nextMessage();
    expect(text).toContain('供应商熔断告警');
    expect(text).toContain('Anthropic 主线');
    expect(text).toContain('HTTP 529: overloaded');
    expect(data).toMatchObject({ type: 'circuit_breaker', provider: 'Anthropic 主线', providerId: '7', failures: 5 });

    // CCH's own 5-minute dedup lives in Redis; a resend within 5 minutes is Herald's to drop.
    const again = await post(body);
    expect(again.body).toMatchObject({ outcome: 'suppressed', notificationId: null });
  });

  it("an endpoint incident is the endpoint's own, keyed by CCH's vendor id", async () => {
    const body = cchBody(
      CCH_TEMPLATES.circuit_breaker,
      breaker({ providerName: 'relay-hk', providerId: 3, endpoint: { id: 42, url: 'https://hk.example.com/v1' } }),
    );
    expect((await post(body)).body).toMatchObject({ outcome: 'alerted' });
    const { text, data } = await nextMessage();
    expect(text).toContain('端点熔断告警');
    expect(text).toContain('https://hk.example.com/v1');
    expect(data).toMatchObject({ providerId: 'vendor:3', endpointId: '42' });
  });

  it('a cost alert goes out once per period and level, though CCH repeats it every check', async () => {
    const over = (currentCost: number) =>
      cchBody(
        CCH_TEMPLATES.cost_alert,
        costVariables(
          { targetType: 'user', targetName: 'key-alice', currentCost, quotaLimit: 100, period: 'monthly' },
          AT,
        ),
      );
    expect((await post(over(85))).body).toMatchObject({ type: 'cost_alert', outcome: 'alerted' });
    const first = await nextMessage();
    expect(first.text).toContain('成本预警提醒');
    expect(first.text).toContain('key-alice');
    expect(first.data).toMatchObject({ targetName: 'key-alice', period: 'monthly', level: 0.8, cost: 85 });

    // The next hourly check, still over: CCH sends it again, Herald does not.
    clock.advance(3_600_000);
    expect((await post(over(86))).body).toMatchObject({ outcome: 'suppressed', notificationId: null });
    // Past 90 %: the next level.
    expect((await post(over(92.5))).body).toMatchObject({ outcome: 'alerted' });
    expect((await nextMessage()).data).toMatchObject({ level: 0.9, cost: 92.5 });
  });

  it('a leaderboard arrives with entries_json double-encoded, and reaches the targets as CCH computed it', async () => {
    const entries = [
      { userId: 1, userName: '用户A', totalRequests: 150, totalCost: 12.5, totalTokens: 50_000 },
      { userId: 2, userName: '用户B', totalRequests: 120, totalCost: 10.2, totalTokens: 40_000 },
    ];
    const body = cchBody(
      CCH_TEMPLATES.daily_leaderboard,
      leaderboardVariables({ date: '2026-06-10', entries, totalRequests: 270, totalCost: 22.700000000000003 }, AT),
    );
    expect(typeof JSON.parse(body).entries).toBe('string');
    expect((await post(body)).body).toMatchObject({ type: 'daily_leaderboard', outcome: 'alerted' });
    const { text, data } = await nextMessage();
    expect(text).toContain('过去24小时用户消费排行榜');
    expect(text).toContain('用户A');
    expect(text).toContain('用户B');
    expect(data).toMatchObject({ date: '2026-06-10', totalCost: 22.700000000000003 });
    expect(data.entries).toEqual([
      { userId: '1', userName: '用户A', totalRequests: 150, totalCost: 12.5, totalTokens: 50_000 },
      { userId: '2', userName: '用户B', totalRequests: 120, totalCost: 10.2, totalTokens: 40_000 },
    ]);
    // CCH's sender resends the same bytes when it saw no answer: one message.
    expect((await post(body)).body).toMatchObject({ outcome: 'suppressed' });
  });

  it('a cache-hit-rate alert carries its anomalies, CCH numeric provider ids as text', async () => {
    const anomaly = {
      providerId: 5,
      providerName: 'Claude 官方',
      providerType: 'claude',
      model: 'claude-sonnet-4',
      baselineSource: 'historical',
      current: { kind: 'eligible', requests: 100, denominatorTokens: 10_000, hitRateTokens: 0.1 },
      baseline: { kind: 'eligible', requests: 400, denominatorTokens: 40_000, hitRateTokens: 0.5 },
      deltaAbs: -0.4,
      deltaRel: -0.8,
      dropAbs: 0.4,
      reasonCodes: ['use_eligible', 'baseline_eligible', 'baseline_historical', 'drop_abs_rel'],
    };
    const body = cchBody(
      CCH_TEMPLATES.cache_hit_rate_alert,
      cacheVariables(
        {
          windowMode: '1h',
          windowStart: '2026-06-10T07:00:00.000Z',
          windowEnd: '2026-06-10T08:00:00.000Z',
          anomalies: [anomaly],
          suppressedCount: 0,
          absMin: 0.05,
          dropRel: 0.3,
          dropAbs: 0.1,
          minRequests: 20,
          minTokens: 0,
          cooldownMinutes: 30,
          topN: 10,
          generatedAt: '2026-06-10T08:00:01.000Z',
        },
        AT,
      ),
    );
    expect((await post(body)).body).toMatchObject({ type: 'cache_hit_rate_alert', outcome: 'alerted' });
    const { text, data } = await nextMessage();
    expect(text).toContain('缓存命中率异常告警');
    expect(text).toContain('Claude 官方 / claude-sonnet-4');
    expect(data.anomalies).toEqual([expect.objectContaining({ providerId: '5', model: 'claude-sonnet-4' })]);
    const stored = await h.db
      .selectFrom('notification')
      .select('data')
      .where('type', '=', 'cache_hit_rate')
      .executeTakeFirstOrThrow();
    expect(stored.data).toMatchObject({ windowMinutes: 60, minEligibleRequests: 20, minEligibleTokens: 0 });
  });

  it('every bridged notification is in the delivery log, delivered to both targets', async () => {
    // The platforms have them all; each row is settled just after its answer.
    const rows = await vi.waitFor(async () => {
      const all = await h.db.selectFrom('delivery').select(['notification_type', 'status', 'target_name']).execute();
      expect(all.filter((r) => r.status !== 'delivered')).toEqual([]);
      return all;
    });
    const perType = new Map<string, Set<string | null>>();
    for (const r of rows)
      perType.set(r.notification_type, (perType.get(r.notification_type) ?? new Set()).add(r.target_name));
    expect([...perType.keys()].sort()).toEqual([
      'cache_hit_rate',
      'circuit_breaker',
      'cost_alert',
      'daily_leaderboard',
    ]);
    for (const names of perType.values()) expect(names).toEqual(new Set(['WeCom ops', 'Data']));
  });
});

describe('POST /bridges/cch refusals', () => {
  const valid = () => cchBody(CCH_TEMPLATES.circuit_breaker, breaker({ providerId: 8 }));

  it('takes the key in X-Herald-Key as well, and refuses anything but a hub key', async () => {
    expect((await post(valid(), { 'x-herald-key': key })).status).toBe(200);
    const wrong: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      { 'x-herald-key': 'hrld_nope' },
    ];
    for (const headers of wrong) {
      const r = await post(valid(), headers);
      expect(r.status).toBe(401);
      expect(r.body.error.data).toMatchObject({
        code: 'UNAUTHORIZED',
        httpStatus: 401,
        herald: { code: 'UNAUTHENTICATED', retryable: false },
      });
    }
  });

  it('refuses a body that is not JSON in the documented shape', async () => {
    const noType = await fetch(`${h.url}/bridges/cch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: valid(),
    });
    expect(noType.status).toBe(415);
    expect(((await noType.json()) as ApiResponse['body']).error.data.herald.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await post('{"type": "circuit_breaker",');
    expect(broken.status).toBe(400);
    expect(broken.body.error.data.herald.code).toBe('INVALID_INPUT');
    const huge = await post(JSON.stringify({ ...JSON.parse(valid()), lastError: 'x'.repeat(CCH_BODY_LIMIT) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.data.herald).toEqual({ code: 'PAYLOAD_TOO_LARGE', retryable: false });
  });

  it('names each field CCH filled with something that is not a number or a time', async () => {
    const body = JSON.parse(valid());
    const r = await post(JSON.stringify({ ...body, failureCount: '5 次', retryAt: '2026/06/10 16:30:00' }));
    expect(r.status).toBe(400);
    expect(r.body.error.data.herald).toMatchObject({ code: 'INVALID_INPUT', retryable: false });
    expect(r.body.error.data.herald.issues).toEqual([
      { path: 'failureCount', message: 'must be a whole number written as digits (e.g. "5"), got "5 次"' },
      { path: 'retryAt', message: expect.stringContaining('ISO 8601') },
    ]);
    const cost = JSON.parse(
      cchBody(
        CCH_TEMPLATES.cost_alert,
        costVariables({ targetType: 'user', targetName: 'k', currentCost: 1, quotaLimit: 2, period: '5h' }, AT),
      ),
    );
    const bad = await post(JSON.stringify({ ...cost, currentCost: '1,5', quotaLimit: '' }));
    expect(bad.body.error.data.issues).toEqual([
      { path: 'currentCost', message: 'must be a number written as digits (e.g. "12.5"), got "1,5"' },
      { path: 'quotaLimit', message: 'is empty: CCH filled in no value' },
    ]);
  });

  it("says which template a binding needs when it got another type's", async () => {
    // The leaderboard binding left on the target's circuit-breaker template.
    const lb = leaderboardVariables({ date: '2026-06-10', entries: [], totalRequests: 0, totalCost: 0 }, AT);
    const r = await post(cchBody(CCH_TEMPLATES.circuit_breaker, lb));
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues).toEqual([
      {
        path: 'type',
        message: expect.stringContaining(
          'a daily_leaderboard: give the daily_leaderboard binding the daily_leaderboard template',
        ),
      },
    ]);
    // Without a title to tell: each unfilled placeholder is named.
    const { title: _, ...untitled } = CCH_TEMPLATES.circuit_breaker;
    const u = await post(cchBody(untitled, lb));
    expect(u.body.error.data.issues.map((i: { path: string }) => i.path)).toEqual([
      'incidentSource',
      'providerId',
      'providerName',
      'failureCount',
      'retryAt',
      'lastError',
      'endpointId',
      'endpointUrl',
    ]);
    expect(u.body.error.data.issues[1].message).toContain('still holds {{provider_id}}');
  });

  it('refuses a field the template does not have, with the one probably meant', async () => {
    const r = await post(JSON.stringify({ ...JSON.parse(valid()), failureCnt: '5' }));
    expect(r.status).toBe(400);
    expect(r.body.error.data.herald).toMatchObject({
      code: 'UNKNOWN_FIELD',
      issues: [{ path: 'failureCnt', message: expect.stringContaining('did you mean `failureCount`') }],
    });
    const typeless = await post(JSON.stringify({ title: 'x' }));
    expect(typeless.body.error.data.issues[0].path).toBe('type');
  });

  it('answers disabled when Herald has the type switched off', async () => {
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ dailyLeaderboardEnabled: false });
    const lb = leaderboardVariables(
      {
        date: '2026-06-09',
        entries: [{ userId: 9, userName: 'Z', totalRequests: 1, totalCost: 1, totalTokens: 1 }],
        totalRequests: 1,
        totalCost: 1,
      },
      AT,
    );
    const r = await post(cchBody(CCH_TEMPLATES.daily_leaderboard, lb));
    expect(r.body).toMatchObject({ outcome: 'disabled', notificationId: null });
    // Nothing was claimed: switched on again, the same leaderboard goes out.
    await h.client(TEST_ADMIN_TOKEN).settings.update.mutate({ dailyLeaderboardEnabled: true });
    expect((await post(cchBody(CCH_TEMPLATES.daily_leaderboard, lb))).body).toMatchObject({ outcome: 'alerted' });
  });
});
