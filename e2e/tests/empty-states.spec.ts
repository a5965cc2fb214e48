import { expect, type Locator, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { customTargetBoundTo, mutate, query } from '../fixtures/api.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// Every empty list shows why and the button that fills it (on a fresh Herald: nothing yet), at
// 1280 and 390 px, in 简体中文 and English. Then, with one delivery, where toasts land: never over
// the header, the navbar, an open drawer's or dialog's buttons. And badges keep their case in Chinese.

test.use({ storageState: SIGNED_IN_STATE });

const LANGUAGES = ['zh-CN', 'en'] as const;
const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 800 } },
  { name: '390 px', viewport: { width: 390, height: 844 } },
] as const;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where the element sits once nothing moves: a toast slides in, and mid-slide it is elsewhere. */
async function box(locator: Locator): Promise<Box> {
  await locator.page().waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const found = await locator.boundingBox();
  expect(found, 'element has a box').not.toBeNull();
  return found as Box;
}

/** The page never scrolls sideways (the empty state fits a phone). */
async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
}

/** The empty state holding `text`: its frame, to find its button in. */
const emptyState = (page: Page, text: string) =>
  page.locator('.mantine-EmptyState-root').filter({ has: page.getByText(text, { exact: true }) });

test.beforeAll(async ({ request }) => {
  // Multi-target mode: the routing grid and the per-type bindings (the defaults are legacy mode).
  await mutate(request, 'settings.update', { useLegacyMode: false });
});

for (const language of LANGUAGES) {
  const t = resources[language].translation;
  for (const { name: width, viewport } of WIDTHS) {
    test.describe(`${language} at ${width}`, () => {
      test.use({ viewport });
      test.beforeEach(async ({ page }) => {
        await page.addInitScript(({ key, lang }) => localStorage.setItem(key, lang), {
          key: LANGUAGE_STORAGE_KEY,
          lang: language,
        });
      });

      test('targets, API keys and silences: the empty state’s button opens the dialog that fills it', async ({
        page,
      }) => {
        const cases = [
          ['/targets', t.pages.targets.empty, t.emptyStates.targets.action, t.targets.form.createTitle],
          ['/api-keys', t.pages.apiKeys.empty, t.emptyStates.apiKeys.action, t.apiKeys.createTitle],
          ['/silences', t.silencesPage.empty, t.emptyStates.silences.action, t.silencesPage.form.title],
        ] as const;
        for (const [path, text, action, dialogTitle] of cases) {
          await page.goto(path);
          const empty = emptyState(page, text);
          await expect(empty).toBeVisible();
          await expect(empty.getByText(t.placeholder.title)).toBeVisible();
          await fitsWidth(page);
          await empty.getByRole('button', { name: action, exact: true }).click();
          const dialog = page.getByRole('dialog', { name: dialogTitle });
          await expect(dialog).toBeVisible();
          await page.keyboard.press('Escape');
          await expect(dialog).toBeHidden();
        }
      });

      test('deliveries: nothing sent yet links to Targets and Notifications; no match clears the filters', async ({
        page,
      }) => {
        await page.goto('/deliveries');
        const empty = emptyState(page, t.pages.deliveries.empty);
        await expect(empty).toBeVisible();
        await fitsWidth(page);
        await empty.getByRole('link', { name: t.emptyStates.deliveries.toTargets }).click();
        await expect(page).toHaveURL(/\/targets$/);
        await page.goBack();
        await emptyState(page, t.pages.deliveries.empty)
          .getByRole('link', { name: t.emptyStates.deliveries.toNotifications })
          .click();
        await expect(page).toHaveURL(/\/notifications$/);

        await page.goto('/deliveries?type=cost_alert&status=failed');
        const noMatch = emptyState(page, t.deliveries.noMatch);
        await expect(noMatch.getByText(t.emptyStates.noMatchTitle)).toBeVisible();
        await fitsWidth(page);
        await noMatch.getByRole('button', { name: t.emptyStates.deliveries.showAll }).click();
        await expect(page).toHaveURL(/\/deliveries$/);
        await expect(emptyState(page, t.pages.deliveries.empty)).toBeVisible();
        await expect(page.getByRole('combobox', { name: t.deliveries.filterType })).toHaveValue('');
      });

      test('notifications: no target yet goes straight to the add dialog; no binding says how to bind', async ({
        page,
      }) => {
        await page.goto('/notifications');
        const routing = page.getByRole('region', { name: t.notificationsPage.routing.gridTitle });
        const noTargets = routing.locator('.mantine-EmptyState-root');
        await expect(noTargets).toContainText(t.notificationsPage.routing.noTargets);
        const type = page.getByRole('region', { name: t.notificationsPage.types.circuit_breaker });
        await expect(type.getByText(t.notificationsPage.noBindings, { exact: true })).toBeVisible();
        await expect(type.getByText(t.emptyStates.routing.howToBind, { exact: true })).toBeVisible();
        await fitsWidth(page);

        await noTargets.getByRole('link', { name: t.emptyStates.routing.addTarget }).click();
        await expect(page.getByRole('dialog', { name: t.targets.form.createTitle })).toBeVisible();
        // The parameter that opened it is gone: a reload does not open it again.
        await expect(page).toHaveURL(/\/targets$/);
      });

      test('overview and audit log: a section with no data points to connecting the hub; no change matches', async ({
        page,
      }) => {
        await page.goto('/');
        const chart = page.getByTestId('overview-chart-empty');
        await expect(chart).toContainText(t.overviewPage.chart.empty);
        await fitsWidth(page);
        await chart.getByRole('link', { name: t.emptyStates.overview.connectHub }).click();
        await expect(page).toHaveURL(/\/api-keys$/);

        await page.goto('/settings?tab=audit&auditKind=resend');
        const none = emptyState(page, t.auditLog.filteredEmpty);
        await expect(none.getByText(t.emptyStates.noMatchTitle)).toBeVisible();
        await fitsWidth(page);
      });
    });
  }
}

