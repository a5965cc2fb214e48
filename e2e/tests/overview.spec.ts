import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { startFakeCustom } from '../../apps/server/test/fake-platforms/index.ts';
import { mutate, query } from '../fixtures/api.ts';
import { pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

type Counts = { delivered: number; failed: number; pending: number; skipped: number };
type Overview = { today: Counts; days: Array<Counts & { date: string }> };
type Binding = {
  targetId: string;
  isEnabled: boolean;
  scheduleCron: string | null;
  scheduleTimezone: string | null;
  templateOverride: Record<string, unknown> | null;
};
type Settings = { enabled: boolean; useLegacyMode: boolean; circuitBreakerEnabled: boolean };

const OUTCOMES = ['delivered', 'failed', 'pending', 'skipped'] as const;

/** The page's four numbers equal the server's (refreshing until they settle: workers may still be finishing). */
async function expectTodayMatchesServer(page: Page, request: APIRequestContext): Promise<Overview> {
  let seen: Overview | null = null;
  await expect(async () => {
    await page.getByTestId('overview-refresh').click();
    await expect(page.getByTestId('overview-refresh')).not.toHaveAttribute('data-loading', 'true');
    const o = await query<Overview>(request, 'overview.get');
    for (const k of OUTCOMES) {
      await expect(page.getByTestId(`overview-today-${k}-value`)).toHaveText(o.today[k].toLocaleString('en-US'), {
        timeout: 1_000,
      });
    }
    seen = o;
  }).toPass({ timeout: 20_000 });
  return seen as unknown as Overview;
}

test.use({ storageState: SIGNED_IN_STATE });

/** The server's today (its system time zone): the last of the overview's seven days. */
async function serverToday(request: APIRequestContext): Promise<string> {
  return (await query<Overview>(request, 'overview.get')).days.at(-1)?.date ?? '';
}

/**
 * Runs `scenario` once, or twice when the server's day changed while it ran (its usage,
 * deliveries and quotas then belong to yesterday, and this week or month may have ended):
 * the second run is wholly on the new day, so no check depends on when the suite runs.
 */
async function onOneDay(request: APIRequestContext, scenario: (run: string) => Promise<void>): Promise<void> {
  const day = await serverToday(request);
  try {
    await scenario(Date.now().toString(36));
  } catch (err) {
    if ((await serverToday(request)) === day) throw err;
    test.info().annotations.push({ type: 'midnight', description: `the day changed after ${day}: ran again` });
    await scenario(`${Date.now().toString(36)}b`);
  }
}

test('the overview shows today’s outcomes, a failing target, spend, quotas and a breaker alert', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await onOneDay(request, (run) => overviewScenario(page, request, run));
});

