import { expect, test } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';

test.use({ storageState: SIGNED_IN_STATE });

test('the time zone and message language are saved, kept after a reload and audited', async ({ page, request }) => {
  // From a known start, whatever earlier specs saved: the change below is then a real change.
  const reset = await request.post('/trpc/settings.update', {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { timezone: 'UTC', locale: 'zh-CN' },
  });
  expect(reset.status(), await reset.text()).toBe(200);
  await page.goto('/settings');
  await expect(pageTitle(page, 'Settings')).toBeVisible();

  const timezone = page.getByRole('combobox', { name: 'Time zone' });
  await timezone.click();
  await timezone.fill('Asia/Shang');
  await page.getByRole('option', { name: 'Asia/Shanghai', exact: true }).click();
  await expect(timezone).toHaveValue('Asia/Shanghai');

  const locale = page.getByRole('combobox', { name: 'Message language' });
  await locale.click();
  await page.getByRole('option', { name: 'English (en)' }).click();
  await expect(locale).toHaveValue('English (en)');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Shanghai');
  await expect(page.getByRole('combobox', { name: 'Message language' })).toHaveValue('English (en)');

  const audit = page.getByRole('table', { name: 'Audit log' });
  const change = audit.getByRole('row').filter({ hasText: 'settings.update' }).filter({ hasText: 'Asia/Shanghai' });
  await expect(change.first()).toBeVisible();
  await expect(change.first()).toContainText('locale: "zh-CN" → "en"');
});
