import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { TRANSPORT_ERROR_HINTS } from '../../apps/web/src/channels/hints/transport.ts';
import { CHANNEL_UI, channelText } from '../../apps/web/src/channels/index.ts';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { customTargetBoundTo, mutate } from '../fixtures/api.ts';
import { PAGES, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { startBrowserClock } from '../fixtures/clock.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// Every page in every dashboard language, checked for text that belongs to another language:
// a string of another catalogue (one the current language does not also use) or a bare i18n key.
// Messages the server renders in the message language (previews, platform answers) are data here.

// ---- the catalogues as matchers ----

type Text = { key: string; text: string };

function leaves(node: unknown, prefix = ''): Text[] {
  if (typeof node === 'string') return [{ key: prefix, text: node }];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/g;
const hasLetter = (s: string) => /\p{L}/u.test(s);

/** A text with placeholders as an anchored pattern; null when its fixed part has no letter ("{{a}} / {{b}}"). */
function templatePattern(text: string): RegExp | null {
  const parts = text.split(PLACEHOLDER);
  if (!hasLetter(parts.join(''))) return null;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*?')}$`);
}

type Matcher = { exact: Map<string, string>; patterns: Array<{ pattern: RegExp; label: string }> };

function matcherOf(texts: Array<Text & { language: Language }>): Matcher {
  const matcher: Matcher = { exact: new Map(), patterns: [] };
  for (const { key, text, language } of texts) {
    const label = `${language} ${key}`;
    if (text.match(PLACEHOLDER)) {
      const pattern = templatePattern(text);
      if (pattern) matcher.patterns.push({ pattern, label });
    } else if (hasLetter(text)) {
      matcher.exact.set(text.trim(), label);
    }
  }
  return matcher;
}

function find(matcher: Matcher, text: string): string | null {
  return matcher.exact.get(text) ?? matcher.patterns.find((p) => p.pattern.test(text))?.label ?? null;
}

/** A language's catalogue and its words in the channels' own units (names, field labels). */
const catalogueTexts = (language: Language) =>
  [
    ...leaves(resources[language].translation),
    ...(Object.keys(CHANNEL_UI) as Array<keyof typeof CHANNEL_UI>).flatMap((type) =>
      leaves(channelText(type, language), `channels.${type}`),
    ),
    // What platform error codes mean and what to do (the delivery drawer's hints).
    ...Object.entries({ transport: TRANSPORT_ERROR_HINTS, ...errorHintTables() }).flatMap(([owner, hints]) =>
      Object.entries(hints).flatMap(([code, hint]) => leaves(hint.text[language], `errorHints.${owner}.${code}`)),
    ),
  ].map((t) => ({ ...t, language }));

/** Every channel unit's error hints, by channel. */
const errorHintTables = () =>
  Object.fromEntries(
    Object.entries(CHANNEL_UI).map(([type, ui]) => [type, ('errorHints' in ui && ui.errorHints) || {}]),
  );

/** What `language`'s own pages may show, and what would be another language's text there. */
function matchersFor(language: Language): { own: Matcher; foreign: Matcher } {
  const own = catalogueTexts(language);
  const ownSet = new Set(own.map((t) => t.text));
  const others = LANGUAGES.filter((l) => l.code !== language).flatMap((l) => catalogueTexts(l.code));
  return { own: matcherOf(own), foreign: matcherOf(others.filter((t) => !ownSet.has(t.text))) };
}

/** en's keys, plural suffixes dropped: shown as text, they are a translation i18next did not find. */
const KEYS = new Set(leaves(resources.en.translation).map((t) => t.key.replace(/_(one|other)$/, '')));

// ---- the page ----

/** Every visible text node, and the labels a user meets (placeholders, values, titles, aria-labels). */
function visibleTexts(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    // Codes marked translate="no" (an audit entry's procedure name) are data, in no language.
    if (node.parentElement?.closest('[translate="no"]')) continue;
    if (text && node.parentElement?.checkVisibility()) out.push(text);
  }
  for (const el of document.body.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title], input')) {
    if (!el.checkVisibility() || el.closest('[translate="no"]')) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name)?.trim();
      if (value) out.push(value);
    }
    if (el instanceof HTMLInputElement && el.type !== 'hidden' && el.value.trim()) out.push(el.value.trim());
  }
  return out;
}

/** Labels whose text is cut: wider than their box (buttons, badges, links, headers, inputs' labels). */
function cutLabels(): string[] {
  const selector =
    '.mantine-Button-label, .mantine-Badge-label, .mantine-NavLink-label, .mantine-InputWrapper-label, .mantine-Tabs-tabLabel, th, h1, h2, h3';
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent?.trim() ?? '');
}

