/**
 * PUBLIC_URL: a breaker alert reported by a hub reaches the platforms with links back to the
 * dashboard, and each link leads somewhere real — Herald serves the dashboard at its path, and
 * the delivery log filtered the way the link says lists exactly what the link is about.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/engine/enqueue.ts';
import { type FakeCustom, type FakeWecom, startFakeCustom, startFakeWecom } from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';
import { bindOnly, hubKey, switchOn } from '../incidents/support.ts';

const PUBLIC_URL = 'https://herald.example.com';
/** Needs encoding in a URL: the link must still name exactly this provider. */
const PROVIDER = 'anthropic/primary #1';
const LINK_TEMPLATE = { type: '{{notification_type}}', link: '{{link}}', links: '{{json:links_json}}' };

let h: TestHerald;
let dist: string;
let custom: FakeCustom;
let wecom: FakeWecom;
let key: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'herald-links-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Herald dashboard</title>');
  h = await startTestHerald(
    { OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', PUBLIC_URL: `${PUBLIC_URL}/` },
    { webDistDir: dist },
  );
  key = await hubKey(h);
  custom = await startFakeCustom();
  wecom = await startFakeWecom();
  const admin = h.client(TEST_ADMIN_TOKEN);
  const targets = await Promise.all([
    admin.targets.create.mutate({
      name: 'links receiver',
      providerType: 'custom',
      webhookUrl: custom.webhookUrl,
      customTemplate: LINK_TEMPLATE,
    }),
    admin.targets.create.mutate({ name: 'ops wecom', providerType: 'wechat', webhookUrl: wecom.webhookUrl }),
  ]);
  await bindOnly(
    h,
    'circuit_breaker',
    targets.map((t) => t.id),
  );
  await switchOn(h, { locale: 'en' });
});
afterAll(async () => {
  await h?.close();
  await Promise.all([custom?.close(), wecom?.close()]);
  await rm(dist, { recursive: true, force: true });
});

type Link = { kind: string; label: string; url: string };
const admin = () => h.client(TEST_ADMIN_TOKEN);
/** The link as this Herald serves it: PUBLIC_URL is where people reach it (a proxy in front). */
const onHerald = (url: string) => {
  const u = new URL(url);
  return `${h.url}${u.pathname}${u.search}`;
};

