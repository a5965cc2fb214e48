import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { customTargetBoundTo, mutate, query } from '../fixtures/api.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { BROWSER_NOW, startBrowserClock } from '../fixtures/clock.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// Small things users notice: every moment reads "3 minutes ago" with the exact time (in the admin's
// zone) on hover, on focus and for screen readers, and moves on as time passes; the time-zone picker
// shows each zone's UTC offset and finds zones by city and by offset.

type Language = 'en' | 'zh-CN';
const ZONE = 'Asia/Shanghai';
const run = Date.now().toString(36);
const TARGET = `Times hook ${run}`;
const KEY_NAME = `Times hub ${run}`;

/** A text of the dashboard's catalogue in `language`, placeholders filled. */
function tr(language: Language, key: string, values: Record<string, string> = {}): string {
  let node: unknown = resources[language].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');
}

const RELATIVE = {
  en: { three: '3 minutes ago', five: '5 minutes ago', later: '2 hours ago' },
  'zh-CN': { three: '3分钟前', five: '5分钟前', later: '2小时前' },
} as const;

let fake: FakeCustom;
let keyCreatedAt: string;
let deliveryCreatedAt: string;

test.use({ storageState: SIGNED_IN_STATE });

test.beforeAll(async ({ request }) => {
  test.setTimeout(60_000);
  fake = await startFakeCustom();
  await mutate(request, 'settings.update', {
    timezone: ZONE,
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
  });
  await customTargetBoundTo(request, 'circuit_breaker', TARGET, fake.webhookUrl);
  const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: KEY_NAME });
  const keys = await query<Array<{ name: string; createdAt: string }>>(request, 'apiKeys.list');
  keyCreatedAt = keys.find((k) => k.name === KEY_NAME)?.createdAt as string;
  await mutate(
    request,
    'hub.reportCircuitBreaker',
    {
      providerId: `times-${run}`,
      providerName: `Times provider ${run}`,
      failureCount: 3,
      retryAt: new Date(Date.now() + 600_000).toISOString(),
    },
    { authorization: `Bearer ${key}` },
  );
  await fake.waitForAccepted(1, { timeoutMs: 20_000 });
  const log = await query<{ items: Array<{ createdAt: string; targetName: string | null }> }>(
    request,
    'deliveries.list',
    { limit: 10 },
  );
  deliveryCreatedAt = log.items.find((d) => d.targetName === TARGET)?.createdAt as string;
  expect(deliveryCreatedAt).toBeTruthy();
});

test.afterAll(async () => {
  await fake?.close();
});

/** Opens `path` in `language` at `width`, the page's clock at `at`. */
async function open(page: Page, language: Language, width: number, at: Date, path: string): Promise<void> {
  await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
    key: LANGUAGE_STORAGE_KEY,
    code: language,
  });
  await startBrowserClock(page, at);
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  await page.goto(path);
}

/** The exact time as the page's own Intl writes it in `language`, in the admin's zone, the zone named. */
async function exactTime(page: Page, language: Language, iso: string): Promise<string> {
  const time = await page.evaluate(
    ({ language, iso, zone }) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: zone }).format(
        new Date(iso),
      ),
    { language, iso, zone: ZONE },
  );
  return tr(language, 'times.exact', { time, zone: ZONE });
}

/** The relative text, the exact time for screen readers after it, the instant in `datetime`; the tooltip on hover and on focus. */
async function expectMoment(
  page: Page,
  time: Locator,
  language: Language,
  iso: string,
  relative: string,
  shot: string,
) {
  const exact = await exactTime(page, language, iso);
  await expect(time).toHaveAttribute('datetime', iso);
  await expect(time).toHaveText(`${relative}${tr(language, 'times.spokenExact', { exact })}`);
  const tooltip = page.getByRole('tooltip');
  await time.hover();
  await expect(tooltip).toHaveText(exact);
  await page.screenshot({ path: test.info().outputPath(`${shot}-hover.png`) });
  await noViolations(page);
  // Away and back by keyboard: focus alone shows it too.
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await time.focus();
  await expect(tooltip).toHaveText(exact);
  await expect(time).toBeFocused();
  await time.blur();
  await expect(tooltip).toBeHidden();
}

