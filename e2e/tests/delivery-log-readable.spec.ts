import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, request as playwrightRequest } from '@playwright/test';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { BASE_URL } from '../fixtures/env.ts';
import { type FakeDingtalk, type FakeWecom, startFakeDingtalk, startFakeWecom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function call(api: APIRequestContext, name: string, input: unknown, headers = admin): Promise<unknown> {
  const response = await api.post(`/trpc/${name}`, {
    headers: { ...headers, 'content-type': 'application/json' },
    data: input,
  });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: unknown } }).result.data;
}

type Delivery = { id: string; notificationId: string; status: string; error: string | null };

async function deliveriesOf(api: APIRequestContext, targetId: string): Promise<Delivery[]> {
  const input = encodeURIComponent(JSON.stringify({ targetId }));
  const response = await api.get(`/trpc/deliveries.list?input=${input}`, { headers: admin });
  return ((await response.json()) as { result: { data: { items: Delivery[] } } }).result.data.items;
}

/** The words each language's run looks for. */
const TEXT = {
  en: {
    table: 'Deliveries',
    type: 'Circuit breaker',
    sentTo: 'to 2 targets',
    drawer: 'Delivery details',
    details: /^Details of the delivery at /,
    meaning: /wrong signing secret/,
    action: /signing secret match/,
    edit: (name: string) => `Edit the target “${name}”`,
    editDialog: 'Edit target',
    close: 'Close',
  },
  'zh-CN': {
    table: '发送记录',
    type: '熔断告警',
    sentTo: '发往 2 个推送目标',
    drawer: '发送详情',
    details: / 的发送详情$/,
    meaning: /签名密钥错误/,
    action: /核对目标的签名密钥/,
    edit: (name: string) => `编辑推送目标“${name}”`,
    editDialog: '编辑推送目标',
    close: '关闭',
  },
} as const;

const run = randomUUID().slice(0, 8);
const provider = `Provider ${run}`;
const names = { dingtalk: `Readable DingTalk ${run}`, wecom: `Readable WeCom ${run}` };
let fakes: { dingtalk: FakeDingtalk; wecom: FakeWecom };
let failed: Delivery;

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

// One breaker alert to two targets: WeCom takes it, DingTalk refuses it (a wrong signing secret: 310000).
test.beforeAll(async () => {
  test.setTimeout(60_000);
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  fakes = {
    dingtalk: await startFakeDingtalk({ secret: 'SECright0secret', accessToken: `token-${run}` }),
    wecom: await startFakeWecom({ key: `key-${run}` }),
  };
  const dingtalk = (await call(api, 'targets.create', {
    name: names.dingtalk,
    providerType: 'dingtalk',
    webhookUrl: fakes.dingtalk.webhookUrl,
    dingtalkSecret: 'SECwrong0secret',
  })) as { id: string };
  const wecom = (await call(api, 'targets.create', {
    name: names.wecom,
    providerType: 'wechat',
    webhookUrl: fakes.wecom.webhookUrl,
  })) as { id: string };
  await call(api, 'bindings.set', {
    notificationType: 'circuit_breaker',
    bindings: [
      { targetId: dingtalk.id, isEnabled: true },
      { targetId: wecom.id, isEnabled: true },
    ],
  });
  await call(api, 'settings.update', {
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
  });
  const { key } = (await call(api, 'apiKeys.create', { name: `Readable hub ${run}` })) as { key: string };
  await call(
    api,
    'hub.reportCircuitBreaker',
    { providerId: `p-${run}`, providerName: provider, failureCount: 3, retryAt: '2099-01-01T00:00:00Z' },
    { authorization: `Bearer ${key}` },
  );
  await fakes.wecom.waitForAccepted(1, { timeoutMs: 20_000 });
  await expect.poll(async () => (await deliveriesOf(api, dingtalk.id))[0]?.status, { timeout: 20_000 }).toBe('failed');
  failed = (await deliveriesOf(api, dingtalk.id))[0] as Delivery;
  expect(failed.error).toMatch(/^310000: /);
  await api.dispose();
});

