import { expect, type Locator, type Page } from '@playwright/test';
import { pageTitle, takeToast } from '../fixtures/app.ts';
import { signInThroughForm } from '../fixtures/auth.ts';
import { startBrowserClock } from '../fixtures/clock.ts';
import { FAKE_TELEGRAM_PORT } from '../fixtures/env.ts';
import { openType, saveChanges } from '../fixtures/notifications.ts';
import {
  type FakeCustom,
  type FakeDingtalk,
  type FakeFeishu,
  type FakeTelegram,
  type FakeWecom,
  startFakeCustom,
  startFakeDingtalk,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
  WECOM_CODES,
} from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// The whole admin journey, in one browser session, against the fake platforms (which
// check signatures and answer with each platform's own codes).

const run = Date.now().toString(36);
const FEISHU_SECRET = 'e2e-feishu-sign-secret';
const DINGTALK_SECRET = 'SECe2e0dingtalk0sign0secret';
const SIGNING_SECRET = `whsec_${Buffer.from('e2e-standard-webhooks-secret').toString('base64')}`;
const CHAT_ID = '-1001234567890';

type Fakes = {
  wecom: FakeWecom;
  feishu: FakeFeishu;
  dingtalk: FakeDingtalk;
  telegram: FakeTelegram;
  custom: FakeCustom;
};

const names = {
  wecom: `WeCom ops ${run}`,
  feishu: `Feishu ops ${run}`,
  dingtalk: `DingTalk ops ${run}`,
  telegram: `Telegram ops ${run}`,
  custom: `Custom ops ${run}`,
};

let fakes: Fakes;

test.beforeAll(async () => {
  fakes = {
    wecom: await startFakeWecom({ key: `wecom-key-${run}` }),
    feishu: await startFakeFeishu({ secret: FEISHU_SECRET, hookId: `feishu-hook-${run}` }),
    dingtalk: await startFakeDingtalk({ secret: DINGTALK_SECRET, accessToken: `dingtalk-token-${run}` }),
    telegram: await startFakeTelegram({ port: Number(FAKE_TELEGRAM_PORT) }),
    custom: await startFakeCustom({ signingSecret: SIGNING_SECRET }),
  };
});

test.afterAll(async () => {
  await Promise.all(Object.values(fakes ?? {}).map((fake) => fake.close()));
});

async function openAddTarget(page: Page, channel: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Add target' }).click();
  const form = page.getByRole('dialog', { name: 'Add a target' });
  await form.getByRole('radiogroup', { name: 'Channel' }).getByText(channel, { exact: true }).click();
  return form;
}

async function submitNewTarget(page: Page, form: Locator, name: string): Promise<void> {
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(form).toBeHidden();
  await takeToast(page, `Target “${name}” added.`);
}

/** Tests a target from its row and expects the platform to have taken the message. */
async function testTarget(page: Page, name: string): Promise<void> {
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: `Test ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Test “${name}”` });
  await dialog.getByRole('button', { name: 'Send test' }).click();
  await expect(dialog.getByRole('status', { name: 'Result' })).toContainText(/Delivered in \d+ ms/);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Success');
  await expect(row).toContainText(/\d+ ms/);
}

