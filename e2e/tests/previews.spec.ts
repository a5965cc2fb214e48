import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { channelName } from '../../apps/web/src/channels/index.ts';
import { LANGUAGE_STORAGE_KEY, LANGUAGES } from '../../apps/web/src/i18n/languages.ts';
import { resources } from '../../apps/web/src/i18n/resources.ts';
import {
  type ChannelType,
  type Locale,
  type NotificationType,
  renderNotification,
  sampleData,
} from '../../packages/core/src/index.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { test } from '../fixtures/test.ts';

test.use({ storageState: SIGNED_IN_STATE });

type UiLanguage = 'en' | 'zh-CN';

/** A catalogue string by its dotted key, with {{name}} values filled in. */
function tr(language: UiLanguage, key: string, values: Record<string, string> = {}): string {
  let node: unknown = resources[language].translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');
}

async function messageLocale(request: APIRequestContext): Promise<Locale> {
  const response = await request.get('/trpc/settings.get', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { locale: Locale } } }).result.data.locale;
}

/** The sample's title as core writes it in the message language (what the preview must show). */
function sampleTitle(type: NotificationType, locale: Locale): string {
  const now = new Date();
  const channel = 'wechat'; // the title is the message's, whatever the channel
  return renderNotification({ type, data: sampleData(type, now), channel, locale, timezone: 'UTC', now }).message.title;
}

async function openAddTarget(page: Page, language: UiLanguage): Promise<Locator> {
  await page.addInitScript(({ key, language }) => localStorage.setItem(key, language), {
    key: LANGUAGE_STORAGE_KEY,
    language,
  });
  await page.goto('/targets');
  await page
    .getByRole('button', { name: tr(language, 'targets.create') })
    .first()
    .click();
  const form = page.getByRole('dialog', { name: tr(language, 'targets.form.createTitle') });
  await expect(form).toBeVisible();
  return form;
}

async function pickChannel(form: Locator, language: UiLanguage, channel: ChannelType): Promise<Locator> {
  // A chip's radio is visually hidden: its label is what one clicks.
  await form
    .locator('label')
    .filter({ hasText: new RegExp(`^${channelName(channel, language)}$`) })
    .click();
  await expect(form.getByRole('radio', { name: channelName(channel, language), exact: true })).toBeChecked();
  const preview = form.getByTestId('message-preview');
  await expect(preview).toHaveAttribute('data-channel', channel);
  await preview.scrollIntoViewIfNeeded();
  // Each preview as an artifact, to look at.
  const path = test.info().outputPath(`${channel}-preview.png`);
  await preview.screenshot({ path });
  await test.info().attach(`${channel}-preview`, { path, contentType: 'image/png' });
  return preview;
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`the target dialog previews the sample as each app shows it (${language})`, async ({ page }) => {
    test.setTimeout(90_000);
    const locale = await messageLocale(page.request);
    const languageLabel = tr(language, 'messagePreview.language', {
      language: LANGUAGES.find((l) => l.code === locale)?.name ?? locale,
    });
    const form = await openAddTarget(page, language);
    const section = form.getByRole('region', { name: tr(language, 'messagePreview.title') });
    await expect(section).toBeVisible();

    // WeCom: a markdown bubble; the heading and bold are drawn, not shown as ## and **.
    let preview = await pickChannel(form, language, 'wechat');
    await expect(preview.getByTestId('message-preview-language')).toHaveText(languageLabel);
    const bubble = preview.getByTestId('message-preview-frame');
    await expect(bubble).toContainText(sampleTitle('circuit_breaker', locale));
    await expect(bubble.locator('strong').first()).toBeVisible();
    await expect(bubble).not.toContainText('**');
    await expect(bubble).not.toContainText('##');

    // Feishu: a card whose header is red for a breaker, its fields two per row.
    preview = await pickChannel(form, language, 'feishu');
    await expect(preview.locator('[data-header="red"]')).toHaveText(`🔌 ${sampleTitle('circuit_breaker', locale)}`);

    // Telegram: HTML drawn with its tags, never shown as text.
    preview = await pickChannel(form, language, 'telegram');
    await expect(preview.locator('strong').first()).toHaveText(sampleTitle('circuit_breaker', locale));
    await expect(preview).not.toContainText('<b>');

    // Discord: an embed with the error colour bar.
    preview = await pickChannel(form, language, 'discord');
    await expect(preview.locator('[data-embed-color="#ed4245"]')).toBeVisible();

    // Email: the subject, and the HTML part in a frame that may run nothing.
    preview = await pickChannel(form, language, 'email');
    const frame = preview.locator('iframe');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame).toHaveAttribute('title', tr(language, 'messagePreview.emailBody'));
    await expect(
      preview.frameLocator('iframe').getByRole('heading', { name: sampleTitle('circuit_breaker', locale) }),
    ).toBeVisible();

    // Slack blocks, a Teams card and an ntfy notification carry the title too.
    for (const channel of ['slack', 'teams', 'ntfy'] as const) {
      preview = await pickChannel(form, language, channel);
      await expect(preview.getByTestId('message-preview-frame')).toContainText(sampleTitle('circuit_breaker', locale));
    }

    // Another sample type, then the exact JSON one click away.
    preview = await pickChannel(form, language, 'dingtalk');
    await form.getByRole('combobox', { name: tr(language, 'messagePreview.type') }).click();
    await page.getByRole('option', { name: tr(language, 'targets.types.daily_leaderboard') }).click();
    await expect(preview.getByTestId('message-preview-frame')).toContainText(sampleTitle('daily_leaderboard', locale));
    await expect(preview.locator('ol li').first()).toBeVisible();
    await preview.getByText(tr(language, 'messagePreview.json'), { exact: true }).click();
    await expect(preview.getByRole('region', { name: tr(language, 'messagePreview.json') })).toContainText(
      '"msgtype": "markdown"',
    );
  });
}

test('on a 390 px phone the preview fits the dialog (zh-CN)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const form = await openAddTarget(page, 'zh-CN');
  for (const channel of ['feishu', 'discord', 'teams'] as const) {
    const preview = await pickChannel(form, 'zh-CN', channel);
    const box = await preview.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, channel).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
