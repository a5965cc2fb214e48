import { type APIRequestContext, expect } from '@playwright/test';
import { mutate, query } from '../fixtures/api.ts';
import { pageTitle, takeToast } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { startBrowserClock } from '../fixtures/clock.ts';
import { openType, saveChanges } from '../fixtures/notifications.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

const run = () => Date.now().toString(36);

type Target = { id: string; name: string; pacePerMinute: number | null };
type Binding = { targetId: string; isEnabled: boolean; quietHours: unknown };
type Delivery = { id: string; status: string; kind: string; digestId: string | null; subject: string | null };

/**
 * A custom target on a fake receiver, the only one bound to circuit-breaker alerts, and a hub key
 * to report breakers with; `restore` puts back the bindings and settings it changed.
 */
async function breakerTarget(request: APIRequestContext, name: string, settings: Record<string, unknown>) {
  const fake: FakeCustom = await startFakeCustom();
  const before = await query<Record<string, unknown>>(request, 'settings.get');
  const previous = await query<Binding[]>(request, 'bindings.list', { notificationType: 'circuit_breaker' });
  const target = await mutate<Target>(request, 'targets.create', {
    name,
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: { title: '{{title}}', items: '{{json:items}}' },
  });
  await mutate(request, 'bindings.set', {
    notificationType: 'circuit_breaker',
    bindings: [{ targetId: target.id, isEnabled: true }],
  });
  await mutate(request, 'settings.update', {
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    ...settings,
  });
  const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: `${name} hub` });
  const hub = { authorization: `Bearer ${key}` };
  return {
    target,
    fake,
    hub,
    report: (providerId: string, providerName: string) =>
      mutate(
        request,
        'hub.reportCircuitBreaker',
        { providerId, providerName, failureCount: 3, retryAt: new Date(Date.now() + 600_000).toISOString() },
        hub,
      ),
    restore: async () => {
      await mutate(request, 'bindings.set', {
        notificationType: 'circuit_breaker',
        bindings: previous.map((b) => ({ targetId: b.targetId, isEnabled: b.isEnabled })),
      });
      const keys = ['enabled', 'useLegacyMode', 'circuitBreakerEnabled', ...Object.keys(settings)];
      await mutate(request, 'settings.update', Object.fromEntries(keys.map((k) => [k, before[k]])));
      await fake.close();
    },
  };
}

async function deliveriesOf(request: APIRequestContext, filter: Record<string, unknown>): Promise<Delivery[]> {
  return (await query<{ items: Delivery[] }>(request, 'deliveries.list', { limit: 100, ...filter })).items;
}

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

