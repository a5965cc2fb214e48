import { expect } from '@playwright/test';
import { mainNav, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

test('a signed-in visitor to /login goes straight to the dashboard', async ({ page }) => {
  await page.goto('/login?redirect=%2Fsettings');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(pageTitle(page, 'Settings')).toBeVisible();
});

test('the colour scheme toggle switches light and dark and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-mantine-color-scheme', 'light');

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(root).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(root).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(root).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the navbar opens from the burger and closes after choosing a page', async ({ page }) => {
    await page.goto('/');
    await expect(pageTitle(page, 'Overview')).toBeVisible();
    const nav = mainNav(page);
    await expect(nav).not.toBeInViewport();

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect(nav).toBeInViewport();
    await nav.getByRole('link', { name: 'Deliveries' }).click();

    await expect(pageTitle(page, 'Deliveries')).toBeVisible();
    await expect(nav).not.toBeInViewport();
  });
});

test('an unknown address shows a not-found page with a way back', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(pageTitle(page, 'Overview')).toBeVisible();
});
