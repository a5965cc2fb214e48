import { expect } from '@playwright/test';
import { mutate, query } from '../fixtures/api.ts';
import { pageTitle, takeToast } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { startBrowserClock } from '../fixtures/clock.ts';
import { openType, saveChanges } from '../fixtures/notifications.ts';
import { test } from '../fixtures/test.ts';

/** The settings this spec changes, put back afterwards. */
const CHANGED = [
  'enabled',
  'useLegacyMode',
  'cacheHitRateEnabled',
  'cacheHitRateWindowMode',
  'cacheHitRateCheckInterval',
  'cacheHitRateLookbackDays',
  'cacheHitRateMinEligibleRequests',
  'cacheHitRateMinEligibleTokens',
  'cacheHitRateAbsMin',
  'cacheHitRateDropRel',
  'cacheHitRateDropAbs',
  'cacheHitRateCooldownMinutes',
  'cacheHitRateTopN',
] as const;
type Settings = Record<(typeof CHANGED)[number], unknown>;
type Binding = {
  targetId: string;
  isEnabled: boolean;
  scheduleCron: string | null;
  scheduleTimezone: string | null;
  templateOverride: Record<string, unknown> | null;
};
type CacheRates = { window: { mode: string } | null; rows: Array<{ providerId: string }> };

const run = Date.now().toString(36);
let before: { settings: Settings; bindings: Binding[] };

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const settings = await query<Settings>(request, 'settings.get');
  before = {
    settings: Object.fromEntries(CHANGED.map((k) => [k, settings[k]])) as Settings,
    bindings: await query<Binding[]>(request, 'bindings.list', { notificationType: 'cache_hit_rate' }),
  };
});

test.afterAll(async ({ request }) => {
  await mutate(request, 'bindings.set', {
    notificationType: 'cache_hit_rate',
    bindings: before.bindings.map((b) => ({
      targetId: b.targetId,
      isEnabled: b.isEnabled,
      scheduleCron: b.scheduleCron,
      scheduleTimezone: b.scheduleTimezone,
      templateOverride: b.templateOverride,
    })),
  });
  await mutate(request, 'settings.update', before.settings);
});

