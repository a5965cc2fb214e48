import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { customTargetBoundTo, mutate } from '../fixtures/api.ts';
import { PAGES } from '../fixtures/app.ts';
import { loginForm, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// WCAG 2.1 A and AA (axe-core) over every page and the main dialogs and menus, in zh-CN and en,
// at 1280 px and 390 px, in light and dark. Each run collects every violation, then fails once
// with all of them listed, so one run shows the whole picture.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const SCANNED_LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Language[];
/** Mantine's localStorage key for the chosen colour scheme. */
const SCHEME_STORAGE_KEY = 'mantine-color-scheme-value';
const DIALOG_SHOTS = path.resolve(import.meta.dirname, '../.reports/screenshots/dialogs');

/** A catalogue text with its `{{placeholders}}` filled. */
function text(language: Language, key: string, values: Record<string, string> = {}): string {
  let node: unknown = resources[language].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text at ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One readable block per violation: rule, impact, what to do, and each offending node. */
function readable(state: string, violations: Violation[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 6)
      .map((n) => {
        const why = n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
        return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${why}`;
      })
      .join('\n');
    const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : '';
    return `${state}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes}${more}`;
  });
}

async function scan(page: Page, state: string, problems: string[], include?: string): Promise<void> {
  // Let transitions (modal fade, menu pop) finish, so colours are measured at full opacity.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  problems.push(...readable(state, violations));
  // Every dialog and menu is also a picture (pages are screenshots.spec.ts's), in the light scheme.
  if (include && state.includes(' light ')) await shoot(page, state);
}

/** `.reports/screenshots/dialogs/<language>/<width>-<what>.png`, attached to the test too. */
async function shoot(page: Page, state: string): Promise<void> {
  const [language = 'unknown', width = '', , ...what] = state.split(' ');
  const dir = path.join(DIALOG_SHOTS, language);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${width}-${what.join('-').replace(/[^\w-]+/g, '')}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(`${language}/${path.basename(file, '.png')}`, { path: file, contentType: 'image/png' });
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root, .mantine-Skeleton-root')).toHaveCount(0, { timeout: 15_000 });
}

async function openPage(
  browser: Browser,
  language: Language,
  width: (typeof WIDTHS)[number],
  scheme: (typeof SCHEMES)[number],
  signedIn: boolean,
): Promise<Page> {
  const context = await browser.newContext({
    storageState: signedIn ? SIGNED_IN_STATE : undefined,
    viewport: { width: width.width, height: width.height },
    colorScheme: scheme,
  });
  const page = await context.newPage();
  await page.addInitScript(
    ({ keys, language, scheme }) => {
      localStorage.setItem(keys.language, language);
      localStorage.setItem(keys.scheme, scheme);
    },
    { keys: { language: LANGUAGE_STORAGE_KEY, scheme: SCHEME_STORAGE_KEY }, language, scheme },
  );
  return page;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await settled(page);
}

async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

// ---- data for every page and dialog ----

const run = Date.now().toString(36);
const TARGET = `A11y target ${run}`;
const PROVIDER = { providerId: `a11y-${run}`, providerName: `A11y provider ${run}`, failureCount: 7 };
let fake: FakeCustom;

test.describe('WCAG 2.1 AA', () => {
  test.beforeAll(async ({ request }) => {
    fake = await startFakeCustom();
    await customTargetBoundTo(request, 'circuit_breaker', TARGET, fake.webhookUrl);
    await mutate(request, 'settings.update', {
      enabled: true,
      useLegacyMode: false,
      circuitBreakerEnabled: true,
      circuitBreakerGroupWaitSeconds: 0,
    });
    const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: `A11y hub ${run}` });
    const retryAt = new Date(Date.now() + 600_000).toISOString();
    await mutate(request, 'hub.reportCircuitBreaker', { ...PROVIDER, retryAt }, { authorization: `Bearer ${key}` });
    await fake.waitForAccepted(1, { timeoutMs: 20_000 });
    await mutate(request, 'silences.create', {
      matcher: { kind: 'provider', providerId: PROVIDER.providerId },
      durationMinutes: 60,
      reason: `A11y silence ${run}`,
    });
  });

  // Its Herald is this file's alone (fixtures/test.ts): nothing to restore.
  test.afterAll(async () => {
    await fake.close();
  });

  for (const language of SCANNED_LANGUAGES) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        const combo = `${language} ${width.width}px ${scheme}`;

        test(`${combo}: every page, dialog and menu`, async ({ browser }) => {
          test.setTimeout(240_000);
          const problems: string[] = [];

          const signedOut = await openPage(browser, language, width, scheme, false);
          await signedOut.goto('/login');
          await expect(loginForm(signedOut).submit).toBeVisible();
          await scan(signedOut, `${combo} /login`, problems);
          await signedOut.context().close();

          const page = await openPage(browser, language, width, scheme, true);
          for (const { path } of PAGES) {
            await page.goto(path);
            const title = page.getByRole('heading', { level: 1 });
            await expect(title.or(page.getByRole('alert')).first()).toBeVisible();
            if (!(await title.first().isVisible())) {
              problems.push(
                `${combo} ${path}: the page did not render (${await page.getByRole('alert').first().textContent()})`,
              );
              continue;
            }
            await settled(page);
            await scan(page, `${combo} ${path}`, problems);
          }

          // The language menu, from the header.
          await visit(page, '/silences');
          const activeName = LANGUAGES.find((l) => l.code === language)?.name ?? '';
          await page.getByRole('button', { name: `${text(language, 'language.label')}: ${activeName}` }).click();
          const menu = page.getByRole('menu');
          await expect(menu).toBeVisible();
          await scan(page, `${combo} language menu`, problems, '[role="menu"]');
          await page.keyboard.press('Escape');
          await expect(menu).toBeHidden();

          // The phone's navigation drawer, open.
          if (width.width < 768) {
            await page.getByRole('button', { name: text(language, 'header.openNavigation') }).click();
            await expect(page.getByRole('button', { name: text(language, 'header.closeNavigation') })).toBeVisible();
            await scan(page, `${combo} navigation drawer`, problems);
            await page.getByRole('button', { name: text(language, 'header.closeNavigation') }).click();
          }

          // Targets: add, and test (with its result).
          await visit(page, '/targets');
          await page
            .getByRole('button', { name: text(language, 'targets.create'), exact: true })
            .first()
            .click();
          const add = page.getByRole('dialog');
          await expect(add).toBeVisible();
          await scan(page, `${combo} add target dialog`, problems, '[role="dialog"]');
          await closeDialog(page, add);

          await page
            .getByRole('button', { name: text(language, 'targets.testNamed', { name: TARGET }), exact: true })
            .first()
            .click();
          const testDialog = page.getByRole('dialog', {
            name: text(language, 'targets.testDialog.title', { name: TARGET }),
          });
          await expect(testDialog).toBeVisible();
          await testDialog.getByRole('button', { name: text(language, 'targets.testDialog.send') }).click();
          await expect(
            testDialog.getByRole('status', { name: text(language, 'targets.testDialog.result') }),
          ).toBeVisible();
          await scan(page, `${combo} test target dialog with its result`, problems, '[role="dialog"]');
          await closeDialog(page, testDialog);

          await page
            .getByRole('button', { name: text(language, 'targets.editNamed', { name: TARGET }), exact: true })
            .first()
            .click();
          const edit = page.getByRole('dialog', { name: text(language, 'targets.form.editTitle') });
          await expect(edit).toBeVisible();
          await scan(page, `${combo} edit target dialog`, problems, '[role="dialog"]');
          await closeDialog(page, edit);

          await page
            .getByRole('button', { name: text(language, 'targets.deleteNamed', { name: TARGET }), exact: true })
            .first()
            .click();
          const remove = page.getByRole('dialog', { name: text(language, 'targets.deleteDialog.title') });
          await expect(remove).toBeVisible();
          await scan(page, `${combo} delete target dialog`, problems, '[role="dialog"]');
          await closeDialog(page, remove);

          // API keys: create, then the key shown once.
          await visit(page, '/api-keys');
          await page.getByRole('button', { name: text(language, 'apiKeys.create') }).click();
          const create = page.getByRole('dialog', { name: text(language, 'apiKeys.createTitle') });
          await expect(create).toBeVisible();
          await scan(page, `${combo} create API key dialog`, problems, '[role="dialog"]');
          await create.getByRole('textbox').first().fill(`A11y ${combo} ${run}`);
          await create.getByRole('button', { name: text(language, 'apiKeys.createSubmit') }).click();
          const shown = page.getByRole('dialog', { name: text(language, 'apiKeys.createdTitle') });
          await expect(shown).toBeVisible();
          await scan(page, `${combo} new API key dialog`, problems, '[role="dialog"]');
          await shown.getByRole('button', { name: text(language, 'apiKeys.done') }).click();
          await expect(shown).toBeHidden();
          await page
            .getByRole('button', { name: text(language, 'apiKeys.revokeNamed', { name: `A11y ${combo} ${run}` }) })
            .click();
          const revoke = page.getByRole('dialog', { name: text(language, 'apiKeys.revokeTitle') });
          await expect(revoke).toBeVisible();
          await scan(page, `${combo} revoke API key dialog`, problems, '[role="dialog"]');
          await closeDialog(page, revoke);

          // Deliveries: one delivery's drawer.
          await visit(page, '/deliveries');
          const details = new RegExp(
            `^${escapeRegExp(text(language, 'deliveries.detailsNamed', { time: '\u0000' })).replace('\u0000', '.+')}$`,
          );
          await page.getByRole('button', { name: details }).first().click();
          const drawer = page.getByRole('dialog', { name: text(language, 'deliveries.detailTitle') });
          await expect(drawer).toBeVisible();
          await settled(page);
          await scan(page, `${combo} delivery drawer`, problems, '[role="dialog"]');
          await closeDialog(page, drawer);

          // Silences: new silence.
          await visit(page, '/silences');
          await page
            .getByRole('button', { name: text(language, 'silencesPage.create') })
            .first()
            .click();
          const silence = page.getByRole('dialog', { name: text(language, 'silencesPage.form.title') });
          await expect(silence).toBeVisible();
          await scan(page, `${combo} new silence dialog`, problems, '[role="dialog"]');
          await closeDialog(page, silence);
          const endNamed = escapeRegExp(text(language, 'silencesPage.endNamed', { name: '\u0000' })).replace(
            '\u0000',
            '.+',
          );
          await page
            .getByRole('button', { name: new RegExp(`^${endNamed}`) })
            .first()
            .click();
          const end = page.getByRole('dialog', { name: text(language, 'silencesPage.endTitle') });
          await expect(end).toBeVisible();
          await scan(page, `${combo} end silence dialog`, problems, '[role="dialog"]');
          await closeDialog(page, end);

          // Notifications: an unsaved switch, then leaving asks first.
          await visit(page, '/notifications?type=circuit_breaker');
          const route = text(language, 'notificationsPage.routing.route', {
            type: text(language, 'notificationsPage.types.circuit_breaker'),
            target: TARGET,
          });
          await page.getByRole('switch', { name: route, exact: true }).locator('..').click();
          await expect(
            page.getByRole('region', { name: text(language, 'notificationsPage.routing.unsaved') }),
          ).toBeVisible();
          if (width.width < 768)
            await page.getByRole('button', { name: text(language, 'header.openNavigation') }).click();
          await page
            .getByRole('navigation', { name: text(language, 'nav.label') })
            .getByRole('link', { name: text(language, 'nav.targets') })
            .click();
          const guard = page.getByRole('dialog', { name: text(language, 'notificationsPage.routing.leaveTitle') });
          await expect(guard).toBeVisible();
          await scan(page, `${combo} leave without saving dialog`, problems, '[role="dialog"]');
          await guard.getByRole('button', { name: text(language, 'notificationsPage.routing.leave') }).click();
          await expect(guard).toBeHidden();

          await page.context().close();
          expect(problems.length, `WCAG 2.1 AA violations:\n\n${problems.join('\n\n')}\n`).toBe(0);
        });
      }
    }
  }

  // Focus after the actions that wait on the server: a loading button is disabled, which would drop
  // focus to <body>; the outcome (or the button again) must hold it.
  test.describe('focus after async actions', () => {
    const targetName = TARGET;
    for (const language of SCANNED_LANGUAGES) {
      test(`${language}: Send test, Create key and Resend leave focus on their outcome`, async ({ browser }) => {
        const page = await openPage(browser, language, WIDTHS[0], 'light', true);

        await visit(page, '/targets');
        await page
          .getByRole('button', { name: text(language, 'targets.testNamed', { name: targetName }), exact: true })
          .first()
          .click();
        const testDialog = page.getByRole('dialog', {
          name: text(language, 'targets.testDialog.title', { name: targetName }),
        });
        await testDialog.getByRole('button', { name: text(language, 'targets.testDialog.send') }).focus();
        await page.keyboard.press('Enter');
        await expect(
          testDialog.getByRole('status', { name: text(language, 'targets.testDialog.result') }),
        ).toBeFocused();
        await closeDialog(page, testDialog);

        await visit(page, '/api-keys');
        await page.getByRole('button', { name: text(language, 'apiKeys.create') }).click();
        const create = page.getByRole('dialog', { name: text(language, 'apiKeys.createTitle') });
        await page.keyboard.type(`A11y focus ${language} ${run}`);
        await create.getByRole('button', { name: text(language, 'apiKeys.createSubmit') }).focus();
        await page.keyboard.press('Enter');
        const shown = page.getByRole('dialog', { name: text(language, 'apiKeys.createdTitle') });
        await expect(shown.getByRole('textbox', { name: text(language, 'apiKeys.newKey') })).toBeFocused();
        await shown.getByRole('button', { name: text(language, 'apiKeys.done') }).click();

        await visit(page, '/deliveries');
        const details = new RegExp(
          `^${escapeRegExp(text(language, 'deliveries.detailsNamed', { time: '\u0000' })).replace('\u0000', '.+')}$`,
        );
        await page.getByRole('button', { name: details }).first().click();
        const drawer = page.getByRole('dialog', { name: text(language, 'deliveries.detailTitle') });
        const resend = drawer.getByRole('button', { name: text(language, 'deliveries.resend') });
        await resend.focus();
        await page.keyboard.press('Enter');
        await expect(
          page.locator('.mantine-Notification-root').filter({ hasText: text(language, 'deliveries.resent') }),
        ).toBeVisible();
        await expect(resend).toBeFocused();
        await page.context().close();
      });

      test(`${language} 390px: the closed menu's links are not in the Tab order; the open menu's are`, async ({
        browser,
      }) => {
        const page = await openPage(browser, language, WIDTHS[1], 'light', true);
        await visit(page, '/api-keys');
        const nav = page.getByRole('navigation', { name: text(language, 'nav.label') });
        const focusInNav = () => page.evaluate(() => !!document.activeElement?.closest('nav'));
        // Every Tab stop of the page, front to back, is outside the closed menu.
        for (let i = 0; i < 12; i++) {
          await page.keyboard.press('Tab');
          expect(await focusInNav(), `Tab stop ${i + 1} is in the closed menu`).toBe(false);
        }
        await page.getByRole('button', { name: text(language, 'header.openNavigation') }).click();
        await expect(nav.getByRole('link', { name: text(language, 'nav.overview') })).toBeVisible();
        let reached = false;
        for (let i = 0; i < 12 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await focusInNav();
        }
        expect(reached, 'the open menu has a Tab stop').toBe(true);
        await page.context().close();
      });
    }
  });
});