/** The language remembered in this browser before any script runs, as the switcher stores it. */
async function chooseStoredLanguage(page: Page, language: Language): Promise<void> {
  await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
    key: LANGUAGE_STORAGE_KEY,
    code: language,
  });
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root, .mantine-Skeleton-root')).toHaveCount(0, { timeout: 15_000 });
}

const NAV_KEY = {
  '/': 'overview',
  '/notifications': 'notifications',
  '/targets': 'targets',
  '/deliveries': 'deliveries',
  '/silences': 'silences',
  '/api-keys': 'apiKeys',
  '/api-reference': 'apiReference',
  '/settings': 'settings',
} as const satisfies Record<(typeof PAGES)[number]['path'], string>;

const SHOTS = path.resolve(import.meta.dirname, '../.reports/screenshots/languages');

/** Problems with the page now shown in `language`: other languages' text, keys, cut labels, sideways scroll. */
async function checkPage(page: Page, language: Language, view: string, userData: readonly string[]) {
  const { own, foreign } = matchersFor(language);
  const problems: string[] = [];
  for (const text of await page.evaluate(visibleTexts)) {
    if (userData.some((d) => text.includes(d))) continue;
    if (KEYS.has(text)) problems.push(`${view}: the key "${text}" instead of its text`);
    if (find(own, text)) continue;
    const other = find(foreign, text);
    if (other) problems.push(`${view}: "${text}" is ${other}`);
  }
  for (const label of await page.evaluate(cutLabels)) problems.push(`${view}: label cut off: "${label}"`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${view}: the page scrolls sideways by ${overflow} px`);
  mkdirSync(SHOTS, { recursive: true });
  const slug = view === '/' ? 'overview' : view.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
  await page.screenshot({ path: path.join(SHOTS, `${language}-${slug}.png`), fullPage: true });
  return problems;
}

// ---- data on every page ----

const run = Date.now().toString(36);
const TARGET = `Lang target ${run}`;
const KEY_NAME = `Lang hub ${run}`;
const PROVIDERS = [
  { providerId: `lang-a-${run}`, providerName: `Lang provider A ${run}`, failureCount: 21 },
  { providerId: `lang-b-${run}`, providerName: `Lang provider B ${run}`, failureCount: 5 },
] as const;
const SILENCE_REASON = `Lang silence ${run}`;
const USER_DATA = [TARGET, KEY_NAME, SILENCE_REASON, ...PROVIDERS.flatMap((p) => [p.providerId, p.providerName])];

let fake: FakeCustom;

/** The overview's badge for a breaker with `n` failures, in each language's plural form. */
const FAILURES: Record<Language, (n: number) => string> = {
  'zh-CN': (n) => `失败 ${n} 次`,
  'zh-TW': (n) => `失敗 ${n} 次`,
  en: (n) => `${n} failures`,
  ja: (n) => `${n} 回の失敗`,
  ru: (n) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'сбой' : 'сбоев'}`, // 21 сбой, 5 сбоев
};

/** The first CJK face each language asks for (apps/web/src/cjk-fonts.css). */
const CJK_FACE: Record<Language, string> = {
  'zh-CN': '"PingFang SC"',
  'zh-TW': '"PingFang TC"',
  en: '"PingFang SC"',
  ja: '"Hiragino Sans"',
  ru: '"PingFang SC"',
};

test.describe('signed in', () => {
  test.use({ storageState: SIGNED_IN_STATE });

  test.beforeAll(async ({ request }) => {
    fake = await startFakeCustom();
    await customTargetBoundTo(request, 'circuit_breaker', TARGET, fake.webhookUrl);
    // Both alerts arrive within the grouping wait: the log shows them grouped into one digest.
    await mutate(request, 'settings.update', {
      enabled: true,
      useLegacyMode: false,
      circuitBreakerEnabled: true,
      circuitBreakerGroupWaitSeconds: 3,
    });
    const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: KEY_NAME });
    const retryAt = new Date(Date.now() + 600_000).toISOString();
    for (const provider of PROVIDERS) {
      await mutate(request, 'hub.reportCircuitBreaker', { ...provider, retryAt }, { authorization: `Bearer ${key}` });
    }
    await fake.waitForAccepted(1, { timeoutMs: 20_000 });
    await mutate(request, 'silences.create', {
      matcher: { kind: 'provider', providerId: PROVIDERS[1].providerId },
      durationMinutes: 60,
      reason: SILENCE_REASON,
    });
  });

  // Its Herald is this file's alone (fixtures/test.ts): nothing to restore.
  test.afterAll(async () => {
    await fake.close();
  });

  for (const { code: language } of LANGUAGES) {
    test(`every page in ${language} shows only ${language} text`, async ({ page, request }) => {
      test.setTimeout(120_000);
      const text = resources[language].translation;
      await startBrowserClock(page);
      await chooseStoredLanguage(page, language);
      const problems: string[] = [];

      for (const { path: pagePath } of PAGES) {
        await page.goto(pagePath);
        const title = text.nav[NAV_KEY[pagePath]];
        await expect(pageTitle(page, title)).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page).toHaveTitle(`${title} · Herald`);
        await settled(page);
        if (pagePath === '/') {
          // Han characters in the language's own faces (Japanese and Traditional Chinese glyphs differ).
          const fontFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
          expect(fontFamily).toContain(CJK_FACE[language]);
          for (const p of PROVIDERS) {
            const alert = page.getByTestId('overview-circuit-breaker').filter({ hasText: p.providerName });
            await expect(alert).toContainText(FAILURES[language](p.failureCount));
          }
        }
        problems.push(...(await checkPage(page, language, pagePath, USER_DATA)));
      }

      // The audit log, its own tab of Settings: every change as a sentence in this language.
      await page.goto('/settings?tab=audit');
      await expect(page.getByRole('tab', { name: text.auditLog.tabs.audit })).toHaveAttribute('aria-selected', 'true');
      await settled(page);
      await expect(page.getByTestId('audit-entry').first()).toBeVisible();
      problems.push(...(await checkPage(page, language, '/settings (audit log)', USER_DATA)));

      // The target dialog with each channel's own fields, in the words of the channel's unit.
      await page.goto('/targets');
      await settled(page);
      await page.getByRole('button', { name: text.targets.create }).click();
      const dialog = page.getByRole('dialog', { name: text.targets.form.createTitle });
      for (const type of Object.keys(CHANNEL_UI) as Array<keyof typeof CHANNEL_UI>) {
        const channel = channelText(type, language);
        await dialog
          .getByRole('radiogroup', { name: text.targets.form.channelLabel })
          .getByText(channel.name, { exact: true })
          .click();
        const first = Object.values(channel.fields)[0];
        if (first) await expect(dialog.getByText(first.label).first()).toBeVisible();
        problems.push(...(await checkPage(page, language, `/targets (add ${type})`, USER_DATA)));
      }
      await page.keyboard.press('Escape');

      // The legacy mode's form (URLs per type, their Test buttons) only shows in legacy mode.
      await mutate(request, 'settings.update', { useLegacyMode: true });
      try {
        await page.goto('/notifications');
        await expect(pageTitle(page, text.nav.notifications)).toBeVisible();
        await settled(page);
        // Testing an empty URL explains itself (in the field's error) without calling the platform.
        await page.getByTitle(text.notificationsPage.legacyTest.hint).first().click();
        await expect(page.getByText(text.notificationsPage.legacyTest.empty).first()).toBeVisible();
        problems.push(...(await checkPage(page, language, '/notifications (legacy mode)', USER_DATA)));
      } finally {
        await mutate(request, 'settings.update', { useLegacyMode: false });
      }

      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { level: 1, name: text.notFound.title })).toBeVisible();
      problems.push(...(await checkPage(page, language, '/no-such-page', USER_DATA)));

      expect(problems).toEqual([]);
    });
  }
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const { code: language } of LANGUAGES) {
    test(`the sign-in page in ${language}`, async ({ page }) => {
      await chooseStoredLanguage(page, language);
      await page.goto('/login');
      const text = resources[language].translation;
      await expect(page.getByRole('heading', { level: 1, name: text.login.title })).toBeVisible();
      await expect(page).toHaveTitle(`${text.login.documentTitle} · Herald`);
      expect(await checkPage(page, language, '/login', [])).toEqual([]);
    });
  }
});

/** Browsers that name no stored choice get their own language, Traditional Chinese by script or region. */
const BROWSER_LOCALES = [
  { locale: 'zh-HK', language: 'zh-TW' },
  { locale: 'zh-TW', language: 'zh-TW' },
  { locale: 'ja-JP', language: 'ja' },
  { locale: 'ru-RU', language: 'ru' },
] as const;

for (const { locale, language } of BROWSER_LOCALES) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale, storageState: { cookies: [], origins: [] } });

    test(`gets the sign-in page in ${language}`, async ({ page }) => {
      await page.goto('/login');
      await expect(
        page.getByRole('heading', { level: 1, name: resources[language].translation.login.title }),
      ).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    });
  });
}
