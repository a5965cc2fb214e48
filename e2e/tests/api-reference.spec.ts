import { expect, type Page } from '@playwright/test';
import { mainNav, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Refuses every request to a host other than this machine, as a server without Internet access would; returns what was tried. */
async function offline(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.context().route(
    (url) => !LOOPBACK.has(url.hostname),
    async (route) => {
      refused.push(route.request().url());
      await route.abort('internetdisconnected');
    },
  );
  return refused;
}

test('the API reference works offline and documents what a hub calls', async ({ page }) => {
  // Scalar is 1.6 MB of script: on a busy two-core machine it takes seconds to start.
  test.setTimeout(60_000);
  const refused = await offline(page);
  await page.goto('/');
  await mainNav(page).getByRole('link', { name: 'API reference' }).click();
  await expect(page).toHaveURL(/\/api-reference$/);
  await expect(pageTitle(page, 'API reference')).toBeVisible();

  // Scalar renders /openapi.json: the hub's tag and its procedures, then a procedure's fields with their limits.
  const reference = page.locator('.scalar-app');
  await expect(reference.getByText('hub.recordUsage').first()).toBeVisible({ timeout: 20_000 });
  await reference.getByText('hub.recordUsage').first().click();
  const operation = page.locator('[id*="hub.recordUsage" i], [id*="hubrecordusage" i]').first();
  await expect(operation).toBeVisible();
  await expect(page.getByText('costUsd').first()).toBeVisible();

  // Scalar's hosted extras are off: they would need the Internet.
  await expect(page.getByRole('button', { name: 'Ask AI' })).toHaveCount(0);
  expect(refused, 'requests to other hosts').toEqual([]);
});

test('the viewer is loaded only by its page', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/deliveries');
  await expect(pageTitle(page, 'Deliveries')).toBeVisible();
  expect(scripts.filter((s) => s.includes('scalar-reference'))).toEqual([]);

  await mainNav(page).getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByText('hub.recordUsage').first()).toBeVisible({ timeout: 20_000 });
  expect(scripts.some((s) => /scalar-reference-.*\.js$/.test(s))).toBe(true);
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the reference fits the width: nothing scrolls sideways', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/api-reference');
    await expect(pageTitle(page, 'API reference')).toBeVisible();
    await expect(page.getByText('Herald API', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
