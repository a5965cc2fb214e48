import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FakeCustom, type FakeWecom, startFakeCustom, startFakeWecom } from '../../fake-platforms/index.ts';
import { manualClock, startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { scaledClock } from '../../support/scaled-clock.ts';
import { bindOnly, closeAll, hubKey, settled, switchOn } from './support.ts';

/** What the custom receiver is sent: whose breaker, and what happened to it. */
const TEMPLATE = {
  event: '{{event}}',
  title: '{{title}}',
  provider: '{{provider_name}}',
  source: '{{incident_source}}',
  endpointId: '{{endpoint_id}}',
  endpointUrl: '{{endpoint_url}}',
  recoveredAfterSeconds: '{{json:recovered_after_seconds}}',
  failuresWhileOpen: '{{json:failures_while_open}}',
  flapCount: '{{json:flap_count}}',
};
type Sent = {
  event: string;
  title: string;
  provider: string;
  source: string;
  endpointId: string;
  endpointUrl: string;
  recoveredAfterSeconds: number | null;
  failuresWhileOpen: number | null;
  flapCount: number | null;
};

// Thursday 2026-01-15 14:00 in Asia/Shanghai.
const START = new Date('2026-01-15T06:00:00.000Z');
const clock = manualClock(START);
const later = (minutes: number) => clock.advance(minutes * 60_000);
let h: TestHerald;
let key: string;
let custom: FakeCustom;
let wecom: FakeWecom;
let customId: string;
let wecomId: string;

beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock });
  key = await hubKey(h);
  custom = await startFakeCustom();
  wecom = await startFakeWecom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  customId = (
    await admin.targets.create.mutate({
      name: 'hook',
      providerType: 'custom',
      webhookUrl: custom.webhookUrl,
      customTemplate: TEMPLATE,
    })
  ).id;
  wecomId = (
    await admin.targets.create.mutate({ name: 'ops wecom', providerType: 'wechat', webhookUrl: wecom.webhookUrl })
  ).id;
  // WeCom is bound only where a test reads its text, its sends a minute apart (its pace is 20 a minute).
  await bindOnly(h, 'circuit_breaker', [customId]);
  await switchOn(h, { timezone: 'Asia/Shanghai' });
});
afterAll(async () => {
  await h?.close();
  await closeAll(custom, wecom);
});

const retryAt = () => new Date(clock.now().getTime() + 5 * 60_000).toISOString();
const openProvider = (providerId: string) =>
  h.client(key).hub.reportCircuitBreaker.mutate({
    providerId,
    providerName: `Provider ${providerId}`,
    failureCount: 5,
    retryAt: retryAt(),
    lastError: 'upstream 529',
  });
const openEndpoint = (providerId: string, endpointId: string | number, endpointUrl?: string) =>
  h.client(key).hub.reportCircuitBreaker.mutate({
    providerId,
    providerName: `Provider ${providerId}`,
    failureCount: 3,
    retryAt: retryAt(),
    lastError: 'connect ETIMEDOUT',
    incidentSource: 'endpoint',
    endpointId: endpointId as string,
    ...(endpointUrl ? { endpointUrl } : {}),
  });
const closeEndpoint = (providerId: string, endpointId: string) =>
  h.client(key).hub.reportCircuitBreaker.mutate({
    state: 'closed',
    providerId,
    incidentSource: 'endpoint',
    endpointId,
  });
const closeProvider = (providerId: string) =>
  h.client(key).hub.reportCircuitBreaker.mutate({ state: 'closed', providerId });

/** What reached the custom receiver about this provider since `from`. */
const sentAbout = (providerId: string, from = 0) =>
  custom.accepted
    .slice(from)
    .map((r) => r.json as Sent)
    .filter((m) => m.provider === `Provider ${providerId}`);
const wecomContent = () =>
  wecom.accepted.map((r) => (r.json as { markdown?: { content: string } }).markdown?.content ?? '');
const suppressed = { ok: true, outcome: 'suppressed', reason: 'cooldown', notificationId: null };

/**
 * Waits for the next message at both receivers. WeCom's pace is 20 a minute on Herald's
 * (manual) clock: each send is awaited before the clock moves on, so none waits for a slot.
 */
function bothReceive(customFrom: number, wecomFrom: number) {
  let n = 0;
  return async () => {
    n++;
    await custom.waitForAccepted(customFrom + n);
    await wecom.waitForAccepted(wecomFrom + n);
  };
}

