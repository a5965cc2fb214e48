import { expect } from '@playwright/test';
import { mainNav, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

test('keyboard only: skip to the page, open a dialog, fill and submit it, close it, move between pages', async ({
  page,
}) => {
  const name = `Keyboard hub ${Date.now().toString(36)}`;
  await page.goto('/api-keys');
  await expect(pageTitle(page, 'API keys')).toBeVisible();

  // The first Tab stop is the skip link; it lands past the header and navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the page' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create API key' })).toBeFocused();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');

  const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
  await expect(shown).toBeVisible();
  // Shown once: Escape does not throw it away by accident; Done does.
  await page.keyboard.press('Escape');
  await expect(shown).toBeVisible();
  await shown.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(shown).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Active');

  // Navigation links answer Enter.
  await mainNav(page).getByRole('link', { name: 'Deliveries' }).focus();
  await page.keyboard.press('Enter');
  await expect(pageTitle(page, 'Deliveries')).toBeVisible();
  await expect(page).toHaveURL(/\/deliveries$/);
});