test('the cache-hit-rate rule is set in its card: a bad value at its field, a good one saved and kept; a binding gets its own cron and zone', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await startBrowserClock(page); // the binding's next runs are read from the page's clock
  const targetName = `E2E cache hook ${run}`;
  await mutate(request, 'targets.create', {
    name: targetName,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/hook',
    customTemplate: { title: '{{title}}', text: '{{sections}}' },
  });
  await mutate(request, 'settings.update', { enabled: true, useLegacyMode: false, cacheHitRateWindowMode: 'auto' });
  const updates: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/trpc/settings.update')) updates.push(r.url());
  });

  await page.goto('/notifications');
  await expect(pageTitle(page, 'Notifications')).toBeVisible();
  await openType(page, 'Cache hit-rate alert');
  const card = page.getByRole('region', { name: 'Cache hit-rate alert' });
  const field = (label: string) => card.getByRole('textbox', { name: label, exact: true });
  const interval = field('Check interval (minutes)');
  const floor = field('Hit-rate floor (%)');
  // Each field says its range and its part of the rule.
  await expect(card.getByText('Anomaly: the rate is under the floor, or it fell below')).toBeVisible();
  await expect(card.getByText(/^1–100000\. Eligible requests are follow-ups in a session/)).toBeVisible();

  // Out of range: refused by the server's own schema in the browser, shown at the field, nothing sent.
  await interval.fill('0');
  await floor.fill('150');
  await saveChanges(page);
  await takeToast(page, 'Fix the marked fields before saving.');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Must be 1 or more.')).toBeVisible();
  await expect(floor).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Must be 1 or less.')).toBeVisible();
  expect(updates).toEqual([]);

  // Good values; auto names the window the interval picks.
  await card.getByRole('switch', { name: 'Enabled' }).first().check();
  await interval.fill('15');
  await expect(card.getByTestId('cache-window-now')).toHaveText('Now: 30 min.');
  await floor.fill('7.5');
  await field('Absolute drop (percentage points)').fill('12.34');
  await field('Relative drop (% of the baseline)').fill('25');
  await field('Historical lookback (days)').fill('14');
  await field('Cooldown (minutes)').fill('0');
  await field('Min eligible requests').fill('5');
  await field('Min eligible tokens').fill('100');
  await field('Top N').fill('3');

  // A bound target follows the check interval until it gets a cron of its own, in its own zone.
  await card.getByRole('combobox', { name: 'Add a target' }).click();
  await page.getByRole('option', { name: targetName, exact: true }).click();
  const row = card.getByTestId('binding-row').filter({ hasText: targetName });
  await expect(row.getByTestId('cron-words')).toHaveText(
    'Without a cron of its own it follows the type: a check every 15 minutes',
  );
  await row.getByLabel('Cron (optional)').fill('*/20 9-17 * * 1-5');
  const zone = row.getByRole('combobox', { name: 'Time zone (optional)' });
  await zone.click();
  await zone.fill('Asia/Tok');
  await page.getByRole('option', { name: '(UTC+09:00) Tokyo — Asia/Tokyo', exact: true }).click();
  // The browser's Saturday 13:00 in Tokyo: the next runs are Monday's first three.
  await expect(row.getByTestId('next-runs')).toHaveText(
    'Next runs: Nov 30, 2026, 9:00 AM · Nov 30, 2026, 9:20 AM · Nov 30, 2026, 9:40 AM (Asia/Tokyo)',
  );

  await saveChanges(page);
  await takeToast(page, 'Saved.');
  await expect(interval).not.toHaveAttribute('aria-invalid', 'true');
  const saved = await query<Settings>(request, 'settings.get');
  expect(saved).toMatchObject({
    cacheHitRateEnabled: true,
    cacheHitRateWindowMode: 'auto',
    cacheHitRateCheckInterval: 15,
    cacheHitRateLookbackDays: 14,
    cacheHitRateAbsMin: 0.075,
    cacheHitRateDropAbs: 0.1234,
    cacheHitRateDropRel: 0.25,
    cacheHitRateCooldownMinutes: 0,
    cacheHitRateMinEligibleRequests: 5,
    cacheHitRateMinEligibleTokens: 100,
    cacheHitRateTopN: 3,
  });
  // The binding's own cron and zone are what the queue schedules (this type honours them).
  await expect
    .poll(async () => {
      const schedules = await query<Array<{ queue: string; cron: string; tz: string }>>(
        request,
        'notifications.schedules',
      );
      return schedules.some((s) => s.cron === '*/20 9-17 * * 1-5' && s.tz === 'Asia/Tokyo');
    })
    .toBe(true);

  // Kept after a reload, the thresholds shown as percentages again.
  await page.reload();
  await openType(page, 'Cache hit-rate alert');
  await expect(interval).toHaveValue('15');
  await expect(floor).toHaveValue('7.5 %');
  await expect(field('Absolute drop (percentage points)')).toHaveValue('12.34 %');
  await expect(field('Relative drop (% of the baseline)')).toHaveValue('25 %');
  await expect(field('Historical lookback (days)')).toHaveValue('14');
  await expect(field('Cooldown (minutes)')).toHaveValue('0');
  await expect(field('Min eligible tokens')).toHaveValue('100');
  await expect(field('Top N')).toHaveValue('3');
  await expect(card.getByRole('combobox', { name: 'Window' })).toHaveValue('Auto');
  const reloaded = card.getByTestId('binding-row').filter({ hasText: targetName });
  await expect(reloaded.getByLabel('Cron (optional)')).toHaveValue('*/20 9-17 * * 1-5');
  await expect(reloaded.getByRole('combobox', { name: 'Time zone (optional)' })).toHaveValue('Asia/Tokyo');

  // A fixed window replaces auto's pick.
  await card.getByRole('combobox', { name: 'Window' }).click();
  await page.getByRole('option', { name: '1.5 h', exact: true }).click();
  await expect(card.getByTestId('cache-window-now')).toHaveCount(0);
  await saveChanges(page);
  await takeToast(page, 'Saved.');
  expect((await query<Settings>(request, 'settings.get')).cacheHitRateWindowMode).toBe('1.5h');
});

