import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { type FakeDingtalk, startFakeDingtalk } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// Health at a glance: a DingTalk target with a wrong signing secret, whose real delivery fails
// with 310000, reads "failing" with the code and a link to its failed deliveries, though it was
// never tested; the same facts on a phone as cards, and the dot on its binding.

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const run = Date.now().toString(36);
const NAME = `DingTalk health ${run}`;
const IDLE_NAME = `Untested hook ${run}`;

type Health = {
  targetId: string;
  state: string;
  lastDelivery: { at: string; status: string } | null;
  window: { delivered: number; failed: number; successRate: number | null };
};

async function call<T>(request: APIRequestContext, name: string, input?: unknown, headers = admin): Promise<T> {
  const isQuery = name.endsWith('.list') || name.endsWith('.health');
  const response = isQuery
    ? await request.get(
        `/trpc/${name}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
        {
          headers,
        },
      )
    : await request.post(`/trpc/${name}`, { headers: { ...headers, 'content-type': 'application/json' }, data: input });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

let ding: FakeDingtalk;
let targetId: string;
let lastAt: string;

test.use({ storageState: SIGNED_IN_STATE });

test.beforeAll(async ({ request }) => {
  test.setTimeout(60_000);
  ding = await startFakeDingtalk({ secret: 'SECe2e0health0right0secret', accessToken: `health-${run}` });
  const target = await call<{ id: string }>(request, 'targets.create', {
    name: NAME,
    providerType: 'dingtalk',
    webhookUrl: ding.webhookUrl,
    dingtalkSecret: 'SECe2e0health0WRONG0secret',
  });
  targetId = target.id;
  await call(request, 'targets.create', {
    name: IDLE_NAME,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/never-called',
    customTemplate: { text: '{{title}}' },
  });
  await call(request, 'bindings.set', {
    notificationType: 'daily_leaderboard',
    bindings: [{ targetId, isEnabled: true }],
  });
  await call(request, 'settings.update', { enabled: true, useLegacyMode: false, dailyLeaderboardEnabled: true });
  // The leaderboard needs a day's usage to report: one request from one user, through the hub API.
  const { key } = await call<{ key: string }>(request, 'apiKeys.create', { name: `health hub ${run}` });
  const hub = { authorization: `Bearer ${key}` };
  await call(request, 'hub.syncUsers', { users: [{ id: `health-user-${run}`, name: 'Health E2E' }] }, hub);
  await call(
    request,
    'hub.recordUsage',
    {
      records: [
        {
          requestId: `health-req-${run}`,
          userId: `health-user-${run}`,
          providerId: 'health-provider',
          costUsd: 1.5,
          inputTokens: 100,
          outputTokens: 50,
        },
      ],
    },
    hub,
  );
  const triggered = await call<unknown>(request, 'notifications.trigger', { notificationType: 'daily_leaderboard' });
  await expect
    .poll(async () => (await call<Health[]>(request, 'targets.health')).find((h) => h.targetId === targetId)?.state, {
      timeout: 20_000,
      message: `after notifications.trigger answered ${JSON.stringify(triggered)}`,
    })
    .toBe('failing');
  const health = (await call<Health[]>(request, 'targets.health')).find((h) => h.targetId === targetId);
  expect(health?.window).toEqual({ delivered: 0, failed: 1, successRate: 0 });
  lastAt = health?.lastDelivery?.at as string;
});

test.afterAll(async () => {
  await ding?.close();
});

const TEXT = {
  en: {
    title: 'Targets',
    failing: 'Failing',
    untested: 'Untested',
    rate: '0%',
    counts: '0 of 1 delivered',
    code: 'Code 310000',
    ago: '5 minutes ago',
    link: `Failed deliveries of ${NAME}`,
    dot: 'Failing',
  },
  'zh-CN': {
    title: '推送目标',
    failing: '失败中',
    untested: '未测试',
    rate: '0%',
    counts: '1 条中送达 0 条',
    code: '错误码 310000',
    ago: '5分钟前',
    link: `${NAME} 失败的投递`,
    dot: '失败中',
  },
} as const;

async function open(page: Page, language: keyof typeof TEXT, width: number): Promise<void> {
  await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
    key: LANGUAGE_STORAGE_KEY,
    code: language,
  });
  // The browser's now: five minutes after the failure, so "5 minutes ago" is what it must say.
  await page.clock.install({ time: new Date(new Date(lastAt).getTime() + 5 * 60_000) });
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.goto('/targets');
  await expect(page.getByRole('heading', { level: 1, name: TEXT[language].title, exact: true })).toBeVisible();
}

/** Nothing on the page is wider than the window. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

for (const language of ['en', 'zh-CN'] as const) {
  const text = TEXT[language];

  test(`${language} 1280 px: the row says failing, 0% in 24 h, the 310000 error, and links to the failures`, async ({
    page,
  }) => {
    await open(page, language, 1280);
    const row = page.getByRole('row').filter({ hasText: NAME });
    const health = row.getByTestId('target-health');
    await expect(health.getByTestId('health-dot')).toHaveAttribute('data-state', 'failing');
    await expect(health).toContainText(text.failing);
    const at = health.getByTestId('last-delivery-at');
    // The relative time, then (for screen readers) the exact one.
    await expect(at).toHaveText(new RegExp(`^${text.ago}[,，]`));
    await expect(at).toHaveAttribute('datetime', lastAt);
    // The exact time on hover: the tooltip names the day and the second.
    await at.hover();
    await expect(page.getByRole('tooltip')).toHaveText(/\d{1,2}:\d\d:\d\d/);
    await expect(row.getByTestId('success-rate')).toContainText(text.rate);
    await expect(row.getByTestId('success-rate')).toContainText(text.counts);
    await expect(row.getByTestId('platform-code')).toHaveText(text.code);
    await expect(row.getByTestId('last-error')).toContainText('310000: sign not match');

    const other = page.getByRole('row').filter({ hasText: IDLE_NAME });
    await expect(other.getByTestId('health-dot')).toHaveAttribute('data-state', 'untested');
    await expect(other.getByTestId('target-health')).toContainText(text.untested);
    await noSidewaysScroll(page);
    // The table fits its area: no column (the buttons least of all) hidden off to the right.
    const overflow = await page
      .getByRole('table')
      .evaluate((t) => t.getBoundingClientRect().width - (t.parentElement?.getBoundingClientRect().width ?? 0));
    expect(overflow).toBeLessThanOrEqual(1);
    await expect(
      row.getByRole('button', { name: `Delete ${NAME}` }).or(row.getByRole('button', { name: `删除 ${NAME}` })),
    ).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath(`targets-${language}-1280.png`), fullPage: true });

    await row.getByRole('link', { name: text.link }).click();
    await expect(page).toHaveURL(new RegExp(`/deliveries\\?target=${targetId}&status=failed$`));
    const log = page.getByRole('table').first();
    await expect(log.getByRole('row').filter({ hasText: NAME })).toHaveCount(1);
  });

  test(`${language} 390 px: a card per target with the same facts, nothing wider than the phone`, async ({ page }) => {
    await open(page, language, 390);
    await expect(page.getByRole('table')).toHaveCount(0);
    const card = page.getByTestId('target-card').filter({ hasText: NAME });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('health-dot')).toHaveAttribute('data-state', 'failing');
    await expect(card.getByTestId('target-health')).toContainText(text.failing);
    await expect(card.getByTestId('last-delivery-at')).toHaveText(new RegExp(`^${text.ago}[,，]`));
    await expect(card.getByTestId('success-rate')).toContainText(text.counts);
    await expect(card.getByTestId('platform-code')).toHaveText(text.code);
    await expect(card.getByTestId('last-error')).toContainText('310000: sign not match');
    await expect(card.getByRole('link', { name: text.link })).toBeVisible();
    // Nothing cut: every fact's box holds its text (screen-reader-only text is 1 px on purpose).
    await page.screenshot({ path: test.info().outputPath(`targets-${language}-390.png`), fullPage: true });
    const cut = await card.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('*')]
        .filter((e) => !e.closest('.mantine-VisuallyHidden-root'))
        .filter((e) => e.children.length === 0 && e.checkVisibility() && e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    await noSidewaysScroll(page);
  });

  test(`${language}: the binding on the Notifications page shows the same dot`, async ({ page }) => {
    await open(page, language, 1280);
    await page.goto('/notifications');
    const dot = page.locator('[data-testid="health-dot"][data-state="failing"]').first();
    await expect(dot).toBeAttached();
    await expect(dot).toContainText(text.dot);
  });
}
