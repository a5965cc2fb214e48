import { type APIRequestContext, expect, test } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function mutate(request: APIRequestContext, name: string, input: unknown): Promise<unknown> {
  const response = await request.post(`/trpc/${name}`, {
    headers: { ...admin, 'content-type': 'application/json' },
    data: input,
  });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: unknown } }).result.data;
}

async function query(request: APIRequestContext, name: string): Promise<unknown> {
  const response = await request.get(`/trpc/${name}`, { headers: admin });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: unknown } }).result.data;
}

test.use({ storageState: SIGNED_IN_STATE });

test('a target is bound to the leaderboard with a cron and time zone, scheduled, and a bad cron is shown at its field', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const name = `E2E schedule hook ${Date.now().toString(36)}`;
  await mutate(request, 'targets.create', {
    name,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/hook',
    customTemplate: { title: '{{title}}', text: '{{sections}}' },
  });

  await page.goto('/notifications');
  await expect(pageTitle(page, 'Notifications')).toBeVisible();

  const general = page.getByRole('region', { name: 'General' });
  const globalSwitch = general.getByRole('switch', { name: 'Send notifications' });
  await globalSwitch.check();
  await expect(globalSwitch).toBeChecked();
  await general.getByText('Multi-target (bindings)').click();
  await general.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.').first()).toBeVisible();

  const card = page.getByRole('region', { name: 'Daily leaderboard' });
  const typeSwitch = card.getByRole('switch', { name: 'Enabled' }).first();
  await expect(typeSwitch).toBeVisible();
  await typeSwitch.check();
  await expect(typeSwitch).toBeChecked();

  // Replace whatever other specs bound: remove the existing rows, then add ours.
  const rows = card.getByTestId('binding-row');
  while ((await rows.count()) > 0) await rows.first().getByRole('button', { name: 'Remove' }).click();
  await card.getByRole('combobox', { name: 'Add a target' }).click();
  await page.getByRole('option', { name, exact: true }).click();
  const row = rows.filter({ hasText: name });
  await row.getByLabel('Cron (optional)').fill('30 9 * * 1-5');
  await row.getByLabel('Time zone (optional)').fill('Asia/Shanghai');
  await expect(row.getByText('Weekdays at 09:30')).toBeVisible();
  await expect(row.getByTestId('next-runs')).toContainText('Next runs:');

  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.').first()).toBeVisible();

  await expect
    .poll(async () => {
      const schedules = (await query(request, 'notifications.schedules')) as Array<{
        queue: string;
        cron: string;
        tz: string;
      }>;
      return schedules.some((s) => s.cron === '30 9 * * 1-5' && s.tz === 'Asia/Shanghai');
    })
    .toBe(true);

  await row.getByLabel('Cron (optional)').fill('61 9 * * *');
  await expect(row.getByTestId('next-runs')).toHaveCount(0);
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/^Could not save/).first()).toBeVisible();
  const cron = row.getByLabel('Cron (optional)');
  await expect(cron).toHaveAttribute('aria-invalid', 'true');
  await expect(row.locator('.mantine-TextInput-error')).toBeVisible();
});