test('the Overview shows a provider × model’s hit rate now beside its baseline, a drop marked red', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await startBrowserClock(page);
  const providerId = `e2e-cache-${run}`;
  const providerName = `E2E Cache Provider ${run}`;
  const model = `claude-e2e-${run}`;
  await mutate(request, 'settings.update', {
    cacheHitRateWindowMode: '30m',
    cacheHitRateLookbackDays: 7,
    cacheHitRateMinEligibleRequests: 20,
    cacheHitRateMinEligibleTokens: 0,
    cacheHitRateAbsMin: 0.05,
    cacheHitRateDropAbs: 0.1,
    cacheHitRateDropRel: 0.3,
  });

  // No usage carries a model yet: the panel says what the hub must send.
  expect((await query<{ cacheHitRates: CacheRates }>(request, 'overview.get')).cacheHitRates.window).toBeNull();
  await page.goto('/');
  await expect(pageTitle(page, 'Overview')).toBeVisible();
  const panel = page.getByTestId('overview-cache-hit-rates');
  await expect(panel.getByTestId('overview-cache-hit-rates-empty')).toContainText(
    'the hub must send model with each usage record, and sessionId with requestSequence',
  );

  // One session yesterday at 60 %, one in the last 30 minutes at 10 %: 30 requests each, 10 s apart,
  // so 29 follow-ups within the 5-minute cache TTL are eligible.
  const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: `E2E cache hub ${run}` });
  const hub = { authorization: `Bearer ${key}` };
  await mutate(request, 'hub.syncProviders', { providers: [{ id: providerId, name: providerName }] }, hub);
  const session = async (name: string, startMs: number, rate: number) =>
    mutate(
      request,
      'hub.recordUsage',
      {
        records: Array.from({ length: 30 }, (_, i) => ({
          requestId: `${providerId}-${name}-${i}`,
          userId: `e2e-cache-user-${run}`,
          providerId,
          model,
          sessionId: `${providerId}-${name}`,
          requestSequence: i + 1,
          cacheCreation5mInputTokens: 10,
          costUsd: 0.01,
          inputTokens: Math.round(100 - rate * 100),
          outputTokens: 10,
          cacheReadInputTokens: Math.round(rate * 100),
          createdAt: new Date(startMs + i * 10_000).toISOString(),
        })),
      },
      hub,
    );
  const now = Date.now();
  await session('yesterday', now - 24 * 3_600_000 - 10 * 60_000, 0.6);
  await session('now', now - 10 * 60_000, 0.1);

  await page.getByTestId('overview-refresh').click();
  const row = panel.getByTestId('overview-cache-rate').filter({ hasText: providerName });
  await expect(row).toBeVisible();
  await expect(row).toContainText(model);
  await expect(row).toHaveAttribute('data-anomaly', 'true');
  await expect(row.getByTestId('overview-cache-anomaly')).toHaveText('Anomaly');
  await expect(row.getByTestId('overview-cache-current')).toHaveText('10.0%eligible · requests 29 · tokens 2.9K');
  await expect(row.getByTestId('overview-cache-baseline')).toHaveText(
    'historical60.0%eligible · requests 29 · tokens 2.9K',
  );
  await expect(row).toContainText('-50.0 pts');
  await expect(panel.getByTestId('overview-cache-window')).toHaveText(/^30 min window: .+ – .+$/);

  // On a phone the table scrolls inside its card; the page itself never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  // Polled: right after the resize the layout may not have settled yet.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // In Chinese: the kind, source and marker in Chinese.
  await page.getByRole('button', { name: /^(language|语言): /i }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(row.getByTestId('overview-cache-anomaly')).toHaveText('异常');
  await expect(row.getByTestId('overview-cache-baseline')).toHaveText('历史60.0%可命中 · 请求 29 · Token 2900');
  await page.getByRole('button', { name: /^(language|语言): /i }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(row.getByTestId('overview-cache-anomaly')).toHaveText('Anomaly');
});