test.describe('with a delivery', () => {
  let fake: FakeCustom;
  let deliveryId: string;
  const TARGET = 'Toast hook';

  test.beforeAll(async ({ request }) => {
    fake = await startFakeCustom();
    await customTargetBoundTo(request, 'daily_leaderboard', TARGET, fake.webhookUrl);
    await mutate(request, 'settings.update', { enabled: true, dailyLeaderboardEnabled: true });
    const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: 'Toast hub' });
    const hub = { authorization: `Bearer ${key}` };
    await mutate(request, 'hub.syncUsers', { users: [{ id: 'toast-user', name: 'Toast user' }] }, hub);
    await mutate(
      request,
      'hub.recordUsage',
      {
        records: [
          { requestId: 'toast-1', userId: 'toast-user', providerId: 'p1', costUsd: 1, inputTokens: 1, outputTokens: 1 },
        ],
      },
      hub,
    );
    await mutate(request, 'notifications.trigger', { notificationType: 'daily_leaderboard' });
    await expect
      .poll(async () => {
        const list = await query<{ items: Array<{ id: string; status: string }> }>(request, 'deliveries.list', {});
        deliveryId = list.items[0]?.id ?? '';
        return list.items[0]?.status;
      })
      .toBe('delivered');
  });

  test.afterAll(async () => {
    await fake?.close();
  });

  for (const language of LANGUAGES) {
    const t = resources[language].translation;
    for (const { name: width, viewport } of WIDTHS) {
      test(`${language} at ${width}: toasts cover neither the header nor a drawer’s or dialog’s buttons`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await page.addInitScript(({ key, lang }) => localStorage.setItem(key, lang), {
          key: LANGUAGE_STORAGE_KEY,
          lang: language,
        });
        const toast = (text: string) => page.locator('.mantine-Notification-root').filter({ hasText: text });
        const header = page.locator('header.mantine-AppShell-header');

        await page.goto(`/deliveries?delivery=${deliveryId}`);
        const drawer = page.getByRole('dialog', { name: t.deliveries.detailTitle });
        const resend = drawer.getByRole('button', { name: t.deliveries.resend, exact: true });
        const close = drawer.getByRole('button', { name: t.common.close, exact: true });
        await resend.click();
        await expect(toast(t.deliveries.resent)).toBeVisible();
        const shown = await box(toast(t.deliveries.resent));
        expect(overlaps(shown, await box(header)), 'over the header').toBe(false);
        expect(overlaps(shown, await box(resend)), 'over Resend').toBe(false);
        expect(overlaps(shown, await box(close)), 'over Close').toBe(false);
        if (viewport.width >= 768) {
          // Beside the navbar, not over it.
          const navbar = await box(page.getByRole('navigation', { name: t.nav.label }));
          expect(shown.x).toBeGreaterThanOrEqual(navbar.x + navbar.width);
        } else {
          expect(shown.x + shown.width).toBeLessThanOrEqual(viewport.width);
        }

        // A badge keeps its case where the language has none (Chinese), and is uppercased where it has (English).
        const badge = drawer.locator('.mantine-Badge-root').first();
        await expect(badge).toHaveCSS('text-transform', language === 'en' ? 'uppercase' : 'none');

        // The test dialog: its toast arrives while it is open.
        await page.goto('/targets');
        await page.getByRole('button', { name: t.targets.testNamed.replace('{{name}}', TARGET) }).click();
        const dialog = page.getByRole('dialog', { name: t.targets.testDialog.title.replace('{{name}}', TARGET) });
        const send = dialog.getByRole('button', { name: t.targets.testDialog.send, exact: true });
        await send.click();
        const notice = toast(t.targets.testDialog.successNotice.replace('{{name}}', TARGET));
        await expect(notice).toBeVisible();
        const tested = await box(notice);
        for (const button of await dialog.getByRole('button').all()) {
          expect(overlaps(tested, await box(button)), `over ${await button.textContent()}`).toBe(false);
        }
        expect(overlaps(tested, await box(header)), 'over the header').toBe(false);
      });
    }
  }
});