async function overviewScenario(page: Page, request: APIRequestContext, run: string): Promise<void> {
  const targetName = `E2E overview failing ${run}`;
  const userName = `Olivia Overview ${run}`;
  const providerName = `E2E Provider ${run}`;

  // A receiver that refuses every message (a header Herald never sends): permanent HTTP 401.
  const fake = await startFakeCustom({ requiredHeaders: { 'x-never-sent': run } });
  const before = (await query<Settings>(request, 'settings.get')) as Settings;
  const previousBindings = await query<Binding[]>(request, 'bindings.list', { notificationType: 'circuit_breaker' });
  try {
    await page.goto('/');
    await expect(pageTitle(page, 'Overview')).toBeVisible();
    await expect(page.getByTestId('overview-today-failed-value')).toBeVisible();
    for (const section of ['chart', 'failing-targets', 'top-spenders', 'quotas-users', 'circuit-breakers']) {
      await expect(page.getByTestId(`overview-${section}`)).toBeVisible();
    }

    const target = (await mutate(request, 'targets.create', {
      name: targetName,
      providerType: 'custom',
      webhookUrl: fake.webhookUrl,
      customTemplate: { title: '{{title}}', text: '{{sections}}' },
    })) as { id: string };
    await mutate(request, 'bindings.set', {
      notificationType: 'circuit_breaker',
      bindings: [{ targetId: target.id, isEnabled: true }],
    });
    // The alert at once, not after the 10 s grouping wait.
    await mutate(request, 'settings.update', {
      enabled: true,
      useLegacyMode: false,
      circuitBreakerEnabled: true,
      circuitBreakerGroupWaitSeconds: 0,
    });

    const { key } = (await mutate(request, 'apiKeys.create', { name: `E2E overview hub ${run}` })) as { key: string };
    const hub = { authorization: `Bearer ${key}` };
    await mutate(
      request,
      'hub.syncUsers',
      { users: [{ id: `e2e-ov-${run}`, name: userName, limitWeeklyUsd: 800 }] },
      hub,
    );
    await mutate(
      request,
      'hub.recordUsage',
      {
        records: [
          {
            requestId: `e2e-ov-${run}-1`,
            userId: `e2e-ov-${run}`,
            providerId: `e2e-ov-p-${run}`,
            costUsd: 600,
            inputTokens: 120_000,
            outputTokens: 30_000,
          },
          {
            requestId: `e2e-ov-${run}-2`,
            userId: `e2e-ov-${run}`,
            providerId: `e2e-ov-p-${run}`,
            costUsd: 300,
            inputTokens: 80_000,
            outputTokens: 20_000,
          },
        ],
      },
      hub,
    );
    await mutate(
      request,
      'hub.reportCircuitBreaker',
      {
        providerId: `e2e-ov-p-${run}`,
        providerName,
        failureCount: 7,
        retryAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        lastError: 'upstream overloaded',
      },
      hub,
    );
    // The alert goes to the refusing receiver and fails for good.
    await expect
      .poll(async () => {
        const page = await query<{ items: Array<{ status: string }> }>(request, 'deliveries.list', {
          targetId: target.id,
        });
        return page.items.map((d) => d.status);
      })
      .toEqual(['failed']);

    // Today's counts are the server's, and include the failure.
    const o = await expectTodayMatchesServer(page, request);
    expect(o.today.failed).toBeGreaterThanOrEqual(1);
    expect(o.days).toHaveLength(7);
    await expect(page.getByTestId('overview-chart').locator('path.recharts-rectangle').first()).toBeVisible();

    const failing = page.getByTestId('overview-failing-target').filter({ hasText: targetName });
    await expect(failing).toContainText('Custom webhook');
    await expect(failing).toContainText('HTTP 401');
    await expect(failing).toContainText('1 failed in 24 h');

    const spender = page.getByTestId('overview-spender').filter({ hasText: userName });
    await expect(spender).toContainText('$900.00');
    await expect(spender).toContainText('2');
    await expect(spender).toContainText('250K');

    const quota = page.getByTestId('overview-quota').filter({ hasText: userName });
    await expect(quota.getByTestId('overview-quota-weekly')).toContainText('$900.00 / $800.00');
    await expect(quota.getByTestId('overview-quota-weekly')).toContainText('113 %');
    await expect(quota.locator('[data-color="red"]')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: `${userName}, Week: $900.00 of $800.00` })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );

    const alert = page.getByTestId('overview-circuit-breaker').filter({ hasText: providerName });
    await expect(alert).toContainText('7');
    await expect(alert).toContainText('upstream overloaded');
    await expect(alert).toContainText('Failed 1');

    // A failing target opens its failed deliveries.
    await failing.click();
    await expect(page).toHaveURL(new RegExp(`/deliveries\\?target=${target.id}&status=failed$`));
    await expect(pageTitle(page, 'Deliveries')).toBeVisible();

    // Today's "Failed" card opens today's failed deliveries, the day read in the system zone.
    await page.goto('/');
    await page.getByTestId('overview-today-failed-link').click();
    await expect(page).toHaveURL(/\/deliveries\?status=failed&from=[^&]+&to=/);
    await expect(page.getByRole('combobox', { name: 'Time' })).toHaveValue('Custom range');
    await expect(
      page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: targetName }).first(),
    ).toBeVisible();
    // And each day under the chart opens that day.
    await page.goto('/');
    const days = page.getByTestId('overview-chart-days').getByRole('link');
    await expect(days).toHaveCount(7);
    await days.last().click();
    await expect(page).toHaveURL(/\/deliveries\?from=[^&]+&to=/);

    // Usable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.getByTestId('overview-spender').filter({ hasText: userName })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('overview-phone.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: test.info().outputPath('overview-desktop.png'), fullPage: true });
  } finally {
    await mutate(request, 'bindings.set', {
      notificationType: 'circuit_breaker',
      bindings: previousBindings.map((b) => ({
        targetId: b.targetId,
        isEnabled: b.isEnabled,
        scheduleCron: b.scheduleCron,
        scheduleTimezone: b.scheduleTimezone,
        templateOverride: b.templateOverride,
      })),
    });
    await mutate(request, 'settings.update', {
      enabled: before.enabled,
      useLegacyMode: before.useLegacyMode,
      circuitBreakerEnabled: before.circuitBreakerEnabled,
    });
    await fake.close();
  }
}

test('the overview is in Chinese when the UI is', async ({ page }) => {
  const chooseLanguage = async (name: 'English' | '简体中文') => {
    await page.getByRole('button', { name: /^(language|语言): /i }).click();
    await page.getByRole('menuitem', { name }).click();
  };
  await page.goto('/');
  await expect(pageTitle(page, 'Overview')).toBeVisible();
  await chooseLanguage('简体中文');
  try {
    await expect(pageTitle(page, '概览')).toBeVisible();
    await expect(page.getByTestId('overview-today')).toContainText('已送达');
    await expect(page.getByTestId('overview-chart')).toContainText('最近 7 天');
    await expect(page.getByTestId('overview-circuit-breakers')).toContainText('熔断告警');
  } finally {
    await chooseLanguage('English');
  }
  await expect(pageTitle(page, 'Overview')).toBeVisible();
});

test('a failed load says why and loads again on retry', async ({ page }) => {
  let refuse = true;
  await page.route(/\/trpc\/[^?]*overview\.get/, async (route) => {
    if (refuse) await route.fulfill({ status: 503, contentType: 'text/plain', body: 'maintenance' });
    else await route.continue();
  });
  await page.goto('/');
  const error = page.getByTestId('overview-error');
  await expect(error).toContainText('Could not load the overview', { timeout: 20_000 });
  await expect(page.getByTestId('overview-today')).toBeHidden();
  refuse = false;
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('overview-today-delivered-value')).toBeVisible();
  await expect(error).toBeHidden();
});

test('with notifications switched off the overview says so and leads to the switch', async ({ page, request }) => {
  const before = await query<{ enabled: boolean }>(request, 'settings.get');
  await mutate(request, 'settings.update', { enabled: false });
  try {
    await page.goto('/');
    const banner = page.getByTestId('overview-switched-off');
    await expect(banner).toContainText('Notifications are switched off');
    await banner.getByRole('link', { name: 'Turn them on' }).click();
    await expect(pageTitle(page, 'Notifications')).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Send notifications' })).not.toBeChecked();

    await mutate(request, 'settings.update', { enabled: true });
    await page.goto('/');
    await expect(page.getByTestId('overview-today')).toBeVisible();
    await expect(page.getByTestId('overview-switched-off')).toHaveCount(0);
  } finally {
    await mutate(request, 'settings.update', { enabled: before.enabled });
  }
});