test('the admin journey: five channels, bindings on a schedule, a leaderboard, an edit, a resend, two languages', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Every API answer the dashboard gets, to check at the end that no secret was in one.
  const answers: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/trpc/')) answers.push(response.text().catch(() => ''));
  });

  // The browser's clock starts on Saturday 28 November 2026 (the next runs below depend on it).
  await startBrowserClock(page);
  // Sign in through the form.
  await page.goto('/targets');
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await signInThroughForm(page);
  await expect(pageTitle(page, 'Targets')).toBeVisible();

  // One target per channel, each with exactly its own fields; a bad URL is refused at its field.
  let form = await openAddTarget(page, 'WeCom');
  await form.getByLabel(/^Name/).fill(names.wecom);
  await form.getByLabel(/^Webhook URL/).fill('ftp://example');
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(form.getByLabel(/^Webhook URL/)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('The URL must start with http:// or https://.')).toBeVisible();
  await form.getByLabel(/^Webhook URL/).fill(fakes.wecom.webhookUrl);
  await submitNewTarget(page, form, names.wecom);

  form = await openAddTarget(page, 'Feishu');
  await form.getByLabel(/^Name/).fill(names.feishu);
  await form.getByLabel(/^Webhook URL/).fill(fakes.feishu.webhookUrl);
  await form.getByLabel(/^Signing secret/).fill(FEISHU_SECRET);
  await submitNewTarget(page, form, names.feishu);

  form = await openAddTarget(page, 'DingTalk');
  await form.getByLabel(/^Name/).fill(names.dingtalk);
  await form.getByLabel(/^Webhook URL/).fill(fakes.dingtalk.webhookUrl);
  await form.getByLabel(/^Signing secret/).fill(DINGTALK_SECRET);
  await submitNewTarget(page, form, names.dingtalk);

  form = await openAddTarget(page, 'Telegram');
  await form.getByLabel(/^Name/).fill(names.telegram);
  await expect(form.getByLabel(/^Webhook URL/)).toHaveCount(0);
  await form.getByLabel(/^Bot token/).fill(fakes.telegram.token);
  await form.getByLabel(/^Chat id/).fill(CHAT_ID);
  await submitNewTarget(page, form, names.telegram);

  form = await openAddTarget(page, 'Custom webhook');
  await form.getByLabel(/^Name/).fill(names.custom);
  await form.getByLabel(/^Webhook URL/).fill(fakes.custom.webhookUrl);
  await form.getByLabel(/^Standard Webhooks signing secret/).fill(SIGNING_SECRET);
  await submitNewTarget(page, form, names.custom);

  // Each test reaches its platform, which checked the signature where there is one.
  for (const name of Object.values(names)) await testTarget(page, name);
  for (const fake of Object.values(fakes)) expect(fake.accepted).toHaveLength(1);

  // The hub gets a key from the dashboard and reports usage with it (the leaderboard's data).
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const keyForm = page.getByRole('dialog', { name: 'Create an API key' });
  await keyForm.getByLabel('Name').fill(`Walkthrough hub ${run}`);
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
  const key = await shown.getByLabel('New API key').inputValue();
  await shown.getByRole('button', { name: 'Done' }).click();
  await hubCall(page, key, 'hub.syncUsers', { users: [{ id: `walk-${run}`, name: `Walker ${run}` }] });
  await hubCall(page, key, 'hub.recordUsage', {
    records: [
      {
        requestId: `walk-${run}-1`,
        userId: `walk-${run}`,
        providerId: 'walk-provider',
        costUsd: 2.5,
        inputTokens: 900,
        outputTokens: 300,
      },
    ],
  });

  // Bind all five to the daily leaderboard, each on a cron in a time zone.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(pageTitle(page, 'Notifications')).toBeVisible();
  const general = page.getByRole('region', { name: 'General' });
  await general.getByRole('switch', { name: 'Send notifications' }).check();
  await general.getByText('Multi-target (bindings)').click();
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  await openType(page, 'Daily leaderboard');
  const card = page.getByRole('region', { name: 'Daily leaderboard' });
  await card.getByRole('switch', { name: 'Enabled' }).first().check();
  const rows = card.getByTestId('binding-row');
  while ((await rows.count()) > 0) await rows.first().getByRole('button', { name: 'Remove' }).click();
  for (const name of Object.values(names)) {
    await card.getByRole('combobox', { name: 'Add a target' }).click();
    await page.getByRole('option', { name, exact: true }).click();
  }
  await expect(rows).toHaveCount(5);

  const wecomRow = rows.filter({ hasText: names.wecom });
  await wecomRow.getByLabel('Cron (optional)').fill('0 25 * * *');
  await saveChanges(page);
  await expect(wecomRow.getByLabel('Cron (optional)')).toHaveAttribute('aria-invalid', 'true');

  await wecomRow.getByLabel('Cron (optional)').fill('30 9 * * 1-5');
  await chooseTimeZone(page, wecomRow, 'Asia/Shanghai');
  // Monday 30 November 2026, 09:30 in Shanghai: the first weekday after the browser's Saturday.
  await expect(wecomRow.getByTestId('next-runs')).toContainText('Nov 30, 2026, 9:30 AM');
  await expect(wecomRow.getByTestId('next-runs')).toContainText('Asia/Shanghai');
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  // Run the leaderboard now: one delivery per target, in the log and at every platform.
  await card.getByRole('button', { name: 'Run now' }).click();
  await takeToast(page, /^Ran: the leaderboard is on its way to 5 recipient/);
  for (const fake of Object.values(fakes)) await fake.waitForAccepted(2, { timeoutMs: 20_000 });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deliveries' }).click();
  const log = page.getByRole('table', { name: 'Deliveries' });
  for (const name of Object.values(names)) {
    await expect(log.getByRole('row').filter({ hasText: name }).filter({ hasText: 'Daily leaderboard' })).toHaveCount(
      1,
    );
  }
  expect(JSON.stringify(fakes.telegram.accepted[1]?.json)).toContain(CHAT_ID);

  // Edit DingTalk without retyping its secret: the signed test still passes.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  const dingtalkRow = page.getByRole('row', { name: new RegExp(names.dingtalk) });
  await dingtalkRow.getByRole('button', { name: `Edit ${names.dingtalk}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit target' });
  await expect(edit.getByLabel(/^Signing secret/)).toHaveValue('');
  await expect(edit.getByLabel(/^Signing secret/)).toHaveAttribute('placeholder', /^set/);
  await edit.getByLabel(/^Name/).fill(`${names.dingtalk} v2`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  names.dingtalk = `${names.dingtalk} v2`;
  await testTarget(page, names.dingtalk);
  expect(fakes.dingtalk.accepted).toHaveLength(3);

  // WeCom refuses the next message; after it recovers, resending the failed delivery works.
  fakes.wecom.failNext({ kind: 'errcode', code: WECOM_CODES.invalidKey });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Notifications' }).click();
  await openType(page, 'Daily leaderboard');
  await page.getByRole('region', { name: 'Daily leaderboard' }).getByRole('button', { name: 'Run now' }).click();
  await fakes.wecom.waitForRequests(3, { timeoutMs: 20_000 });
  await page.goto('/deliveries?status=failed');
  const failed = page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: names.wecom });
  await expect(failed).toHaveCount(1);
  await failed.getByRole('button', { name: /^Details of the delivery at / }).click();
  const drawer = page.getByRole('dialog', { name: 'Delivery details' });
  await expect(drawer).toContainText('93000');
  await drawer.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByText('Delivery queued again.')).toBeVisible();
  await fakes.wecom.waitForAccepted(3, { timeoutMs: 20_000 });
  // Delivered now: the first leaderboard and the resend (connectivity tests are not deliveries).
  await page.goto('/deliveries?status=delivered');
  await expect(
    page.getByRole('table', { name: 'Deliveries' }).getByRole('row').filter({ hasText: names.wecom }),
  ).toHaveCount(2);

  // Switch to Chinese; the choice survives a reload.
  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(pageTitle(page, '发送记录')).toBeVisible();
  await page.reload();
  await expect(pageTitle(page, '发送记录')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '推送目标' })).toBeVisible();

  // Nothing secret ever reached the browser: not a signing secret, token or webhook key.
  const secrets = [
    FEISHU_SECRET,
    DINGTALK_SECRET,
    SIGNING_SECRET,
    fakes.telegram.token,
    fakes.wecom.key,
    fakes.dingtalk.accessToken,
    fakes.feishu.hookId,
  ];
  const seen = await Promise.all(answers);
  expect(seen.length).toBeGreaterThan(20);
  for (const secret of secrets) expect(seen.filter((body) => body.includes(secret))).toEqual([]);
});

/** Calls the hub API with an API key, as a hub would. */
async function hubCall(page: Page, key: string, name: string, input: unknown): Promise<void> {
  const response = await page.request.post(`/trpc/${name}`, {
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    data: input,
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Picks a zone in a binding's searchable time-zone select. */
async function chooseTimeZone(page: Page, row: Locator, zone: string): Promise<void> {
  const input = row.getByRole('textbox', { name: 'Time zone (optional)' }).or(row.getByLabel('Time zone (optional)'));
  await input.first().fill(zone);
  // Options read "(UTC+08:00) Shanghai — Asia/Shanghai": the id ends the name.
  const option = page.getByRole('option', { name: new RegExp(` — ${zone}$`) });
  if (await option.isVisible()) await option.click();
}