test.afterAll(async () => {
  await Promise.all([fakes?.dingtalk.close(), fakes?.wecom.close()]);
});

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 390]) {
    test(`the log reads one line a row, grouped, with the drawer in the URL and the error explained (${language}, ${width} px)`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const text = TEXT[language];
      await page.addInitScript((lang) => localStorage.setItem('herald.language', lang), language);
      await page.setViewportSize({ width, height: 900 });
      const logUrl = `/deliveries?notification=${failed.notificationId}`;
      await page.goto(logUrl);

      if (width === 1280) {
        // A table; the notification's first row says what it was about, its other target follows.
        const table = page.getByRole('table', { name: text.table });
        const rows = table.getByRole('row');
        await expect(rows).toHaveCount(3);
        await expect(rows.nth(1)).toContainText(text.type);
        // The other target's row continues the group: its headline only for screen readers.
        await expect(rows.nth(2)).toContainText(`${text.type} · ${provider}`);
        await expect(rows.nth(2).getByTestId('delivery-subject')).toHaveCount(0);
        await expect(rows.nth(1).getByTestId('delivery-subject')).toHaveText(provider);
        const failedRow = rows.filter({ hasText: names.dingtalk });
        await expect(failedRow).toContainText('310000: sign not match');
        // Every cell is one line: no row is taller than a single line of text and its padding.
        for (const row of await rows.all()) {
          expect((await row.boundingBox())?.height ?? 0).toBeLessThan(60);
        }
        // Details is on screen, inside the table's area.
        const details = failedRow.getByRole('button', { name: text.details });
        const box = await details.boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: test.info().outputPath(`log-${language}-${width}.png`) });
        await details.click();
      } else {
        // Cards on a phone: one per notification, a line per target.
        const cards = page.getByRole('list', { name: text.table });
        await expect(cards.getByRole('listitem')).toHaveCount(1);
        await expect(cards.getByTestId('delivery-card-row')).toHaveCount(2);
        await expect(cards).toContainText(text.type);
        await expect(cards).toContainText(text.sentTo);
        const row = cards.getByTestId('delivery-card-row').filter({ hasText: names.dingtalk });
        await expect(row).toContainText('310000: sign not match');
        await noSidewaysScroll(page);
        await page.screenshot({ path: test.info().outputPath(`log-${language}-${width}.png`) });
        await row.getByRole('button', { name: text.details }).click();
      }
      await noSidewaysScroll(page);

      // The drawer is in the URL; Back closes it and stays on the log.
      const drawer = page.getByRole('dialog', { name: text.drawer });
      await expect(drawer).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`[?&]delivery=${failed.id}`));
      const hint = drawer.getByTestId('error-hint');
      await expect(hint).toContainText('310000');
      await expect(hint).toContainText(text.meaning);
      await expect(hint).toContainText(text.action);
      await page.screenshot({ path: test.info().outputPath(`drawer-${language}-${width}.png`) });
      await page.goBack();
      await expect(drawer).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`${logUrl.replace('?', '\\?')}$`));

      // The link opens the same drawer on its own; its close button leaves the log as it was.
      await page.goto(`${logUrl}&delivery=${failed.id}`);
      await expect(drawer).toBeVisible();
      await drawer.getByRole('button', { name: text.close }).click();
      await expect(drawer).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`${logUrl.replace('?', '\\?')}$`));

      // The hint's button opens the target's dialog.
      await page.goto(`${logUrl}&delivery=${failed.id}`);
      await drawer.getByRole('link', { name: text.edit(names.dingtalk) }).click();
      const edit = page.getByRole('dialog', { name: text.editDialog });
      await expect(edit).toBeVisible();
      await expect(edit.getByRole('textbox').first()).toHaveValue(names.dingtalk);
      await expect(page).toHaveURL(/\/targets$/);
      await noSidewaysScroll(page);
    });
  }
}
