import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { PAGES, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { type Showcase, seedShowcase } from '../fixtures/showcase.ts';
import { test } from '../fixtures/test.ts';

// Every page with a few days' worth of data in it (fixtures/showcase.ts), in both languages and
// at both widths. The pictures are the test's artifacts: .reports/screenshots/<language>/.

const OUT = path.resolve(import.meta.dirname, '../.reports/screenshots');
const LANGUAGES = [
  { code: 'en', key: 'en' },
  { code: 'zh-CN', key: 'zh' },
] as const;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

function slug(pagePath: string): string {
  return pagePath === '/' ? 'overview' : pagePath.slice(1);
}

/** Waits until nothing is loading: no spinner, no skeleton, no toast. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader-root, .mantine-Skeleton-root')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
}

async function save(page: Page, language: string, name: string): Promise<void> {
  const dir = path.join(OUT, language);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(`${language}/${name}`, { path: file, contentType: 'image/png' });
}

/** Nothing sticks out sideways: the page itself never scrolls horizontally. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

let showcase: Showcase | undefined;

test.beforeAll(async ({ request }) => {
  test.setTimeout(60_000);
  showcase = await seedShowcase(request);
});

test.afterAll(async () => {
  await showcase?.close();
});

for (const language of LANGUAGES) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${language.code} at ${viewport.width} px`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height } });

      test.beforeEach(async ({ page }) => {
        await page.addInitScript((code) => localStorage.setItem('herald.language', code), language.code);
      });

      test('the sign-in page', async ({ page }) => {
        await page.goto('/login');
        await expect(page.locator('html')).toHaveAttribute('lang', language.code);
        await expect(page.getByRole('button', { name: /^(sign in|登录)$/i })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await save(page, language.code, `${viewport.name}-login`);
      });

      test.describe('signed in', () => {
        test.use({ storageState: SIGNED_IN_STATE });

        for (const entry of PAGES) {
          test(`the ${slug(entry.path)} page`, async ({ page }) => {
            await page.goto(entry.path);
            await expect(pageTitle(page, entry[language.key])).toBeVisible();
            await settled(page);
            await expectNoSidewaysScroll(page);
            await save(page, language.code, `${viewport.name}-${slug(entry.path)}`);
          });
        }
      });
    });
  }
}
