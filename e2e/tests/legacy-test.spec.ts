import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { pageTitle } from '../fixtures/app.ts';
import { ADMIN_TOKEN, SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { FAKE_TELEGRAM_PORT } from '../fixtures/env.ts';
import { type FakeTelegram, startFakeTelegram } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// A legacy URL is tested as typed, before it is saved. The server's TELEGRAM_API_BASE_URL points
// at the fake Telegram, so a legacy Telegram URL is the one kind that reaches a fake here.

const run = Date.now().toString(36);
const TOKEN = `987654321:AAE-e2e-legacy-test-${run}`;
const CHAT = '-1009876543210';
const urlFor = (chat: string) => `https://api.telegram.org/bot${TOKEN}/sendMessage?chat_id=${chat}`;

let telegram: FakeTelegram;
test.beforeAll(async () => {
  telegram = await startFakeTelegram({
    port: Number(FAKE_TELEGRAM_PORT),
    token: TOKEN,
    chats: { [CHAT]: { type: 'supergroup' } },
  });
});
test.afterAll(async () => {
  await telegram?.close();
});

test.use({ storageState: SIGNED_IN_STATE });
test.describe.configure({ mode: 'serial' });

async function settings(request: APIRequestContext): Promise<Record<string, unknown>> {
  const response = await request.get('/trpc/settings.get', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: Record<string, unknown> } }).result.data;
}

/** Every tRPC answer the page gets, to check that none carries the token. */
function recordAnswers(page: Page): Array<Promise<string>> {
  const answers: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/trpc/')) answers.push(response.text().catch(() => ''));
  });
  return answers;
}

/** The Notifications page with the legacy URL fields shown (chosen on the page, not saved). */
async function openLegacyFields(page: Page, title: string, legacyLabel: string, general: string) {
  await page.goto('/notifications');
  await expect(pageTitle(page, title)).toBeVisible();
  const card = page.getByRole('region', { name: general });
  await card.getByText(legacyLabel, { exact: true }).click();
  return card;
}

test('a typed Telegram URL is tested without saving: the platform, the delivery, then the platform’s error', async ({
  page,
  request,
}) => {
  const before = await settings(request);
  const answers = recordAnswers(page);
  const card = await openLegacyFields(page, 'Notifications', 'Legacy (one webhook per type)', 'General');
  const label = 'Cost alert · Webhook URL';
  const field = card.getByRole('textbox', { name: label });
  const testButton = card.getByRole('button', { name: `Test ${label}` });
  const result = card.getByRole('group', { name: `Test of ${label}` });

  // Nothing typed: the stored URL is never in the browser, so there is nothing to send.
  await testButton.click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Enter a URL to test: the stored URL is never sent back to the browser.')).toBeVisible();

  // Not a platform URL: refused at the field, with the reason.
  await field.fill('https://example.com/hook');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await testButton.click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(
    card.getByText('example.com is not a WeCom, Feishu, DingTalk or Telegram webhook address.'),
  ).toBeVisible();
  expect(telegram.received).toHaveLength(0);

  await field.fill(urlFor(CHAT));
  await testButton.click();
  await expect(result).toContainText('Detected platform:');
  await expect(result).toContainText('Telegram');
  await expect(result.getByRole('status', { name: 'Result' })).toContainText(/Delivered in \d+ ms/);
  await expect(result.getByRole('status', { name: 'Result' })).toContainText('HTTP status: 200');
  expect(telegram.messages).toHaveLength(1);
  expect(telegram.messages[0]?.chat.id).toBe(Number(CHAT));

  // Editing the URL hides the answer: it was for the other one.
  await field.fill(urlFor('-1000000000404'));
  await expect(result).toHaveCount(0);
  await testButton.click();
  await expect(result.getByRole('status', { name: 'Result' })).toContainText(/Failed after \d+ ms/);
  await expect(result).toContainText('HTTP status: 400');
  await expect(result).toContainText('chat not found');
  expect(telegram.messages).toHaveLength(1);

  // Nothing was saved, and the token never came back.
  expect(await settings(request)).toEqual(before);
  for (const answer of await Promise.all(answers)) expect(answer).not.toContain(TOKEN);
  await expect(page.getByText(TOKEN)).toHaveCount(0);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the button, the detected platform and the result', async ({ page }) => {
    const card = await openLegacyFields(page, '通知', '旧版（每种类型一个 Webhook）', '常规');
    const label = '熔断告警 · Webhook 地址';
    await card.getByRole('textbox', { name: label }).fill(urlFor(CHAT));
    await card.getByRole('button', { name: `测试${label}` }).click();
    const result = card.getByRole('group', { name: `${label}的测试结果` });
    await expect(result).toContainText('识别的平台：');
    await expect(result.getByRole('status', { name: '结果' })).toContainText(/已送达，耗时 \d+ 毫秒/);
    expect(telegram.messages).toHaveLength(2);
  });
});
