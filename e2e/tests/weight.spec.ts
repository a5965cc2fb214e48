import { expect, type Page, type Response } from '@playwright/test';
import { mainNav, PAGES, pageTitle } from '../fixtures/app.ts';
import { loginForm, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { BASE_URL } from '../fixtures/env.ts';
import { test } from '../fixtures/test.ts';

/** The issue's budget for the sign-in page: compressed JavaScript, as it crosses the wire. */
const SIGN_IN_JS_BUDGET = 250_000;
const CHARTS_CHUNK = /\/assets\/charts-[^/]+\.(?:js|css)$/;

type Download = { path: string; encoding: string | null; bytes: number; headerBytes: number | null };

/**
 * Records every file the page downloads from Herald: its path, the encoding the server chose
 * and the body's size on the wire (Chromium's count of the encoded bytes).
 */
function recordDownloads(page: Page) {
  const pending: Promise<Download>[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(BASE_URL).origin) return;
    if (url.pathname.startsWith('/trpc')) return;
    pending.push(
      (async () => {
        await response.finished();
        const sizes = await response.request().sizes();
        const length = await response.headerValue('content-length');
        return {
          path: url.pathname,
          encoding: await response.headerValue('content-encoding'),
          bytes: sizes.responseBodySize,
          headerBytes: length === null ? null : Number(length),
        };
      })(),
    );
  });
  return { all: () => Promise.all(pending) };
}

const scripts = (downloads: Download[]) => downloads.filter((d) => d.path.endsWith('.js'));
const total = (downloads: Download[]) => downloads.reduce((sum, d) => sum + d.bytes, 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

for (const { locale, language } of [
  { locale: 'en-US', language: 'en' },
  { locale: 'zh-CN', language: 'zh-CN' },
] as const) {
  test.describe(`weight (${language})`, () => {
    test.describe('signed out', () => {
      test.use({ locale, storageState: { cookies: [], origins: [] } });

      test('the sign-in page loads under 250 kB of compressed JavaScript, none of it the charts', async ({ page }) => {
        const downloads = recordDownloads(page);
        await page.goto('/login');
        await expect(loginForm(page).token).toBeVisible();
        await page.waitForLoadState('networkidle');
        const all = await downloads.all();

        const html = all.find((d) => d.path === '/login');
        expect(html?.encoding, 'index.html is sent compressed').toBe('br');
        const js = scripts(all);
        expect(js.length).toBeGreaterThan(1);
        for (const d of js) {
          // The server's answer and the browser's count agree: the size is what crossed the wire.
          expect(d.headerBytes, d.path).toBe(d.bytes);
          if (d.bytes > 1024) expect(d.encoding, d.path).toBe('br');
        }
        expect(all.filter((d) => CHARTS_CHUNK.test(d.path)).map((d) => d.path)).toEqual([]);
        const sum = total(js);
        test.info().annotations.push({
          type: 'sign-in JavaScript',
          description: `${kB(sum)} compressed in ${js.length} files: ${js.map((d) => `${d.path} ${kB(d.bytes)}`).join(', ')}`,
        });
        expect(sum).toBeLessThan(SIGN_IN_JS_BUDGET);
      });
    });

    test.describe('signed in', () => {
      test.use({ locale, storageState: SIGNED_IN_STATE });

      test('the charts chunk is requested when the Overview opens, not before', async ({ page }) => {
        const downloads = recordDownloads(page);
        const targets = PAGES.find((p) => p.path === '/targets');
        const overview = PAGES[0];
        if (!targets) throw new Error('no Targets page in PAGES');
        const title = (p: (typeof PAGES)[number]) => (language === 'en' ? p.en : p.zh);

        await page.goto('/targets');
        await expect(pageTitle(page, title(targets))).toBeVisible();
        await page.waitForLoadState('networkidle');
        const before = await downloads.all();
        expect(before.filter((d) => CHARTS_CHUNK.test(d.path)).map((d) => d.path)).toEqual([]);

        const charts = page.waitForResponse(
          (r) => CHARTS_CHUNK.test(new URL(r.url()).pathname) && r.url().endsWith('.js'),
        );
        await mainNav(page)
          .getByRole('link', { name: title(overview), exact: true })
          .click();
        await expect(pageTitle(page, title(overview))).toBeVisible();
        const chartsResponse = await charts;
        expect(chartsResponse.status()).toBe(200);
        expect(await chartsResponse.headerValue('content-encoding')).toBe('br');
        await page.waitForLoadState('networkidle');

        const after = await downloads.all();
        const js = scripts(after);
        const chartsBytes = total(js.filter((d) => CHARTS_CHUNK.test(d.path)));
        test.info().annotations.push({
          type: 'Overview JavaScript',
          description: `charts chunk ${kB(chartsBytes)} compressed; ${kB(total(js))} in all after opening Targets, then the Overview`,
        });
        expect(chartsBytes).toBeGreaterThan(0);
      });
    });
  });
}
