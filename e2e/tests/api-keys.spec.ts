import { expect } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE, signInViaApi } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

const hubPing = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

test.describe('with the shared session', () => {
  test.use({ storageState: SIGNED_IN_STATE });

  test('a created key is shown once, works for the hub, and stops working when revoked', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/api-keys');
    await expect(pageTitle(page, 'API keys')).toBeVisible();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect(form.getByText('Enter a name for the key.')).toBeVisible();
    await form.getByLabel('Name').fill('Production hub');
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
    const key = await shown.getByLabel('New API key').inputValue();
    expect(key.length).toBeGreaterThanOrEqual(32);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await expect(shown.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    const ping = await request.get('/trpc/hub.ping', hubPing(key));
    expect(await ping.json()).toMatchObject({ result: { data: { ok: true, apiKeyName: 'Production hub' } } });

    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();
    const row = page.getByRole('row', { name: /Production hub/ });
    await expect(row).toContainText('Active');
    await expect(row).toContainText(key.slice(0, 12));
    await expect(row).not.toContainText(key);

    await row.getByRole('button', { name: 'Revoke Production hub' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API key' });
    await expect(confirm).toContainText('Production hub');
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();

    await expect(confirm).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button')).toHaveCount(0);
    expect((await request.get('/trpc/hub.ping', hubPing(key))).status()).toBe(401);
  });
});

// Its own session, because the test ends it.
test('a call refused because the session ended elsewhere leads back to sign-in', async ({ page, playwright }) => {
  await signInViaApi(page.request);
  await page.goto('/api-keys');
  await expect(pageTitle(page, 'API keys')).toBeVisible();

  const elsewhere = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: { cookies: await page.context().cookies(), origins: [] },
  });
  expect((await elsewhere.post('/trpc/auth.logout', { data: {} })).ok()).toBe(true);
  await elsewhere.dispose();

  await page.getByRole('button', { name: 'Create API key' }).click();
  const form = page.getByRole('dialog', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('Too late');
  await form.getByRole('button', { name: 'Create key' }).click();

  await expect(page).toHaveURL(/\/login\?redirect=%2Fapi-keys$/);
  await expect(page.getByText('Your session has ended. Sign in again to continue.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
