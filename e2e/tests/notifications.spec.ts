import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { mutate, query } from '../fixtures/api.ts';
import { pageTitle, takeToast } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { startBrowserClock } from '../fixtures/clock.ts';
import { openType, saveChanges, unsavedBar } from '../fixtures/notifications.ts';
import { test } from '../fixtures/test.ts';

type Binding = { notificationType: string; targetName: string; templateOverride: Record<string, unknown> | null };
type Settings = Record<string, { set: boolean } | unknown> & { useLegacyMode: boolean };

const run = () => Date.now().toString(36);

async function createCustomTarget(request: APIRequestContext, name: string): Promise<string> {
  const target = (await mutate(request, 'targets.create', {
    name,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/hook',
    customTemplate: { title: '{{title}}', text: '{{sections}}' },
  })) as { id: string };
  return target.id;
}

/** Opens the page in multi-target mode, with the card's bound rows replaced by `name` alone. */
async function bindOnly(page: Page, request: APIRequestContext, cardName: string, name: string): Promise<Locator> {
  await mutate(request, 'settings.update', { useLegacyMode: false });
  await page.goto('/notifications');
  await expect(pageTitle(page, 'Notifications')).toBeVisible();
  await openType(page, cardName);
  const card = page.getByRole('region', { name: cardName });
  const rows = card.getByTestId('binding-row');
  await expect(card.getByRole('combobox', { name: 'Add a target' })).toBeVisible();
  while ((await rows.count()) > 0) await rows.first().getByRole('button', { name: 'Remove' }).click();
  await card.getByRole('combobox', { name: 'Add a target' }).click();
  await page.getByRole('option', { name, exact: true }).click();
  return rows.filter({ hasText: name });
}

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