describe('endpoint breaker alerts', () => {
  it('an endpoint trip and a provider trip of the same provider both alert within five minutes, in either order', async () => {
    await bindOnly(h, 'circuit_breaker', [customId, wecomId]);
    const before = custom.accepted.length;
    const wecomBefore = wecom.accepted.length;
    const alerted = { ok: true, outcome: 'alerted', notificationId: expect.any(String) };
    const delivered = bothReceive(before, wecomBefore);
    expect(await openProvider('p1')).toEqual(alerted);
    await delivered();
    later(1);
    expect(await openEndpoint('p1', 42, 'https://api.p1.example/v1')).toEqual(alerted);
    await delivered();
    // The other way round: the endpoint first, its provider a minute later.
    later(1);
    expect(await openEndpoint('p2', 'east-1')).toEqual(alerted);
    await delivered();
    later(1);
    expect(await openProvider('p2')).toEqual(alerted);
    await delivered();

    expect(sentAbout('p1', before)).toEqual([
      expect.objectContaining({ title: '供应商熔断告警', source: 'provider', endpointId: '', endpointUrl: '' }),
      expect.objectContaining({
        title: '端点熔断告警',
        source: 'endpoint',
        endpointId: '42',
        endpointUrl: 'https://api.p1.example/v1',
      }),
    ]);
    expect(sentAbout('p2', before).map((m) => [m.title, m.endpointId])).toEqual([
      ['端点熔断告警', 'east-1'],
      ['供应商熔断告警', ''],
    ]);

    // The platform's own message: the endpoint's title, quote and fields in Chinese.
    const [providerText, endpointText] = wecomContent().slice(wecomBefore);
    expect(providerText).toContain('供应商 Provider p1 (ID: p1) 已触发熔断保护');
    expect(providerText).not.toContain('端点');
    expect(endpointText).toContain('端点熔断告警');
    expect(endpointText).toContain('供应商 Provider p1 的端点 (ID: 42) 已触发熔断保护');
    expect(endpointText).toContain('端点ID');
    expect(endpointText).toContain('https://api.p1.example/v1');
    expect(endpointText).toContain('connect ETIMEDOUT');
    await bindOnly(h, 'circuit_breaker', [customId]);
  });

  it('the delivery log names the endpoint: "Provider · endpoint <id>"', async () => {
    const before = custom.accepted.length;
    const { notificationId } = await openEndpoint('p3', 7);
    await custom.waitForAccepted(before + 1);
    const page = await h.client(TEST_ADMIN_TOKEN).deliveries.list.query({ notificationType: 'circuit_breaker' });
    const mine = page.items.filter((d) => d.notificationId === notificationId);
    expect(mine.map((d) => d.subject)).toEqual(['Provider p3 · endpoint 7']);
    // The provider's own alerts keep their subject.
    expect(page.items.filter((d) => d.subject === 'Provider p1').map((d) => d.targetName)).toEqual(
      expect.arrayContaining(['hook', 'ops wecom']),
    );
  });

  it('two endpoints of one provider both alert; a repeat of one within 5 minutes is suppressed, 5 minutes on it alerts again', async () => {
    const before = custom.accepted.length;
    expect((await openEndpoint('p4', 1)).outcome).toBe('alerted');
    expect((await openEndpoint('p4', 2)).outcome).toBe('alerted');
    later(2);
    expect(await openEndpoint('p4', 1)).toEqual(suppressed);
    // The provider's own breaker is another incident: not held back by its endpoints.
    expect((await openProvider('p4')).outcome).toBe('alerted');
    expect(await openProvider('p4')).toEqual(suppressed);
    later(3);
    // Five minutes since endpoint 1 was alerted: still open, so alerted again.
    expect((await openEndpoint('p4', 1)).outcome).toBe('alerted');
    expect(await openEndpoint('p4', 2)).toEqual({ ok: true, outcome: 'alerted', notificationId: expect.any(String) });
    expect(await openEndpoint('p4', 2)).toEqual(suppressed);

    // Sent concurrently, so in any order: both endpoints twice, the provider once.
    await vi.waitFor(() => expect(sentAbout('p4', before)).toHaveLength(5));
    expect(
      sentAbout('p4', before)
        .map((m) => `${m.source}:${m.endpointId}`)
        .sort(),
    ).toEqual(['endpoint:1', 'endpoint:1', 'endpoint:2', 'endpoint:2', 'provider:']);
    const suppressedLogs = h.logs.lines.filter(
      (l) => l.action === 'circuit_breaker_alert_suppressed' && l.providerId === 'p4',
    );
    expect(suppressedLogs.map((l) => l.endpointId ?? 'provider')).toEqual(['1', 'provider', '2']);
  });

  it('an endpoint recovers on its own: one recovery with the endpoint wording; the provider stays open', async () => {
    await bindOnly(h, 'circuit_breaker', [customId, wecomId]);
    const before = custom.accepted.length;
    const wecomBefore = wecom.accepted.length;
    const delivered = bothReceive(before, wecomBefore);
    expect((await openProvider('p5')).outcome).toBe('alerted');
    await delivered();
    later(1);
    expect((await openEndpoint('p5', 'e-9', 'https://e9.p5.example')).outcome).toBe('alerted');
    await delivered();
    // Only the alerted targets get the recovery, whatever the bindings say by then.
    await bindOnly(h, 'circuit_breaker', [customId]);
    later(12);
    const closed = await closeEndpoint('p5', 'e-9');
    expect(closed).toEqual({ ok: true, outcome: 'recovered', notificationId: expect.any(String) });
    await delivered();
    // Told once; an endpoint Herald never saw open is ignored.
    expect((await closeEndpoint('p5', 'e-9')).outcome).toBe('ignored');
    expect((await closeEndpoint('p5', 'e-10')).outcome).toBe('ignored');

    const deliveries = await settled(h, closed.notificationId as string);
    expect(deliveries.map((d) => [d.target_name, d.status])).toEqual([
      ['hook', 'delivered'],
      ['ops wecom', 'delivered'],
    ]);
    expect(sentAbout('p5', before)).toEqual([
      expect.objectContaining({ event: 'opened', source: 'provider' }),
      expect.objectContaining({ event: 'opened', source: 'endpoint', endpointId: 'e-9' }),
      expect.objectContaining({
        event: 'recovered',
        title: '端点熔断恢复',
        source: 'endpoint',
        endpointId: 'e-9',
        endpointUrl: 'https://e9.p5.example',
        recoveredAfterSeconds: 720,
        // Usage does not say which endpoint served a request: no figure rather than the provider's.
        failuresWhileOpen: null,
      }),
    ]);
    expect(wecomContent().at(-1)).toContain('供应商 Provider p5 的端点 (ID: e-9) 熔断 12 分钟后已恢复');

    // The provider's own breaker is still open, and recovers separately.
    later(1);
    const provider = await closeProvider('p5');
    expect(provider.outcome).toBe('recovered');
    await delivered();
    expect(sentAbout('p5', before).at(-1)).toMatchObject({
      event: 'recovered',
      title: '供应商熔断恢复',
      source: 'provider',
    });
  });

  it("Herald's own breaker closing on the provider's usage leaves its endpoints' breakers open", async () => {
    await h.client(key).hub.syncProviders.mutate({
      providers: [{ id: 'p6', name: 'Provider p6', failureThreshold: 2, openDurationMs: 60_000 }],
    });
    expect((await openEndpoint('p6', 3)).outcome).toBe('alerted');
    let n = 0;
    const usage = (success: boolean) =>
      h.client(key).hub.recordUsage.mutate({
        records: [
          {
            requestId: `p6-${++n}`,
            userId: 'u1',
            providerId: 'p6',
            costUsd: 0,
            inputTokens: 1,
            outputTokens: 1,
            success,
          },
        ],
      });
    await usage(false);
    await usage(false);
    later(2);
    await usage(true);
    const rows = await h.db
      .selectFrom('breaker_state')
      .select(['endpoint_id', 'state'])
      .where('provider_id', '=', 'p6')
      .orderBy('endpoint_id')
      .execute();
    expect(rows).toEqual([
      { endpoint_id: '', state: 'closed' },
      { endpoint_id: '3', state: 'open' },
    ]);
    expect((await closeEndpoint('p6', '3')).outcome).toBe('recovered');
  });

  it('an endpoint that keeps opening and closing gets one flapping message; its provider is not flapping', async () => {
    const before = custom.accepted.length;
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push((await openEndpoint('p7', 5)).outcome);
      later(2);
      outcomes.push((await closeEndpoint('p7', '5')).outcome);
      later(2);
    }
    expect(outcomes).toEqual([...Array(3).fill(['alerted', 'recovered']).flat(), 'flapping', 'suppressed']);
    expect((await openProvider('p7')).outcome).toBe('alerted');
    await vi.waitFor(() => expect(sentAbout('p7', before)).toHaveLength(8));
    const flap = sentAbout('p7', before).find((m) => m.event === 'flapping');
    expect(flap).toMatchObject({ title: '端点熔断频繁切换', source: 'endpoint', endpointId: '5', flapCount: 4 });
  });
});

