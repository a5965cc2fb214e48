import { expect } from '@playwright/test';
import { loginUrlFor, mainNav, PAGES, pageTitle } from '../fixtures/app.ts';
import { loginForm, signInThroughForm } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.describe('signing in through the form', () => {
  test('a wrong token shows an error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    const form = loginForm(page);
    await form.token.fill('definitely-not-the-admin-token');
    await form.submit.click();

    await expect(form.error).toContainText('Wrong admin token');
    await expect(page).toHaveURL(/\/login$/);
    await expect(form.token).toBeVisible();
    await expect(form.submit).toBeEnabled();
  });

  test('an empty token is refused before anything is sent', async ({ page }) => {
    await page.goto('/login');
    const sent: string[] = [];
    page.on('request', (r) => r.url().includes('auth.login') && sent.push(r.url()));
    await loginForm(page).submit.click();

    await expect(page.getByText('Enter the admin token.')).toBeVisible();
    expect(sent).toEqual([]);
  });

  test('an unreachable server is reported as such', async ({ page }) => {
    await page.goto('/login');
    await page.route('**/trpc/auth.login**', (route) => route.abort('connectionrefused'));
    await signInThroughForm(page);

    await expect(loginForm(page).error).toContainText('Could not reach the Herald server');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('the right token opens the dashboard, and every navbar link opens its page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(loginUrlFor('/'));
    await signInThroughForm(page);

    await expect(pageTitle(page, 'Overview')).toBeVisible();
    const nav = mainNav(page);
    await expect(nav.getByRole('link')).toHaveText(PAGES.map((p) => p.en));

    for (const { path, en } of [...PAGES.slice(1), PAGES[0]]) {
      const link = nav.getByRole('link', { name: en, exact: true });
      await link.click();
      await expect(page).toHaveURL((url) => url.pathname === path);
      await expect(pageTitle(page, en)).toBeVisible();
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    }

    await page.goBack();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(pageTitle(page, 'Settings')).toBeVisible();
  });

  test('a deep link when signed out comes back after signing in', async ({ page }) => {
    await page.goto('/deliveries');
    await expect(page).toHaveURL(loginUrlFor('/deliveries'));
    await signInThroughForm(page);

    await expect(page).toHaveURL(/\/deliveries$/);
    await expect(pageTitle(page, 'Deliveries')).toBeVisible();
  });

  test('the session cookie is httpOnly and SameSite=Strict; off-site redirects are ignored', async ({
    page,
    context,
  }) => {
    await page.goto('/login?redirect=//evil.example/steal');
    await signInThroughForm(page);
    await expect(pageTitle(page, 'Overview')).toBeVisible();
    await expect(page).toHaveURL((url) => url.origin === new URL(page.url()).origin && url.pathname === '/');

    const session = (await context.cookies()).find((c) => c.name === 'herald_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('herald_session');
  });
});
