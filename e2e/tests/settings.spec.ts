import { expect } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

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
  await page.getByRole('option', { name: '(UTC+08:00) Shanghai — Asia/Shanghai', exact: true }).click();
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

  // The change is in the audit log, its own tab: one sentence, then each field before and after.
  await page.getByRole('tab', { name: 'Audit log' }).click();
  const change = page
    .getByTestId('audit-entry')
    .filter({ hasText: 'admin changed the settings: Message language and Time zone' })
    .first();
  await expect(change).toBeVisible();
  const rows = change.getByRole('table', { name: 'Changes of this entry' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Time zone' })).toHaveText('Time zoneUTCAsia/Shanghai');
  await expect(rows.filter({ hasText: 'Message language' })).toHaveText(
    'Message languageSimplified Chinese (zh-CN)English (en)',
  );
});
