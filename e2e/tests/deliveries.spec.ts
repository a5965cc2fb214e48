import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { mutate, query } from '../fixtures/api.ts';
import { pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

/** A webhook on 127.0.0.1 that answers 500 the first time and 200 afterwards. */
async function flakyWebhook(): Promise<{ server: Server; url: string; received: unknown[] }> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(body);
      res.writeHead(received.length === 1 ? 500 : 200, { 'content-type': 'application/json' });
      res.end(received.length === 1 ? '{"error":"try later"}' : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hook`, received };
}

test.use({ storageState: SIGNED_IN_STATE });

test('the delivery log starts empty, then shows a leaderboard with its attempts and body', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await page.goto('/deliveries');
  await expect(pageTitle(page, 'Deliveries')).toBeVisible();
  await expect(page.getByText('No deliveries yet. Every message Herald sends will be recorded here.')).toBeVisible();

  const webhook = await flakyWebhook();
  try {
    const target = (await mutate(request, 'targets.create', {
      name: 'E2E leaderboard hook',
      providerType: 'custom',
      webhookUrl: webhook.url,
      customTemplate: { marker: 'e2e-leaderboard', title: '{{title}}', text: '{{sections}}' },
    })) as { id: string };
    await mutate(request, 'bindings.set', {
      notificationType: 'daily_leaderboard',
      bindings: [{ targetId: target.id, isEnabled: true }],
    });
    await mutate(request, 'settings.update', { enabled: true, useLegacyMode: false, dailyLeaderboardEnabled: true });

    const { key } = (await mutate(request, 'apiKeys.create', { name: 'E2E deliveries hub' })) as { key: string };
    const hub = { authorization: `Bearer ${key}` };
    await mutate(request, 'hub.syncUsers', { users: [{ id: 'e2e-user-1', name: 'Alice E2E' }] }, hub);
    await mutate(
      request,
      'hub.recordUsage',
      {
        records: [
          {
            requestId: 'e2e-req-1',
            userId: 'e2e-user-1',
            providerId: 'e2e-provider-1',
            costUsd: 1.25,
            inputTokens: 1000,
            outputTokens: 500,
          },
        ],
      },
      hub,
    );
    await mutate(request, 'notifications.trigger', { notificationType: 'daily_leaderboard' });

    // The sender retries the 500 after a second and gets a 200: wait until it is delivered.
    await expect
      .poll(
        async () => {
          const page = (await query(request, 'deliveries.list', { notificationType: 'daily_leaderboard' })) as {
            items: Array<{ status: string }>;
          };
          return page.items[0]?.status;
        },
        { timeout: 20_000 },
      )
      .toBe('delivered');

    await page.reload();
    const table = page.getByRole('table', { name: 'Deliveries' });
    const row = table.getByRole('row').filter({ hasText: 'E2E leaderboard hook' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Daily leaderboard');
    await expect(row).toContainText('Custom webhook');

    await row.getByRole('button', { name: /^Details of the delivery at / }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery details' });
    await expect(drawer).toBeVisible();
    const attempts = drawer.getByRole('table', { name: 'Attempts' });
    await expect(attempts.getByRole('row').filter({ hasText: '500' }).first()).toBeVisible();
    await expect(attempts.getByRole('row').filter({ hasText: 'Success' })).toHaveCount(1);
    await expect(drawer.getByText('"marker": "e2e-leaderboard"')).toBeVisible();

    await drawer.getByRole('button', { name: 'Resend' }).click();
    await expect(page.getByText('Delivery queued again.')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'E2E leaderboard hook' })).toHaveCount(2);
    await expect.poll(() => webhook.received.length, { timeout: 15_000 }).toBe(3);

    // The filter lives in the URL and narrows the table.
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.goto('/deliveries?type=cost_alert');
    await expect(page.getByText('No deliveries match these filters.')).toBeVisible();
    await page.goto('/deliveries?type=daily_leaderboard&status=bogus');
    await expect(page.getByRole('table', { name: 'Deliveries' }).getByRole('row')).toHaveCount(3);
  } finally {
    await new Promise((resolve) => webhook.server.close(resolve));
  }
});

// Uses the deliveries the test above made (tests in a file run in order).
test('the time filter: a preset, a custom range read in the admin time zone, a backwards range refused', async ({
  page,
}) => {
  await page.goto('/deliveries?range=24h');
  const table = page.getByRole('table', { name: 'Deliveries' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const time = page.getByRole('combobox', { name: 'Time' });
  await expect(time).toHaveValue('Last 24 hours');

  await time.click();
  await page.getByRole('option', { name: 'Custom range' }).click();
  const from = page.getByRole('textbox', { name: 'From', exact: true });
  await expect(from).toHaveAccessibleDescription(/^In /);
  // Ten years after anything in the log (this process's clock is the server's), then a "To" before it.
  const future = new Date().getUTCFullYear() + 10;
  await from.fill(`${future}-01-01T00:00`);
  await expect(page).toHaveURL(new RegExp(`from=${future}-01-01T`));
  await expect(page.getByText('No deliveries match these filters.')).toBeVisible();

  await page.getByRole('textbox', { name: 'To', exact: true }).fill(`${future - 1}-01-01T00:00`);
  await expect(page.getByText('Must be after “From”.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'To', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/to=/);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/deliveries$/);
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'From', exact: true })).toHaveCount(0);
});
