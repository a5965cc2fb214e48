import { expect } from '@playwright/test';
import { loginUrlFor, pageTitle } from '../fixtures/app.ts';
import { signInViaApi } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

// Its own session: logging out ends it on the server, so the shared one must not be used.
test('logging out returns to login, and admin pages and calls are refused afterwards', async ({ page, context }) => {
  await signInViaApi(page.request);
  await page.goto('/settings');
  await expect(pageTitle(page, 'Settings')).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await context.cookies()).some((c) => c.name === 'herald_session')).toBe(false);

  await page.goto('/');
  await expect(page).toHaveURL(loginUrlFor('/'));
  await page.goto('/api-keys');
  await expect(page).toHaveURL(loginUrlFor('/api-keys'));

  const refused = await page.request.get('/trpc/apiKeys.list');
  expect(refused.status()).toBe(401);
});
