import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { deliveriesUrl } from '../../packages/core/src/message/links.ts';
import { ADMIN, mutate } from '../fixtures/api.ts';
import { loginUrlFor, pageTitle } from '../fixtures/app.ts';
import { SIGNED_IN_STATE, signInThroughForm } from '../fixtures/auth.ts';
import { BASE_URL } from '../fixtures/env.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

/**
 * The links a message carries (built here with the same function messages use) open the delivery
 * log filtered to what they name — a provider whose id looks like a number stays that id.
 */
async function get<T>(request: APIRequestContext, name: string, input?: unknown): Promise<T> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await request.get(`/trpc/${name}${search}`, { headers: ADMIN });
  const text = await response.text();
  expect(response.status(), `${name}: ${text}`).toBe(200);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

const list = async (request: APIRequestContext, filter: Record<string, unknown>) =>
  (await get<{ items: Array<{ notificationId: string }> }>(request, 'deliveries.list', { limit: 100, ...filter }))
    .items;

/** The page's part of a link: PUBLIC_URL would be this server's own address. */
const path = (url: string) => url.slice(BASE_URL.length);
const run = Date.now() % 1_000_000;
// Numeric ids: a router that reads search values as JSON would make them numbers and drop the filter.
const A = { id: String(700_000 + run), name: `Links Provider A ${run}` };
const B = { id: String(1_700_000 + run), name: `Links Provider B ${run}` };

let fake: FakeCustom;
let idOfB: string;
/** Puts back the bindings and settings this file changed (the e2e server is shared). */
let restore: (request: APIRequestContext) => Promise<void> = async () => {};

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  fake = await startFakeCustom();
  const settings = await get<Record<string, unknown>>(request, 'settings.get');
  const bindings = await get<Array<{ targetId: string; isEnabled: boolean }>>(request, 'bindings.list', {
    notificationType: 'circuit_breaker',
  });
  restore = async (r) => {
    await mutate(r, 'bindings.set', {
      notificationType: 'circuit_breaker',
      bindings: bindings.map((b) => ({ targetId: b.targetId, isEnabled: b.isEnabled })),
    });
    const keys = ['enabled', 'useLegacyMode', 'circuitBreakerEnabled', 'circuitBreakerGroupWaitSeconds'];
    await mutate(r, 'settings.update', Object.fromEntries(keys.map((k) => [k, settings[k]])));
  };
  const target = await mutate<{ id: string }>(request, 'targets.create', {
    name: `E2E links ${run}`,
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: { title: '{{title}}', provider: '{{provider_id}}' },
  });
  await mutate(request, 'bindings.set', {
    notificationType: 'circuit_breaker',
    bindings: [{ targetId: target.id, isEnabled: true }],
  });
  await mutate(request, 'settings.update', {
    enabled: true,
    useLegacyMode: false,
    circuitBreakerEnabled: true,
    circuitBreakerGroupWaitSeconds: 0,
  });
  const { key } = await mutate<{ key: string }>(request, 'apiKeys.create', { name: `E2E links hub ${run}` });
  for (const p of [A, B]) {
    await mutate(
      request,
      'hub.reportCircuitBreaker',
      {
        providerId: p.id,
        providerName: p.name,
        failureCount: 5,
        retryAt: new Date(Date.now() + 600_000).toISOString(),
      },
      { authorization: `Bearer ${key}` },
    );
  }
  await fake.waitForAccepted(2, { timeoutMs: 20_000 });
  const [b] = await list(request, { providerId: B.id });
  idOfB = b?.notificationId as string;
  expect(idOfB).toBeTruthy();
  await request.dispose();
});
test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  await restore(request);
  await request.dispose();
  await fake?.close();
});

function rows(page: Page) {
  return page.getByRole('table').getByRole('row');
}

test.describe('signed in', () => {
  test.use({ storageState: SIGNED_IN_STATE });

  test('a provider link lists that provider’s alerts; removing its filter lists the others again', async ({ page }) => {
    await page.goto(path(deliveriesUrl(BASE_URL, 'provider', A.id)));
    await expect(pageTitle(page, 'Deliveries')).toBeVisible();
    await expect(rows(page).filter({ hasText: A.name })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: B.name })).toHaveCount(0);

    await page.getByRole('button', { name: `Remove the filter “Provider ${A.id}”` }).click();
    await expect(page).toHaveURL(/\/deliveries$/);
    await expect(rows(page).filter({ hasText: B.name })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: A.name })).toHaveCount(1);
  });

  test('a delivery log link lists that notification’s deliveries only', async ({ page }) => {
    await page.goto(path(deliveriesUrl(BASE_URL, 'notification', idOfB)));
    await expect(
      page.getByRole('button', { name: 'Remove the filter “Deliveries of one notification”' }),
    ).toBeVisible();
    await expect(rows(page).filter({ hasText: B.name })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: A.name })).toHaveCount(0);
  });
});

test('a link opened signed out comes back to the same filter after signing in', async ({ page }) => {
  const link = path(deliveriesUrl(BASE_URL, 'provider', B.id));
  await page.goto(link);
  await expect(page).toHaveURL(loginUrlFor(link));
  await signInThroughForm(page);
  await expect(page).toHaveURL(new RegExp(`${link.replace(/[?]/g, '\\?')}$`));
  await expect(rows(page).filter({ hasText: B.name })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: A.name })).toHaveCount(0);
});
