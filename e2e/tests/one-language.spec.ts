import { expect, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { englishIn } from '../fixtures/english.ts';
import { test } from '../fixtures/test.ts';

// In 简体中文 a server's refusal (a bad URL, no answer at all) is shown in Chinese: the field's
// text from its issue code, the network text for "Failed to fetch". The page may show English
// only where the zh-CN catalogue itself does (brand names, "Claude Code Hub") or the admin typed it.

test.use({ storageState: SIGNED_IN_STATE });

const zh = resources['zh-CN'].translation;

/**
 * English in the dialog that the zh-CN catalogue does not use and the admin did not type. (The
 * page behind it shows other tests' data, e.g. a provider's name, which is in no language.)
 */
const englishOn = (page: Page, typed: readonly string[]) => englishIn(page.getByRole('dialog'), typed);

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '390 px', viewport: { width: 390, height: 844 } },
] as const;

for (const { name: width, viewport } of WIDTHS) {
  test.describe(`server errors in 简体中文 at ${width}`, () => {
    test.use({ viewport });

    test.beforeEach(async ({ page }) => {
      await page.addInitScript((key) => localStorage.setItem(key, 'zh-CN'), LANGUAGE_STORAGE_KEY);
    });

    test('a refused URL and no answer at all read in Chinese; no English reaches the page', async ({ page }) => {
      const targetName = `一语 ${width} ${Date.now().toString(36)}`;
      const goodUrl = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=one-language';
      await page.goto('/targets');
      await page.getByRole('button', { name: zh.targets.create, exact: true }).first().click();
      const form = page.getByRole('dialog', { name: zh.targets.form.createTitle });
      await form.getByLabel(new RegExp(`^${zh.targets.name}`)).fill(targetName);
      const url = form.getByLabel(/^Webhook 地址/);
      await url.fill(goodUrl);

      // The browser's check passes; the server is the one to refuse (the request is sent over http).
      await page.route('**/trpc/targets.create**', async (route) => {
        const body = route.request().postData() ?? '';
        await route.continue({ postData: body.replace('https://qyapi', 'http://qyapi') });
      });
      const refused = page.waitForResponse((r) => r.url().includes('/trpc/targets.create') && r.status() === 400);
      await form.getByRole('button', { name: zh.targets.form.submitCreate }).click();
      type Answer = { error: { message: string; data: { issues: Array<{ code: string }> } } };
      const body = (await (await refused).json()) as Answer | Answer[];
      const answer = Array.isArray(body) ? (body[0] as Answer) : body; // tRPC batches calls
      expect(answer.error.data.issues.map((i) => i.code)).toEqual(['url.https_required']);
      expect(answer.error.message).toMatch(/must use https/); // English stays for API clients
      await expect(url).toHaveAccessibleDescription(/qyapi\.weixin\.qq\.com 上的 Webhook 地址必须使用 https:\/\/。/);
      expect(await englishOn(page, [targetName, goodUrl])).toEqual([]);

      // No answer at all: fetch fails ("Failed to fetch" in Chrome); the dialog says so in Chinese.
      await page.unroute('**/trpc/targets.create**');
      await page.route('**/trpc/targets.create**', (route) => route.abort('internetdisconnected'));
      await form.getByRole('button', { name: zh.targets.form.submitCreate }).click();
      await expect(form.getByText(zh.errors.network)).toBeVisible();
      await expect(page.getByText('Failed to fetch')).toHaveCount(0);
      expect(await englishOn(page, [targetName, goodUrl])).toEqual([]);
    });
  });
}