test('a target’s pace: the platform’s by default, one of its own set, refused when not a number, cleared', async ({
  page,
  request,
}) => {
  const name = `E2E paced WeCom ${run()}`;
  const target = await mutate<Target>(request, 'targets.create', {
    name,
    providerType: 'wechat',
    webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e-pace',
  });
  await page.goto('/targets');
  await expect(pageTitle(page, 'Targets')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByTestId('target-pace')).toHaveText('Platform’s pace: 20/min');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const form = page.getByRole('dialog', { name: 'Edit target' });
  const pace = form.getByRole('textbox', { name: 'Pace (messages per minute)' });
  await expect(pace).toHaveValue('');
  await expect(pace).toHaveAccessibleDescription(/Empty: the platform’s own pace \(20\/min\)\./);

  await pace.fill('1.5');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(pace).toHaveAccessibleDescription(
    /A whole number of messages per minute from 1 to 600, or empty for the platform’s pace\./,
  );
  await pace.fill('700');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(pace).toHaveAccessibleDescription(/A whole number of messages per minute from 1 to 600/);
  // Accepted, but it cannot make the target faster than WeCom allows: said, not refused.
  await pace.fill('30');
  await expect(form.getByText('At or above the platform’s limit: the platform’s pace applies.')).toBeVisible();

  await pace.fill('12');
  await expect(form.getByText('At or above the platform’s limit')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await takeToast(page, `Target “${name}” saved.`);
  await expect(row.getByTestId('target-pace')).toHaveText('Own pace: 12/minPlatform: 20/min');
  expect((await query<Target[]>(request, 'targets.list')).find((t) => t.id === target.id)?.pacePerMinute).toBe(12);

  await page.reload();
  await expect(row.getByTestId('target-pace')).toContainText('Own pace: 12/min');
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(pace).toHaveValue('12');
  await pace.fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(row.getByTestId('target-pace')).toHaveText('Platform’s pace: 20/min');
  expect((await query<Target[]>(request, 'targets.list')).find((t) => t.id === target.id)?.pacePerMinute).toBeNull();
});

test('quiet hours on a binding: explained, checked, saved and shown again after a reload', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000); // the type is chosen on the page twice (before and after the reload)
  const name = `E2E quiet hook ${run()}`;
  const target = await mutate<Target>(request, 'targets.create', {
    name,
    providerType: 'custom',
    webhookUrl: 'http://127.0.0.1:9/hook',
    customTemplate: { title: '{{title}}', text: '{{sections}}' },
  });
  await mutate(request, 'settings.update', { useLegacyMode: false, timezone: 'Asia/Shanghai' });
  await mutate(request, 'bindings.set', {
    notificationType: 'cost_alert',
    bindings: [{ targetId: target.id, isEnabled: true }],
  });

  await page.goto('/notifications');
  await openType(page, 'Cost alert');
  const card = page.getByRole('region', { name: 'Cost alert' });
  const row = card.getByTestId('binding-row').filter({ hasText: name });
  const quiet = row.getByTestId('quiet-hours');
  // A day is a chip: its checkbox is drawn by its label, which takes the click.
  const day = (name: string) => quiet.getByRole('checkbox', { name, exact: true });
  const toggleDay = (name: string) => quiet.locator('label').getByText(name, { exact: true }).click();
  await expect(quiet.getByRole('switch', { name: 'Quiet hours' })).not.toBeChecked();
  await quiet.getByRole('switch', { name: 'Quiet hours' }).click();

  // A new period starts as every night, 22:00 to 07:00, read in the system zone.
  const from = quiet.getByRole('textbox', { name: 'From (HH:mm)' });
  const to = quiet.getByRole('textbox', { name: 'To (HH:mm)' });
  await expect(from).toHaveValue('22:00');
  await expect(to).toHaveValue('07:00');
  await expect(quiet.getByTestId('quiet-hours-summary')).toHaveText(
    'Every day, 22:00 to 07:00 the next day (Asia/Shanghai)',
  );
  await expect(quiet.getByText(/Messages held during quiet hours go out as one digest when they end\./)).toBeVisible();

  // Bad input is refused at its field before anything is sent.
  await from.fill('25:00');
  for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) await toggleDay(name);
  await expect(day('Mon')).not.toBeChecked();
  await saveChanges(page);
  await takeToast(page, 'Fix the marked fields before saving.');
  await expect(from).toHaveAccessibleDescription('A time of day as HH:mm, e.g. 22:00.');
  await expect(quiet.getByText('Pick at least one day.')).toBeVisible();

  await from.fill('23:30');
  await to.fill('06:45');
  for (const name of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await toggleDay(name);
  await expect(quiet.getByTestId('quiet-hours-summary')).toHaveText(
    'Mon–Fri, 23:30 to 06:45 the next day (Asia/Shanghai)',
  );
  await quiet.getByRole('checkbox', { name: 'Let urgent alerts through' }).uncheck();
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  const stored = await query<Binding[]>(request, 'bindings.list', { notificationType: 'cost_alert' });
  expect(stored.find((b) => b.targetId === target.id)?.quietHours).toEqual({
    days: [1, 2, 3, 4, 5],
    from: '23:30',
    to: '06:45',
    bypassUrgent: false,
  });

  await page.reload();
  await openType(page, 'Cost alert');
  await expect(quiet.getByRole('switch', { name: 'Quiet hours' })).toBeChecked();
  await expect(from).toHaveValue('23:30');
  await expect(to).toHaveValue('06:45');
  await expect(day('Fri')).toBeChecked();
  await expect(day('Sat')).not.toBeChecked();
  await expect(quiet.getByRole('checkbox', { name: 'Let urgent alerts through' })).not.toBeChecked();

  // Switched off, it is removed on save.
  await quiet.getByRole('switch', { name: 'Quiet hours' }).click();
  await saveChanges(page);
  await takeToast(page, 'Saved.');
  const cleared = await query<Binding[]>(request, 'bindings.list', { notificationType: 'cost_alert' });
  expect(cleared.find((b) => b.targetId === target.id)?.quietHours).toBeNull();
});

