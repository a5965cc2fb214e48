import { expect } from '@playwright/test';
import { mainNav, PAGES, pageTitle } from '../fixtures/app.ts';
import { loginForm, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

const html = (page: import('@playwright/test').Page) => page.locator('html');

async function chooseLanguage(page: import('@playwright/test').Page, name: 'English' | '简体中文') {
  await page.getByRole('button', { name: /^(language|语言): /i }).click();
  await page.getByRole('menuitem', { name }).click();
}

test.describe('signed in', () => {
  test.use({ storageState: SIGNED_IN_STATE });

  test('switching language changes the text, <html lang> and the tab title, and is remembered', async ({ page }) => {
    await page.goto('/targets');
    await expect(pageTitle(page, 'Targets')).toBeVisible();
    await expect(html(page)).toHaveAttribute('lang', 'en');

    await chooseLanguage(page, '简体中文');
    await expect(pageTitle(page, '推送目标')).toBeVisible();
    await expect(mainNav(page).getByRole('link')).toHaveText(PAGES.map((p) => p.zh));
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle('推送目标 · Herald');

    await page.reload();
    await expect(pageTitle(page, '推送目标')).toBeVisible();
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');

    await chooseLanguage(page, 'English');
    await expect(pageTitle(page, 'Targets')).toBeVisible();
    await expect(mainNav(page).getByRole('link')).toHaveText(PAGES.map((p) => p.en));
    await expect(html(page)).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Targets · Herald');
  });
});

test.describe('a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the login page in Chinese and can switch it to English', async ({ page }) => {
    await page.goto('/login');
    const form = loginForm(page);
    await expect(page.getByRole('heading', { level: 1, name: '登录 Herald' })).toBeVisible();
    await expect(form.token).toBeVisible();
    await expect(form.submit).toHaveText('登录');
    await expect(html(page)).toHaveAttribute('lang', 'zh-CN');

    await chooseLanguage(page, 'English');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Herald' })).toBeVisible();
    await expect(page.getByLabel(/^Admin token/)).toBeVisible();
    await expect(form.submit).toHaveText('Sign in');
    await expect(html(page)).toHaveAttribute('lang', 'en');
  });
});
