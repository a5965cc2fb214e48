import { type APIRequestContext, expect, type Locator } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { mainNav, pageTitle, takeToast } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function call(request: APIRequestContext, name: string, input?: unknown): Promise<unknown> {
  const response =
    input === undefined
      ? await request.get(`/trpc/${name}`, { headers: admin })
      : await request.post(`/trpc/${name}`, { headers: { ...admin, 'content-type': 'application/json' }, data: input });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: unknown } }).result.data;
}

type Binding = { notificationType: string; targetName: string; isEnabled: boolean };

const LANGUAGES = ['en', 'zh-CN'] as const;
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** A grid switch has no visible label: its track (the input's label) takes the click, as a user's would. */
const flip = (control: Locator) => control.locator('..').click();

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

for (const language of LANGUAGES) {
  const text = resources[language].translation;
  const r = text.notificationsPage.routing;
  const typeName = text.notificationsPage.types.cost_alert;
  const route = (target: string) => r.route.replace('{{type}}', typeName).replace('{{target}}', target);
  const count = (n: number) =>
    (n === 1 && 'unsavedCount_one' in r ? r.unsavedCount_one : r.unsavedCount_other).replace('{{count}}', String(n));

  for (const size of WIDTHS) {
    test.describe(`${language} at ${size.width} px`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });

      test('routes by switches, saves and discards from one bar, guards leaving, keeps its order', async ({
        page,
        request,
      }) => {
        test.setTimeout(90_000);
        await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
          key: LANGUAGE_STORAGE_KEY,
          code: language,
        });
        const run = `${Date.now().toString(36)}-${language}-${size.width}`;
        // Created b first, then A: the grid lists them by name, not by creation.
        const names = { b: `rg ${run} b`, a: `RG ${run} A` };
        for (const name of [names.b, names.a]) {
          await call(request, 'targets.create', {
            name,
            providerType: 'custom',
            webhookUrl: 'http://127.0.0.1:9/hook',
            customTemplate: { title: '{{title}}', text: '{{sections}}' },
          });
        }
        await call(request, 'settings.update', { useLegacyMode: false });

        await page.goto('/notifications');
        await expect(pageTitle(page, text.nav.notifications)).toBeVisible();
        // The grid at 1280 px; a list per type on a phone; never both; nothing scrolls sideways.
        const shown = page.getByTestId(size.width < 576 ? 'routing-list' : 'routing-grid');
        const hidden = page.getByTestId(size.width < 576 ? 'routing-grid' : 'routing-list');
        await expect(shown).toBeVisible();
        await expect(hidden).toBeHidden();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

        const bar = page.getByRole('region', { name: r.unsaved });
        const switchA = page.getByRole('switch', { name: route(names.a), exact: true });
        const switchB = page.getByRole('switch', { name: route(names.b), exact: true });
        await expect(switchA).not.toBeChecked();
        await expect(bar).toHaveCount(0);

        // Toggle, then discard: back as stored, the bar gone.
        await flip(switchA);
        await expect(switchA).toBeChecked();
        await expect(bar).toContainText(count(1));
        await bar.getByRole('button', { name: r.discard }).click();
        await expect(switchA).not.toBeChecked();
        await expect(bar).toHaveCount(0);
        // The bar's buttons are gone: focus lands on the grid's title, not on the page's body.
        const gridTitle = page.getByRole('heading', { name: r.gridTitle, exact: true });
        await expect(gridTitle).toBeFocused();

        // Toggle both, then save from the bar: one bindings.set for the one changed type.
        const sets: string[] = [];
        page.on('request', (req) => {
          if (req.url().includes('/trpc/bindings.set')) sets.push(req.url());
        });
        await flip(switchB);
        await flip(switchA);
        await expect(bar).toContainText(count(1));
        await bar.getByRole('button', { name: text.notificationsPage.save, exact: true }).click();
        await expect(bar).toHaveCount(0);
        await expect(gridTitle).toBeFocused();
        await takeToast(page, text.notificationsPage.saved);
        expect(sets).toHaveLength(1);
        const stored = (await call(request, 'bindings.list')) as Binding[];
        const mine = stored.filter((b) => b.notificationType === 'cost_alert' && b.targetName.includes(run));
        expect(mine.map((b) => b.isEnabled)).toEqual([true, true]);

        // The cost alert's bindings, in name order (A before b), and the same after a reload.
        await page.getByRole('button', { name: r.editType.replace('{{type}}', typeName) }).click();
        const card = page.getByRole('region', { name: typeName });
        const order = async () =>
          (await card.getByTestId('binding-row').allInnerTexts())
            .map((t) => (t.includes(names.a) ? 'A' : t.includes(names.b) ? 'b' : null))
            .filter(Boolean);
        await expect.poll(order).toEqual(['A', 'b']);
        const rowsBefore = await shown
          .getByRole('switch')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        // The picked type is in the URL: a reload opens it again.
        await expect(page).toHaveURL(/[?&]type=cost_alert(&|$)/);
        await page.reload();
        await expect(switchA).toBeChecked();
        await expect(card).toBeVisible();
        await expect.poll(order).toEqual(['A', 'b']);
        expect(
          await shown.getByRole('switch').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
        ).toEqual(rowsBefore);

        // Off disables the stored binding (its settings kept), saved as such.
        await flip(switchB);
        await expect(switchB).not.toBeChecked();
        await expect(bar).toContainText(count(1));

        // Picking another type stays on the page: no guard, the change kept; then back to this one.
        const otherName = text.notificationsPage.types.circuit_breaker;
        await page.getByRole('button', { name: r.editType.replace('{{type}}', otherName) }).click();
        await expect(page).toHaveURL(/[?&]type=circuit_breaker(&|$)/);
        await expect(page.getByRole('region', { name: otherName })).toBeVisible();
        await expect(page.getByRole('dialog', { name: r.leaveTitle })).toHaveCount(0);
        await expect(bar).toContainText(count(1));
        await page.getByRole('button', { name: r.editType.replace('{{type}}', typeName) }).click();
        await expect(card).toBeVisible();

        // Leaving in the app asks first: stay keeps the change, leave drops it.
        const toTargets = async () => {
          if (size.width < 576) await page.getByRole('button', { name: text.header.openNavigation }).click();
          await mainNav(page).getByRole('link', { name: text.nav.targets }).click();
        };
        await toTargets();
        const guard = page.getByRole('dialog', { name: r.leaveTitle });
        await expect(guard).toBeVisible();
        await expect(guard.getByRole('button', { name: r.stay })).toBeFocused();
        await guard.getByRole('button', { name: r.stay }).click();
        await expect(guard).toBeHidden();
        await expect(pageTitle(page, text.nav.notifications)).toBeVisible();
        await expect(switchB).not.toBeChecked();

        // A reload asks through the browser's own prompt; accepted, the change is gone.
        const prompts: string[] = [];
        page.once('dialog', (dialog) => {
          prompts.push(dialog.type());
          void dialog.accept();
        });
        await page.reload();
        expect(prompts).toEqual(['beforeunload']);
        await expect(switchB).toBeChecked();
        await expect(bar).toHaveCount(0);

        await flip(switchB);
        await toTargets();
        await guard.getByRole('button', { name: r.leave }).click();
        await expect(pageTitle(page, text.nav.targets)).toBeVisible();
        // Clean again: in-app navigation back and forth asks nothing.
        await page.goBack();
        await expect(pageTitle(page, text.nav.notifications)).toBeVisible();
        await expect(switchB).toBeChecked();
        await toTargets();
        await expect(pageTitle(page, text.nav.targets)).toBeVisible();
        await expect(guard).toHaveCount(0);

        for (const t of (await call(request, 'targets.list')) as Array<{ id: string; name: string }>) {
          if (t.name.includes(run)) await call(request, 'targets.delete', { id: t.id });
        }
      });
    });
  }
}