test('the grouping settings of each type are saved where the type’s settings are', async ({ page, request }) => {
  test.setTimeout(60_000); // three types chosen in turn, one save each
  await page.goto('/notifications');
  await openType(page, 'Circuit breaker');
  const breaker = page.getByRole('region', { name: 'Circuit breaker' });
  const breakerWait = breaker.getByRole('textbox', { name: 'Grouping wait (seconds)' });
  await breakerWait.fill('');
  await saveChanges(page);
  await takeToast(page, 'Fix the marked fields before saving.');
  await expect(breakerWait).toHaveAttribute('aria-invalid', 'true');
  await breakerWait.fill('30');
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  await openType(page, 'Cost alert');
  const cost = page.getByRole('region', { name: 'Cost alert' });
  await cost.getByRole('textbox', { name: 'Digest from this many entities' }).fill('5');
  await cost.getByRole('switch', { name: 'Send a recovery message' }).check();
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  const general = page.getByRole('region', { name: 'General' });
  await general.getByRole('switch', { name: 'Send what waits for a target’s pace as one digest' }).uncheck();
  await saveChanges(page);
  await takeToast(page, 'Saved.');

  const settings = await query<Record<string, unknown>>(request, 'settings.get');
  expect(settings).toMatchObject({
    circuitBreakerGroupWaitSeconds: 30,
    costAlertDigestThreshold: 5,
    costAlertRecoveryEnabled: true,
    paceDigests: false,
  });
  await page.reload();
  await openType(page, 'Circuit breaker');
  await expect(breakerWait).toHaveValue('30 sec');
  await mutate(request, 'settings.update', {
    circuitBreakerGroupWaitSeconds: 10,
    costAlertDigestThreshold: 3,
    costAlertRecoveryEnabled: false,
    paceDigests: true,
  });
});

