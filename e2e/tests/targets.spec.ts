import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

/** A webhook on 127.0.0.1 that answers like WeCom's group robot. */
async function fakeWeCom(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=e2e-key-123456`, received };
}

test.use({ storageState: SIGNED_IN_STATE });

test('a WeCom target is created, tested, edited without retyping its URL and tested again', async ({ page }) => {
  test.setTimeout(60_000);
  const wecom = await fakeWeCom();
  const name = `Team WeCom ${Date.now().toString(36)}`;
  try {
    await page.goto('/targets');
    await expect(pageTitle(page, 'Targets')).toBeVisible();

    await page.getByRole('button', { name: 'Add target' }).click();
    const form = page.getByRole('dialog', { name: 'Add a target' });
    await expect(form.getByRole('radiogroup', { name: 'Channel' })).toBeVisible();
    await form.getByLabel(/^Name/).fill(name);
    await form.getByLabel(/^Webhook URL/).fill('not a url');
    await form.getByRole('button', { name: 'Add target' }).click();
    await expect(form.getByText('Enter a full URL, such as https://example.com/hook.')).toBeVisible();
    await expect(form.getByLabel(/^Webhook URL/)).toHaveAccessibleDescription(/Enter a full URL, such as https:/);

    await form.getByLabel(/^Webhook URL/).fill(wecom.url);
    await form.getByRole('button', { name: 'Add target' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByText(`Target “${name}” added.`)).toBeVisible();

    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('WeCom');
    await expect(row).toContainText('Not tested yet');
    await expect(row.getByRole('switch', { name: `Enabled: ${name}` })).toBeChecked();

    // Test: the platform's answer is shown and the row shows success with latency.
    await row.getByRole('button', { name: `Test ${name}` }).click();
    const testDialog = page.getByRole('dialog', { name: `Test “${name}”` });
    await testDialog.getByRole('radiogroup', { name: 'Notification type to send' }).getByText('Cost alert').click();
    await testDialog.getByRole('button', { name: 'Send test' }).click();
    const result = testDialog.getByRole('status', { name: 'Result' });
    await expect(result).toContainText(/Delivered in \d+ ms/);
    await expect(result).toContainText('HTTP status: 200');
    await expect(result).toContainText('"errmsg":"ok"');
    await testDialog.getByRole('button', { name: 'Close' }).first().click();
    await expect(testDialog).toBeHidden();
    await expect(row).toContainText('Success');
    await expect(row).toContainText(/\d+ ms/);
    expect(wecom.received).toHaveLength(1);
    // The whole stored result: status code, the platform's answer, the type sent.
    await row.getByRole('button', { name: `Last test details of ${name}` }).click();
    const details = page.getByTestId('last-test-json');
    await expect(details).toContainText('"success": true');
    await expect(details).toContainText('"statusCode": 200');
    await expect(details).toContainText('"notificationType": "cost_alert"');
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    expect(JSON.parse(wecom.received[0] ?? '{}')).toHaveProperty('msgtype');

    // Edit without retyping the URL: the stored one is kept.
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit target' });
    // Its channel is fixed: the only one shown, with the reason.
    const channels = edit.getByRole('radiogroup', { name: 'Channel' });
    await expect(channels.getByRole('radio')).toHaveCount(1);
    await expect(channels.getByRole('radio', { name: 'WeCom' })).toBeChecked();
    await expect(edit.getByText('The channel of an existing target cannot be changed.')).toBeVisible();
    const url = edit.getByLabel(/^Webhook URL/);
    await expect(url).toHaveValue('');
    await expect(url).toHaveAttribute('placeholder', /^set \(…/);
    await edit.getByLabel(/^Name/).fill(`${name} v2`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByText(`Target “${name} v2” saved.`)).toBeVisible();

    const renamed = page.getByRole('row', { name: new RegExp(`${name} v2`) });
    await renamed.getByRole('button', { name: `Test ${name} v2` }).click();
    const again = page.getByRole('dialog', { name: `Test “${name} v2”` });
    await again.getByRole('button', { name: 'Send test' }).click();
    await expect(again.getByRole('status', { name: 'Result' })).toContainText(/Delivered in \d+ ms/);
    expect(wecom.received).toHaveLength(2);
    await again.getByRole('button', { name: 'Close' }).first().click();
    await expect(renamed).toContainText('Success');

    await renamed.getByRole('button', { name: `Delete ${name} v2` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete target' });
    await expect(confirm).toContainText(`${name} v2`);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(renamed).toHaveCount(0);
  } finally {
    await new Promise((resolve) => wecom.server.close(resolve));
  }
});

test('a custom target shows its body rendered live and flags unknown placeholders', async ({ page }) => {
  await page.goto('/targets');
  await expect(pageTitle(page, 'Targets')).toBeVisible();
  await page.getByRole('button', { name: 'Add target' }).click();
  const form = page.getByRole('dialog', { name: 'Add a target' });
  await form.getByRole('radiogroup', { name: 'Channel' }).getByText('Custom webhook').click();

  await expect(form.getByLabel(/^Standard Webhooks signing secret/)).toBeVisible();
  await expect(form.getByLabel(/^Headers/)).toBeVisible();
  const body = form.getByRole('region', { name: 'Rendered body' });
  await expect(body).toContainText('"type": "circuit_breaker"');

  await form
    .getByRole('radiogroup', { name: 'Notification type for the preview' })
    .getByText('Daily leaderboard')
    .click();
  await expect(body).toContainText('"type": "daily_leaderboard"');

  const template = form.getByLabel(/^Body template/);
  await template.fill('{"who": "{{nobody_knows}}", "title": "{{title}}"}');
  await expect(
    form.getByText('who: “nobody_knows” is not a placeholder Herald knows here.', { exact: false }),
  ).toBeVisible();
  await template.fill('{"headline": "{{title}}"}');
  await expect(body).toContainText('"headline"');

  // Telegram shows exactly its own fields.
  await form.getByRole('radiogroup', { name: 'Channel' }).getByText('Telegram').click();
  await expect(form.getByLabel(/^Bot token/)).toBeVisible();
  await expect(form.getByLabel(/^Chat id/)).toBeVisible();
  await expect(form.getByLabel(/^Webhook URL/)).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
});