/** No WCAG 2.1 A/AA violation in what is open now (a tooltip, the zone list), transitions finished. */
async function noViolations(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing on the page is wider than the window. */
async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const language of ['en', 'zh-CN'] as const) {
  const words = RELATIVE[language];
  for (const width of [1280, 390]) {
    test(`${language} ${width} px: an API key's creation and a delivery read relatively, exact on hover and focus, and move on`, async ({
      page,
    }) => {
      const keyAt = new Date(Date.parse(keyCreatedAt) + 3 * 60_000);
      await open(page, language, width, keyAt, '/api-keys');
      // The first moment of the key's row: when it was created.
      const keyTime = page.getByRole('row').filter({ hasText: KEY_NAME }).locator('time').first();
      await expectMoment(page, keyTime, language, keyCreatedAt, words.three, `api-keys-${language}-${width}`);
      await noSidewaysScroll(page);

      // The shared clock moves every cell on: two hours later, without a reload.
      await page.clock.fastForward('02:00:00');
      await expect(keyTime).toContainText(words.later);

      const deliveryAt = new Date(Date.parse(deliveryCreatedAt) + 5 * 60_000);
      await page.clock.setSystemTime(deliveryAt);
      await page.goto('/deliveries');
      const row =
        width < 600
          ? page.getByTestId('delivery-card-row').filter({ hasText: TARGET })
          : page.getByRole('row').filter({ hasText: TARGET });
      const deliveryTime = row.locator('time').first();
      await expectMoment(
        page,
        deliveryTime,
        language,
        deliveryCreatedAt,
        words.five,
        `deliveries-${language}-${width}`,
      );
      // One line in the log, however long the words.
      const lines = await deliveryTime.evaluate((el) => {
        const style = getComputedStyle(el);
        const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.6;
        return { rects: el.getClientRects().length, tall: el.getBoundingClientRect().height > line * 1.5 };
      });
      expect(lines).toEqual({ rects: 1, tall: false });
      await noSidewaysScroll(page);
      await page.clock.fastForward('02:00:00');
      await expect(deliveryTime).toContainText(words.later);
    });
  }
}

/** The visible options of the open time-zone dropdown. */
const options = (page: Page) => page.getByRole('listbox').getByRole('option');

for (const language of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 390]) {
    test(`${language} ${width} px: the time-zone picker shows offsets, finds "new york" and "+8", and saves the choice`, async ({
      page,
      request,
    }) => {
      await mutate(request, 'settings.update', { timezone: 'UTC' });
      // Saturday 28 November 2026: New York is on standard time, UTC-05:00.
      await open(page, language, width, BROWSER_NOW, '/settings');
      const zone = page.getByRole('combobox', { name: tr(language, 'settingsPage.timezone') });
      await expect(zone).toHaveValue('UTC');

      await zone.click();
      await zone.fill('new york');
      await expect(options(page)).toHaveText(['(UTC-05:00) New York — America/New_York']);
      await zone.fill('kolkata');
      await expect(options(page)).toHaveText(['(UTC+05:30) Kolkata — Asia/Kolkata']);

      await zone.fill('+8');
      const plusEight = options(page);
      await expect(plusEight.filter({ hasText: 'Asia/Shanghai' })).toHaveText('(UTC+08:00) Shanghai — Asia/Shanghai');
      await expect(plusEight.filter({ hasText: 'Australia/Perth' })).toHaveText('(UTC+08:00) Perth — Australia/Perth');
      // Every zone found is at UTC+08:xx, none at +09:00.
      for (const text of await plusEight.allTextContents()) expect(text).toMatch(/^\(UTC\+08:\d\d\) /);
      await page.screenshot({ path: test.info().outputPath(`timezone-${language}-${width}.png`) });
      await noViolations(page);

      await plusEight.filter({ hasText: 'Asia/Shanghai' }).click();
      await expect(zone).toHaveValue('Asia/Shanghai');
      await noSidewaysScroll(page);
      await page.getByRole('button', { name: tr(language, 'settingsPage.save'), exact: true }).click();
      await expect(page.getByText(tr(language, 'settingsPage.saved'))).toBeVisible();
      expect((await query<{ timezone: string }>(request, 'settings.get')).timezone).toBe('Asia/Shanghai');

      await page.reload();
      await expect(page.getByRole('combobox', { name: tr(language, 'settingsPage.timezone') })).toHaveValue(
        'Asia/Shanghai',
      );
    });
  }
}