test('a silence is created, holds back an alert it matches, links to it, and is ended early', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await startBrowserClock(page);
  const provider = `e2e-provider-${run()}`;
  const setup = await breakerTarget(request, `E2E silenced hook ${run()}`, { circuitBreakerGroupWaitSeconds: 0 });
  try {
    await page.goto('/silences');
    await expect(pageTitle(page, 'Silences')).toBeVisible();

    await page.getByRole('button', { name: 'New silence' }).click();
    const form = page.getByRole('dialog', { name: 'New silence' });
    const id = form.getByRole('textbox', { name: 'Provider id' });
    await form.getByRole('button', { name: 'Silence', exact: true }).click();
    await expect(id).toHaveAccessibleDescription(/^Enter an id \(at most 128 characters\)\./);
    await id.fill(provider);
    await form.getByText('Custom', { exact: true }).click();
    const minutes = form.getByRole('textbox', { name: 'Minutes' });
    await minutes.fill('0');
    await form.getByRole('button', { name: 'Silence', exact: true }).click();
    await expect(minutes).toHaveAccessibleDescription(/Whole minutes from 1 to 43,200 \(30 days\)\./);
    await form.getByText('4 hours', { exact: true }).click();
    await form.getByRole('textbox', { name: 'Reason' }).fill('planned maintenance upstream');
    // A provider Herald has never heard of would silence nothing: refused at the field.
    await form.getByRole('button', { name: 'Silence', exact: true }).click();
    await expect(id).toHaveAccessibleDescription(/^Herald knows no provider with this id/);
    await mutate(request, 'hub.syncProviders', { providers: [{ id: provider, name: 'Silenced Provider' }] }, setup.hub);
    await form.getByRole('button', { name: 'Silence', exact: true }).click();
    await expect(form).toBeHidden();
    await takeToast(page, `Silence created: Provider: ${provider}.`);

    const table = page.getByRole('table', { name: 'Silences' });
    const named = `Provider: Silenced Provider (${provider})`;
    const row = table.getByRole('row').filter({ hasText: named });
    await expect(row).toContainText('planned maintenance upstream');
    await expect(row).toContainText('Active');
    await expect(row).toContainText('0 held back');
    const silences = await query<
      Array<{ id: string; matcher: { providerId?: string }; endsAt: string; startsAt: string }>
    >(request, 'silences.list', { includeEnded: false });
    const silence = silences.find((s) => s.matcher.providerId === provider);
    if (!silence) throw new Error(`no silence for ${provider}`);
    expect(Date.parse(silence.endsAt) - Date.parse(silence.startsAt)).toBe(4 * 3_600_000);

    // The provider's breaker opens: the alert is held back, logged as skipped by this silence.
    await setup.report(provider, 'Silenced Provider');
    await expect
      .poll(async () => (await deliveriesOf(request, { silenceId: silence.id })).map((d) => d.status))
      .toEqual(['skipped']);
    expect(setup.fake.received).toHaveLength(0);
    await page.reload();
    await expect(row).toContainText('1 held back');

    // "Held back" opens the delivery log filtered to this silence.
    await row.getByRole('link', { name: `Deliveries held back by the silence of ${named}` }).click();
    await expect(pageTitle(page, 'Deliveries')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/deliveries\\?silence=${silence.id}$`));
    await expect(page.getByTestId('linked-filter')).toHaveText('Held back by a silence');
    const log = page.getByRole('table', { name: 'Deliveries' });
    await expect(log.getByRole('row')).toHaveCount(2);
    await expect(log.getByRole('row').nth(1)).toContainText('Skipped');
    await expect(log.getByRole('row').nth(1)).toContainText('Silenced Provider');
    await log.getByRole('button', { name: /^Details of the delivery at / }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery details' });
    await expect(drawer.getByTestId('silenced-by')).toContainText('Held back by a silence');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Remove the filter “Held back by a silence”' }).click();
    await expect(page).toHaveURL(/\/deliveries$/);

    await page.goto('/silences');
    await row.getByRole('button', { name: `End the silence of ${named}` }).click();
    const confirm = page.getByRole('dialog', { name: 'End this silence?' });
    await confirm.getByRole('button', { name: 'End now' }).click();
    await takeToast(page, `The silence of ${named} has ended.`);
    await expect(row).toHaveCount(0);

    await page.getByRole('switch', { name: 'Show ended silences' }).check();
    await expect(row).toContainText('Ended early');
    await expect(row.getByRole('button', { name: /^End the silence/ })).toHaveCount(0);
  } finally {
    await setup.restore();
  }
});

test('breaker alerts within the grouping wait: waiting in the log, then grouped into one digest that lists them', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const tag = run();
  const setup = await breakerTarget(request, `E2E digest hook ${tag}`, { circuitBreakerGroupWaitSeconds: 15 });
  try {
    const names = ['Alpha', 'Bravo', 'Charlie'].map((n) => `${n} ${tag}`);
    for (const [i, name] of names.entries()) await setup.report(`e2e-digest-${tag}-${i}`, name);

    // Held for the grouping wait: each row says why and when it goes.
    await page.goto(`/deliveries?target=${setup.target.id}`);
    const log = page.getByRole('table', { name: 'Deliveries' });
    await expect(log.getByRole('row')).toHaveCount(4);
    await expect(log.getByTestId('wait-reason').first()).toHaveText(
      // Within the 15 s wait (or just past it), then the exact time for screen readers.
      /^Waiting: grouping — goes (in a moment|just now), \w+ \d+, \d{4}, \d{1,2}:\d\d:\d\d [AP]M \(.+\)$/,
    );

    // Then one message carries all three.
    await setup.fake.waitForAccepted(1, { timeoutMs: 45_000 });
    await expect
      .poll(
        async () =>
          (await deliveriesOf(request, { targetId: setup.target.id })).map((d) => `${d.kind}:${d.status}`).sort(),
        {
          timeout: 15_000,
        },
      )
      .toEqual(['alert:grouped', 'alert:grouped', 'alert:grouped', 'digest:delivered']);
    const body = setup.fake.accepted[0]?.json as { items: Array<{ provider_name: string }> };
    expect(body.items.map((i) => i.provider_name).sort()).toEqual(names);

    await page.goto(`/deliveries?target=${setup.target.id}&status=grouped`);
    await expect(log.getByRole('row')).toHaveCount(4);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Grouped');

    await page.goto(`/deliveries?target=${setup.target.id}`);
    const digestRow = log.getByRole('row').filter({ hasText: 'Digest of 3' });
    await expect(digestRow).toContainText('Delivered');
    await digestRow.getByRole('button', { name: /^Details of the delivery at / }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery details' });
    await expect(drawer.getByRole('heading', { name: 'What this digest carried (3)' })).toBeVisible();
    const carried = drawer.getByRole('table', { name: 'Carried notifications' });
    for (const name of names) await expect(carried).toContainText(name);

    // From a carried alert to its digest and back.
    await carried.getByRole('button', { name: `Open the delivery of ${names[1]}` }).click();
    await expect(drawer.getByTestId('grouped-into')).toContainText('Sent in a digest');
    await expect(drawer.getByTestId('delivery-subject')).toHaveText(names[1] ?? '');
    await drawer.getByRole('button', { name: 'Open the digest' }).click();
    await expect(drawer.getByRole('heading', { name: 'What this digest carried (3)' })).toBeVisible();

    await drawer.getByRole('link', { name: 'Show them in the log' }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/deliveries\?digest=[0-9a-f-]{36}$/);
    await expect(page.getByTestId('linked-filter')).toHaveText('Carried by a digest');
    await expect(log.getByRole('row')).toHaveCount(4);
    for (const row of await log
      .getByRole('row')
      .all()
      .then((rows) => rows.slice(1))) {
      await expect(row).toContainText('Grouped');
    }
  } finally {
    await setup.restore();
  }
});