describe('endpoint breaker reports: bad input names the field', () => {
  const valid = {
    providerId: 'p1',
    providerName: 'Provider p1',
    failureCount: 3,
    retryAt: '2026-01-15T06:30:00.000Z',
  };
  const issues = async (input: unknown) => {
    const r = await h.api('hub.reportCircuitBreaker', input, { token: key });
    expect(r.status).toBe(400);
    return (r.body.error.data.issues as Array<{ path: string; message: string }>).map((i) => `${i.path}: ${i.message}`);
  };

  it.each([
    [{ ...valid, incidentSource: 'endpoint' }, 'endpointId: is required when incidentSource is "endpoint"'],
    [
      { state: 'closed', providerId: 'p1', incidentSource: 'endpoint' },
      'endpointId: is required when incidentSource is "endpoint"',
    ],
    [
      { ...valid, incidentSource: 'endpoint', endpointId: 4, endpointUrl: 'not a url' },
      'endpointUrl: must be a full URL such as https://api.example.com/v1',
    ],
    [
      { ...valid, incidentSource: 'endpoint', endpointId: 4, endpointUrl: 'ftp://files.example.com' },
      'endpointUrl: must be an http:// or https:// URL',
    ],
    [
      { ...valid, incidentSource: 'endpoint', endpointId: 4, endpointUrl: `https://a.example/${'x'.repeat(2040)}` },
      'endpointUrl: at most 2048 characters',
    ],
    [{ ...valid, incidentSource: 'endpoints', endpointId: 4 }, 'incidentSource: must be "provider" or "endpoint"'],
    [
      { ...valid, endpointId: 4 },
      'endpointId: only with incidentSource "endpoint" (without it the report is about the provider)',
    ],
  ])('%j', async (input, message) => {
    expect(await issues(input)).toEqual([message]);
  });

  it('nothing of a refused report is stored', async () => {
    await issues({ ...valid, providerId: 'refused', incidentSource: 'endpoint' });
    const rows = await h.db
      .selectFrom('breaker_state')
      .select('provider_id')
      .where('provider_id', '=', 'refused')
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('endpoint breakers in a digest', () => {
  it('items grouped within the wait list each endpoint with its id', async () => {
    const scaled = scaledClock(new Date('2026-11-30T02:00:00.000Z'), 20);
    const g = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8' }, { clock: scaled, groupWait: true });
    const hook = await startFakeCustom();
    try {
      const admin = g.client(TEST_ADMIN_TOKEN);
      await admin.settings.update.mutate({
        enabled: true,
        useLegacyMode: false,
        circuitBreakerEnabled: true,
        circuitBreakerGroupWaitSeconds: 10,
        locale: 'en',
      });
      const target = await admin.targets.create.mutate({
        name: 'digest hook',
        providerType: 'custom',
        webhookUrl: hook.webhookUrl,
        customTemplate: { title: '{{title}}', count: '{{json:count}}', items: '{{json:items}}' },
      });
      await bindOnly(g, 'circuit_breaker', [target.id]);
      const hub = g.client((await admin.apiKeys.create.mutate({ name: 'hub' })).key).hub;
      const report = {
        providerName: 'Anthropic',
        failureCount: 3,
        retryAt: new Date(scaled.nowMs() + 600_000).toISOString(),
      };
      await hub.reportCircuitBreaker.mutate({ ...report, providerId: 'a' });
      await hub.reportCircuitBreaker.mutate({
        ...report,
        providerId: 'a',
        incidentSource: 'endpoint',
        endpointId: '11',
      });
      await hub.reportCircuitBreaker.mutate({
        ...report,
        providerId: 'a',
        incidentSource: 'endpoint',
        endpointId: '12',
      });

      const [sent] = await hook.waitForAccepted(1);
      const body = sent?.json as {
        title: string;
        count: number;
        items: Array<{ incident_source: string; endpoint_id: string }>;
      };
      expect(body.title).toBe('Circuit breakers of 1 provider and 2 endpoints opened');
      expect(body.items.map((i) => [i.incident_source, i.endpoint_id])).toEqual([
        ['provider', ''],
        ['endpoint', '11'],
        ['endpoint', '12'],
      ]);
      const page = await vi.waitFor(async () => {
        const p = await admin.deliveries.list.query({ notificationType: 'circuit_breaker' });
        if (p.items.some((d) => d.status === 'pending' || d.status === 'sending')) throw new Error('not finished');
        return p;
      });
      const digest = page.items.find((d) => d.kind === 'digest');
      expect(digest?.subject).toBe('3: Anthropic, Anthropic · endpoint 11, Anthropic · endpoint 12');
      expect(
        page.items
          .filter((d) => d.status === 'grouped')
          .map((d) => d.subject)
          .sort(),
      ).toEqual(['Anthropic', 'Anthropic · endpoint 11', 'Anthropic · endpoint 12']);
    } finally {
      await g.close();
      await hook.close();
    }
  });
});