describe('a breaker alert with PUBLIC_URL set', () => {
  let notificationId: string;
  let links: Link[];

  beforeAll(async () => {
    await h.client(key).hub.reportCircuitBreaker.mutate({
      providerId: PROVIDER,
      providerName: 'Anthropic Primary',
      failureCount: 5,
      retryAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    const [received] = await custom.waitForAccepted(1);
    await wecom.waitForAccepted(1);
    const row = await h.db
      .selectFrom('notification')
      .select('id')
      .where('type', '=', 'circuit_breaker')
      .executeTakeFirst();
    notificationId = row?.id as string;
    links = (received?.json as { links?: Link[] } | undefined)?.links ?? [];
    expect(links).toHaveLength(2);
  });

  it('reaches the custom receiver with {{link}} (its delivery log) and every link in {{json:links_json}}', () => {
    const log = `${PUBLIC_URL}/deliveries?notification=${notificationId}`;
    const provider = `${PUBLIC_URL}/deliveries?${new URLSearchParams({ provider: PROVIDER })}`;
    expect(custom.accepted[0]?.json).toEqual({
      type: 'circuit_breaker',
      link: log,
      links: [
        { kind: 'provider', label: 'Alerts for this provider', url: provider },
        { kind: 'notification', label: 'Delivery log', url: log },
      ],
    });
  });

  it('reaches WeCom as markdown links', () => {
    const content = (wecom.accepted[0]?.json as { markdown?: { content: string } } | undefined)?.markdown?.content;
    for (const l of links) expect(content).toContain(`[${l.label}](${l.url})`);
  });

  it('each link opens the dashboard (Herald serves its page at that path)', async () => {
    for (const l of links) {
      expect(new URL(l.url).pathname).toBe('/deliveries');
      const page = await fetch(onHerald(l.url), { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Herald dashboard</title>');
    }
  });

  it('the delivery log link lists exactly this alert’s deliveries, to both targets', async () => {
    const log = new URL(links.find((l) => l.kind === 'notification')?.url as string);
    const id = log.searchParams.get('notification') as string;
    expect(id).toBe(notificationId);
    const page = await admin().deliveries.list.query({ notificationId: id });
    expect(page.items.map((d) => [d.notificationId, d.channel, d.status]).sort()).toEqual([
      [notificationId, 'custom', 'delivered'],
      [notificationId, 'wechat', 'delivered'],
    ]);
  });

  it('the provider link lists this provider’s alerts, not another’s', async () => {
    const other = await h.client(key).hub.reportCircuitBreaker.mutate({
      providerId: 'other',
      providerName: 'Other',
      failureCount: 5,
      retryAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    expect(other).toMatchObject({ ok: true });
    const provider = new URL(links.find((l) => l.kind === 'provider')?.url as string).searchParams.get('provider');
    expect(provider).toBe(PROVIDER);
    const page = await admin().deliveries.list.query({ providerId: provider as string });
    expect(page.items).toHaveLength(2);
    expect(new Set(page.items.map((d) => d.notificationId))).toEqual(new Set([notificationId]));
    expect((await admin().deliveries.list.query({ providerId: 'other' })).items.length).toBeGreaterThan(0);
  });

  it('a preview shows the links the sample would carry (no delivery log: there is no notification)', async () => {
    const preview = await admin().notifications.preview.query({
      notificationType: 'provider_balance',
      providerType: 'wechat',
      locale: 'en',
    });
    expect(preview.message.links).toEqual([
      { kind: 'provider', label: 'Alerts for this provider', url: `${PUBLIC_URL}/deliveries?provider=7` },
    ]);
  });
});

describe('the delivery log filters a message links to', () => {
  /** A stored notification with one delivery: what the log lists. */
  async function seed(type: string, data: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    await h.db
      .insertInto('notification')
      .values({ id, type, data: JSON.stringify(data), source: 'hub' })
      .execute();
    await h.db
      .insertInto('delivery')
      .values({
        id: uuidv7(Date.now()),
        notification_id: id,
        notification_type: type,
        target_id: null,
        target_name: null,
        binding_id: null,
        resend_of: null,
        channel: 'custom',
        status: 'delivered',
      })
      .execute();
    return id;
  }
  const ids = async (filter: { providerId?: string; userId?: string }) =>
    new Set((await admin().deliveries.list.query({ ...filter, limit: 200 })).items.map((d) => d.notificationId));

  it('a provider: its breakers, balances, cost alerts and cache anomalies; a user: its cost alerts', async () => {
    const cost = (targetType: string, targetId: string) => ({
      targetType,
      targetId,
      targetName: targetId,
      currentCost: 90,
      quotaLimit: 100,
      threshold: 0.9,
      period: 'weekly',
    });
    const anomaly = (providerId: string) => ({ providerId, model: 'm' });
    const p9 = [
      await seed('provider_balance', { event: 'low', providerId: 'p9', balance: 1, currency: 'USD' }),
      await seed('cost_alert', cost('provider', 'p9')),
      await seed('cache_hit_rate', { anomalies: [anomaly('x'), anomaly('p9')] }),
    ];
    const u9 = await seed('cost_alert', cost('user', 'p9'));
    await seed('cache_hit_rate', { anomalies: [anomaly('p99')] });
    await seed('cost_alert', cost('user', 'u8'));

    // A user named like a provider is not that provider, and the other way round.
    expect(await ids({ providerId: 'p9' })).toEqual(new Set(p9));
    expect(await ids({ userId: 'p9' })).toEqual(new Set([u9]));
    expect(await ids({ userId: 'nobody' })).toEqual(new Set());
  });

  it('refuses a malformed filter by name', async () => {
    await expect(admin().deliveries.list.query({ notificationId: 'n1' })).rejects.toThrow(
      /notificationId must be a UUID/,
    );
  });
});
