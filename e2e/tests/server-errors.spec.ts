import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { channelText } from '../../apps/web/src/channels/index.ts';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import { mutate } from '../fixtures/api.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { englishIn } from '../fixtures/english.ts';
import { test } from '../fixtures/test.ts';

// Each class of server error reaches the dashboard as a code with params (data.herald.reason,
// a field issue's code) and is shown in the admin's language: a record not found, a conflict,
// a template problem, and no answer at all. In 简体中文 no English sentence reaches the page.

test.use({ storageState: SIGNED_IN_STATE });

type Herald = { code: string; reason?: string; params?: Record<string, unknown>; issues?: Array<{ code: string }> };
type Answer = { error: { message: string; data: { herald: Herald } } };

/** The procedures a tRPC request carries: one, or a batch (`/trpc/a,b?batch=1`). */
const proceduresOf = (response: Response) =>
  decodeURIComponent(new URL(response.url()).pathname.replace(/^\/trpc\//, '')).split(',');

/** The server's error answer to `procedure`, from its own request or its place in a batch. */
async function answerOf(page: Page, procedure: string): Promise<Answer['error']> {
  const response = await page.waitForResponse((r) => proceduresOf(r).includes(procedure));
  const body = (await response.json()) as Answer | Answer[];
  return (Array.isArray(body) ? (body[proceduresOf(response).indexOf(procedure)] as Answer) : body).error;
}

/** A catalogue text with its params filled in, as i18next fills them. */
const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const language of ['zh-CN', 'en'] as const) {
  const c = resources[language].translation;
  const custom = channelText('custom', language);

  test.describe(`server errors in ${language}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
        key: LANGUAGE_STORAGE_KEY,
        code: language,
      });
    });

    /** In 简体中文, no English prose in `root` but what the admin typed. */
    const expectNoEnglish = async (root: Locator, typed: readonly string[] = []) => {
      if (language === 'zh-CN') expect(await englishIn(root, typed)).toEqual([]);
    };

    test('NOT_FOUND: a link to a delivery that does not exist says which record is missing', async ({ page }) => {
      const id = randomUUID();
      const answer = answerOf(page, 'deliveries.get');
      await page.goto(`/deliveries?delivery=${id}`);
      const error = await answer;
      expect(error.data.herald).toMatchObject({ code: 'NOT_FOUND', reason: 'delivery.not_found', params: { id } });
      expect(error.message).toBe(`id: no delivery ${id}`); // English stays for API clients

      const drawer = page.getByRole('dialog', { name: c.deliveries.detailTitle });
      const text = fill(c.deliveries.detailLoadFailed, { message: c.errors.reason.delivery.not_found });
      await expect(drawer.getByText(text)).toBeVisible();
      await expectNoEnglish(drawer);
    });

    test('CONFLICT: ending a silence someone else ended meanwhile says it has already ended', async ({
      page,
      request,
    }) => {
      const reason = `conflict ${language} ${randomUUID().slice(0, 8)}`;
      const silence = await mutate<{ id: string }>(request, 'silences.create', {
        matcher: { kind: 'type', notificationType: 'cost_alert' },
        durationMinutes: 60,
        reason,
      });
      await page.goto('/silences');
      const row = page.getByRole('row', { name: new RegExp(escapeRe(reason)) });
      await row.getByRole('button').filter({ hasText: c.silencesPage.end }).click();
      const confirm = page.getByRole('dialog', { name: c.silencesPage.endTitle });
      await expect(confirm).toBeVisible();

      await mutate(request, 'silences.end', { id: silence.id });
      const answer = answerOf(page, 'silences.end');
      await confirm.getByRole('button', { name: c.silencesPage.end, exact: true }).click();
      const error = await answer;
      expect(error.data.herald).toMatchObject({ code: 'CONFLICT', reason: 'silence.already_ended' });

      const text = fill(c.silencesPage.endFailed, { message: c.errors.reason.silence.already_ended });
      await expect(confirm.getByRole('alert')).toHaveText(text);
      await expectNoEnglish(confirm, [reason]);
    });

    test('template problems in the custom target dialog: bad JSON, unknown placeholders, and the server’s own check', async ({
      page,
    }) => {
      const name = `tpl ${language} ${randomUUID().slice(0, 8)}`;
      const hook = 'http://127.0.0.1:9/hook';
      await page.goto('/targets');
      await page.getByRole('button', { name: c.targets.create, exact: true }).first().click();
      const form = page.getByRole('dialog', { name: c.targets.form.createTitle });
      await form.getByRole('radiogroup', { name: c.targets.form.channelLabel }).getByText(custom.name).click();
      await form.getByLabel(new RegExp(`^${escapeRe(c.targets.name)}`)).fill(name);
      await form.getByLabel(new RegExp(`^${escapeRe(custom.fields.webhookUrl?.label ?? '')}`)).fill(hook);
      const template = form.getByLabel(new RegExp(`^${escapeRe(custom.fields.customTemplate?.label ?? '')}`));

      // Not JSON at all: the browser's own parser message ("Expected ',' or '}'…") is not shown.
      await template.fill('{"who": "{{title}}"');
      await expect(form.getByText(c.targets.form.invalidJson)).toBeVisible();
      await expectNoEnglish(form, [name]);

      // Placeholders checked in the browser by core's checkTemplate, each problem by its code.
      await template.fill('{"who": "{{nobody_knows}}", "n": "x {{json:title}}"}');
      const unknown = `who: ${fill(c.errors.issue.template.unknown_variable, { name: 'nobody_knows' })}`;
      const whole = `n: ${fill(c.errors.issue.template.json_whole, { name: 'title' })}`;
      await expect(form.getByText(unknown)).toBeVisible();
      await expect(form.getByText(whole)).toBeVisible();
      await expectNoEnglish(form, [name]);

      // The server checks again: a template changed on its way is refused with the issue's code.
      await template.fill('{"who": "{{title}}"}');
      await page.route('**/trpc/targets.create**', async (route) => {
        const body = route.request().postData() ?? '';
        await route.continue({ postData: body.replace('{{title}}', '{{titel}}') });
      });
      const answer = answerOf(page, 'targets.create');
      await form.getByRole('button', { name: c.targets.form.submitCreate }).click();
      const error = await answer;
      expect(error.data.herald.issues?.map((i) => i.code)).toEqual(['template.unknown_variable']);
      const refused = fill(c.targets.form.invalidKind.template, {
        message: `who: ${fill(c.errors.issue.template.unknown_variable, { name: 'titel' })}`,
      });
      await expect(template).toHaveAccessibleDescription(new RegExp(escapeRe(refused)));
      await expectNoEnglish(form, [name]);
    });

    test('no answer at all ("Failed to fetch") reads as: cannot reach Herald', async ({ page }) => {
      await page.goto('/api-keys');
      await page.getByRole('button', { name: c.apiKeys.create, exact: true }).first().click();
      const dialog = page.getByRole('dialog', { name: c.apiKeys.createTitle });
      const keyName = `offline ${language}`;
      await dialog.getByLabel(new RegExp(`^${escapeRe(c.apiKeys.name)}`)).fill(keyName);
      await page.route('**/trpc/apiKeys.create**', (route) => route.abort('internetdisconnected'));
      await dialog.getByRole('button', { name: c.apiKeys.createSubmit }).click();
      await expect(dialog.getByText(fill(c.apiKeys.createFailed, { message: c.errors.network }))).toBeVisible();
      await expect(page.getByText('Failed to fetch')).toHaveCount(0);
      await expectNoEnglish(dialog, [keyName]);
    });
  });
}