test('a legacy webhook URL is cleared and shown as not set', async ({ page, request }) => {
  const key = `e2e-clear-${run()}`;
  await mutate(request, 'settings.update', {
    useLegacyMode: true,
    costAlertWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`,
  });
  await page.goto('/notifications');
  const general = page.getByRole('region', { name: 'General' });
  const field = general.getByRole('textbox', { name: 'Cost alert · Webhook URL' });
  await expect(field).toHaveAccessibleDescription(
    /Set \(https:\/\/qyapi\.weixin\.qq\.com\/….*Detected platform: wechat/,
  );
  await expect(page.getByText(key)).toHaveCount(0);

  await general.getByRole('button', { name: 'Clear Cost alert · Webhook URL' }).click();
  await takeToast(page, 'Webhook URL cleared.');
  // Then the rule every webhook URL follows (the same under a target's URL).
  await expect(general.getByRole('textbox', { name: 'Cost alert · Webhook URL' })).toHaveAccessibleDescription(
    /^Not set · Addresses of .* must start with https:\/\//,
  );
  await expect(general.getByRole('button', { name: 'Clear Cost alert · Webhook URL' })).toHaveCount(0);
  const settings = (await query(request, 'settings.get')) as Settings;
  expect(settings.costAlertWebhook).toEqual({ set: false, hint: null, channel: null });
});

test('legacy URLs are moved to targets after a confirmation', async ({ page, request }) => {
  const id = run();
  await mutate(request, 'settings.update', {
    useLegacyMode: true,
    circuitBreakerWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-migrate-${id}`,
    costAlertWebhook: `https://oapi.dingtalk.com/robot/send?access_token=e2e-migrate-${id}`,
    dailyLeaderboardWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-migrate-${id}`,
  });
  await page.goto('/notifications');
  const general = page.getByRole('region', { name: 'General' });
  await general.getByRole('button', { name: 'Move legacy URLs to targets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move legacy webhook URLs to targets?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Move to targets' }).click();
  await takeToast(page, /^Created targets: .*WeCom \(legacy\): circuit breaker, daily leaderboard/);
  await expect(dialog).toBeHidden();

  // Multi-target mode now, each type bound to the target its URL became; the button is gone.
  await expect(general.getByRole('radio', { name: 'Multi-target (bindings)' })).toBeChecked();
  await expect(general.getByRole('button', { name: 'Move legacy URLs to targets' })).toHaveCount(0);
  await openType(page, 'Daily leaderboard');
  const leaderboard = page.getByRole('region', { name: 'Daily leaderboard' });
  await expect(
    leaderboard.getByTestId('binding-row').filter({ hasText: 'WeCom (legacy): circuit breaker, daily leaderboard' }),
  ).toHaveCount(1);
  await openType(page, 'Cost alert');
  const cost = page.getByRole('region', { name: 'Cost alert' });
  await expect(cost.getByTestId('binding-row').filter({ hasText: 'DingTalk (legacy): cost alert' })).toHaveCount(1);

  // Calling it again has nothing to do.
  const again = (await mutate(request, 'settings.migrateLegacyWebhooks', null)) as {
    created: unknown[];
    message: string;
  };
  expect(again.created).toEqual([]);
  expect(again.message).toMatch(/nothing to migrate/);

  // The new targets point at real platform hosts: remove them so later specs never send there.
  const targets = (await query(request, 'targets.list')) as Array<{ id: string; name: string }>;
  for (const target of targets.filter((x) => x.name.includes('(legacy)'))) {
    await mutate(request, 'targets.delete', { id: target.id });
  }
});

test('a target is bound to the leaderboard with a cron in a picked time zone, and a bad cron is shown at its field', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await startBrowserClock(page); // next runs are read from the page's clock
  const name = `E2E schedule hook ${run()}`;
  await createCustomTarget(request, name);
  await mutate(request, 'settings.update', { enabled: true });
  const row = await bindOnly(page, request, 'Daily leaderboard', name);
  const card = page.getByRole('region', { name: 'Daily leaderboard' });
  await card.getByRole('switch', { name: 'Enabled' }).first().check();

  // No cron yet: the row says it follows the type's daily time, with its next runs.
  const sendTime = await card.getByLabel('Send time (HH:mm)').inputValue();
  await expect(row.getByTestId('cron-words')).toHaveText(
    `Without a cron of its own it follows the type: At ${sendTime}`,
  );
  await expect(row.getByTestId('next-runs')).toContainText('Next runs: ');

  await row.getByLabel('Cron (optional)').fill('30 9 * * 1-5');
  const zone = row.getByRole('combobox', { name: 'Time zone (optional)' });
  await expect(zone).toHaveValue(/^System default \(.+\)$/);
  await zone.click();
  await zone.fill('Asia/Shang');
  await page.getByRole('option', { name: '(UTC+08:00) Shanghai — Asia/Shanghai', exact: true }).click();
  await expect(zone).toHaveValue('Asia/Shanghai');
  await expect(row.getByTestId('cron-words')).toHaveText('At 09:30, Monday through Friday');
  // The next three weekdays at 9:30 in Shanghai after the browser's Saturday (it runs in another zone), labelled with the zone.
  await expect(row.getByTestId('next-runs')).toHaveText(
    'Next runs: Nov 30, 2026, 9:30 AM · Dec 1, 2026, 9:30 AM · Dec 2, 2026, 9:30 AM (Asia/Shanghai)',
  );

  await saveChanges(page);
  await takeToast(page, 'Saved.');
  await expect
    .poll(async () => {
      const schedules = (await query(request, 'notifications.schedules')) as Array<{ cron: string; tz: string }>;
      return schedules.some((s) => s.cron === '30 9 * * 1-5' && s.tz === 'Asia/Shanghai');
    })
    .toBe(true);

  // A bad cron is marked at its field as it is typed, and saving is refused before any request.
  const cron = row.getByLabel('Cron (optional)');
  await cron.fill('61 9 * * *');
  await expect(row.getByTestId('next-runs')).toHaveCount(0);
  await expect(cron).toHaveAttribute('aria-invalid', 'true');
  await expect(row.getByText('Not a valid cron expression')).toBeVisible();
  await saveChanges(page);
  await takeToast(page, 'Fix the marked fields before saving.');

  // Back to the system zone: the runs are labelled with it.
  await cron.fill('0 18 * * *');
  await zone.click();
  await zone.fill('System');
  await page.getByRole('option', { name: /^System default/ }).click();
  await expect(row.getByTestId('next-runs')).toHaveText(/6:00 PM \(.+\)$/);
  await expect(row.getByTestId('cron-words')).toHaveText('At 18:00');

  // In Chinese the cron is described in Chinese (cronstrue's zh_CN).
  await page.getByRole('button', { name: /^(language|语言): /i }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  const zhRow = page.getByRole('region', { name: '每日排行榜' }).getByTestId('binding-row').filter({ hasText: name });
  await expect(zhRow.getByTestId('cron-words')).toHaveText('在18:00');
  await expect(zhRow.getByTestId('next-runs')).toContainText('接下来运行：');
  await page.getByRole('button', { name: /^(language|语言): /i }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(row.getByTestId('cron-words')).toHaveText('At 18:00');
});

test('a template override on a custom-target binding is saved, kept after a reload and cleared', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const name = `E2E override hook ${run()}`;
  const targetId = await createCustomTarget(request, name);
  const row = await bindOnly(page, request, 'Cost alert', name);
  const _card = page.getByRole('region', { name: 'Cost alert' });

  await row.getByRole('button', { name: 'Override the template' }).click();
  const editor = row.getByRole('textbox', { name: 'Template override' });
  await expect(editor).toHaveValue(/"text": "\{\{sections\}\}"/); // starts from the target's template
  await editor.fill('{"alert": "{{title}}", "nope": "{{no_such_field}}"}');
  await expect(row.getByRole('alert')).toContainText('no_such_field');
  await editor.fill('{"alert": "{{title}}", "who": "e2e"}');
  await expect(row.getByRole('region', { name: 'Rendered body' })).toContainText('"who": "e2e"');

  await saveChanges(page);
  await takeToast(page, 'Saved.');
  await page.reload();
  await openType(page, 'Cost alert');
  const reloaded = page
    .getByRole('region', { name: 'Cost alert' })
    .getByTestId('binding-row')
    .filter({ hasText: name });
  await expect(reloaded.getByRole('textbox', { name: 'Template override' })).toHaveValue(/"who": "e2e"/);
  const stored = (await query(request, 'bindings.list')) as Binding[];
  expect(stored.find((b) => b.targetName === name && b.notificationType === 'cost_alert')?.templateOverride).toEqual({
    alert: '{{title}}',
    who: 'e2e',
  });

  // The target stops being custom behind the page's back: the server's refusal lands at the field.
  await mutate(request, 'targets.update', {
    id: targetId,
    providerType: 'wechat',
    webhookUrl: 'http://127.0.0.1:9/wecom',
  });
  // (Nothing is unsaved after the save: an edit brings the bar back.)
  await reloaded
    .getByRole('textbox', { name: 'Template override' })
    .fill('{"alert": "{{title}}", "who": "e2e, again"}');
  await saveChanges(page);
  await takeToast(page, /^Could not save/);
  await expect(reloaded.getByRole('textbox', { name: 'Template override' })).toHaveAttribute('aria-invalid', 'true');
  // (The server's refusal has no code of its own yet: the dashboard shows its generic text.)
  await expect(reloaded.getByText('This value is not valid.')).toBeVisible();

  // Cleared: saved as null.
  await mutate(request, 'targets.update', {
    id: targetId,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/hook',
    customTemplate: { text: '{{sections}}' },
  });
  await reloaded.getByRole('button', { name: 'Remove the override' }).click();
  await expect(reloaded.getByRole('button', { name: 'Override the template' })).toBeVisible();
  await saveChanges(page);
  await takeToast(page, 'Saved.');
  await expect
    .poll(async () => {
      const bindings = (await query(request, 'bindings.list')) as Binding[];
      return bindings.find((b) => b.targetName === name && b.notificationType === 'cost_alert')?.templateOverride;
    })
    .toBeNull();
});

test('the type settings are checked in the browser with the server’s own schema, before anything is sent', async ({
  page,
}) => {
  const updates: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/trpc/settings.update')) updates.push(request.url());
  });
  await page.goto('/notifications');
  await openType(page, 'Daily leaderboard');
  const leaderboard = page.getByRole('region', { name: 'Daily leaderboard' });
  const time = leaderboard.getByLabel('Send time (HH:mm)');
  const before = await time.inputValue();
  await time.fill('25:00');
  await saveChanges(page);
  await expect(leaderboard.getByText('Enter a time as HH:mm, e.g. 09:00.')).toBeVisible();
  await expect(time).toHaveAttribute('aria-invalid', 'true');

  await openType(page, 'Cost alert');
  const cost = page.getByRole('region', { name: 'Cost alert' });
  // (Out-of-range numbers are clamped by the input itself; a fraction is left for the schema.)
  const interval = cost.getByLabel('Check interval (minutes)');
  const intervalBefore = await interval.inputValue();
  await interval.fill('10.5');
  await saveChanges(page);
  await expect(cost.getByText('Must be a whole number.')).toBeVisible();
  expect(updates).toEqual([]);

  // Both back as they were: nothing is left to save.
  await interval.fill(intervalBefore);
  await openType(page, 'Daily leaderboard');
  await time.fill(before);
  await expect(unsavedBar(page)).toHaveCount(0);
  expect(updates).toEqual([]);

  // A valid change is sent once, then put back.
  await time.fill(before === '08:00' ? '08:30' : '08:00');
  await saveChanges(page);
  await takeToast(page, 'Saved.');
  await expect(leaderboard.getByText('Enter a time as HH:mm, e.g. 09:00.')).toHaveCount(0);
  expect(updates).toHaveLength(1);
  await time.fill(before);
  await saveChanges(page);
  await takeToast(page, 'Saved.');
  expect(updates).toHaveLength(2);
});
