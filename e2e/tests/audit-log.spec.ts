import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../apps/web/src/i18n/languages.ts';
import { mutate, query } from '../fixtures/api.ts';
import { SIGNED_IN_STATE } from '../fixtures/auth.ts';
import { type FakeCustom, startFakeCustom } from '../fixtures/platforms.ts';
import { test } from '../fixtures/test.ts';

// The audit log reads as sentences in the admin's language, filters by kind and object in the URL,
// and links to what changed; Settings keeps it in a tab of its own, so a phone is not scrolled past it.

test.use({ storageState: SIGNED_IN_STATE });

const SHOTS = path.resolve(import.meta.dirname, '../.reports/screenshots/audit-log');
const run = Date.now().toString(36);
const T1 = `运维群 ${run}`;
const T2 = `运维群 ${run} 二`;
const KEY = `Audit hub ${run}`;
const SECRET = `whsec_${Buffer.from(`audit-log-e2e-secret-${run}-pad`).toString('base64')}`;

/** What each language must say: the words of its catalogue with this run's names in them. */
const TEXT = {
  en: {
    tab: 'Audit log',
    settingsTab: 'Settings',
    kind: 'Kind',
    object: 'Object',
    all: 'All',
    created: 'Created',
    targets: 'Targets',
    create: `admin (API token) created target ${T1} (Custom webhook)`,
    rename: `admin (API token) renamed target ${T1} to ${T2}`,
    field: 'Changed field',
    name: ['Name', T1, T2],
    secret: ['Standard Webhooks signing secret', 'not set', 'set'],
    bind: `admin (API token) bound ${T2} to Daily leaderboard at 30 9 * * 1-5`,
    locale: 'admin (API token) changed the message language from Simplified Chinese (zh-CN) to English (en)',
    revoke: `admin (API token) revoked API key ${KEY}`,
    history: 'History of this object',
    editTitle: 'Edit target',
    openTarget: 'Open the target',
    openKeys: 'Open API keys',
    openBindings: 'Open Notifications',
  },
  'zh-CN': {
    tab: '审计日志',
    settingsTab: '设置',
    kind: '类型',
    object: '对象',
    all: '全部',
    created: '创建',
    targets: '推送目标',
    create: `管理员（API 令牌）创建了推送目标 ${T1}（自定义 Webhook）`,
    rename: `管理员（API 令牌）将推送目标 ${T1} 改名为 ${T2}`,
    field: '改动的字段',
    name: ['名称', T1, T2],
    secret: ['Standard Webhooks 签名密钥', '未设置', '已设置'],
    bind: `管理员（API 令牌）将 ${T2} 绑定到每日排行榜，时间为 30 9 * * 1-5`,
    locale: '管理员（API 令牌）将消息语言从 简体中文 (zh-CN) 改为 英语 (en)',
    revoke: `管理员（API 令牌）吊销了 API 密钥 ${KEY}`,
    history: '该对象的变更记录',
    editTitle: '编辑推送目标',
    openTarget: '打开该目标',
    openKeys: '打开 API 密钥',
    openBindings: '打开通知设置',
  },
} as const;

type Binding = { targetId: string; isEnabled: boolean; scheduleCron: string | null; scheduleTimezone: string | null };
let fake: FakeCustom;
let targetId: string;
let keyId: string;
let before: { locale: string; leaderboard: Binding[] };

test.beforeAll(async ({ request }) => {
  fake = await startFakeCustom();
  const settings = await query<{ locale: string }>(request, 'settings.get');
  const leaderboard = await query<Binding[]>(request, 'bindings.list', { notificationType: 'daily_leaderboard' });
  before = { locale: settings.locale, leaderboard };
  const target = await mutate<{ id: string }>(request, 'targets.create', {
    name: T1,
    providerType: 'custom',
    webhookUrl: fake.webhookUrl,
    customTemplate: { title: '{{title}}' },
  });
  targetId = target.id;
  await mutate(request, 'targets.update', { id: targetId, name: T2, signingSecret: SECRET });
  await mutate(request, 'bindings.set', {
    notificationType: 'daily_leaderboard',
    bindings: [{ targetId, isEnabled: true, scheduleCron: '30 9 * * 1-5' }],
  });
  await mutate(request, 'settings.update', { locale: 'zh-CN' });
  await mutate(request, 'settings.update', { locale: 'en' });
  const key = await mutate<{ id: string }>(request, 'apiKeys.create', { name: KEY });
  keyId = key.id;
  await mutate(request, 'apiKeys.revoke', { id: keyId });
});

test.afterAll(async ({ request }) => {
  await mutate(request, 'bindings.set', {
    notificationType: 'daily_leaderboard',
    bindings: before.leaderboard.map((b) => ({
      targetId: b.targetId,
      isEnabled: b.isEnabled,
      scheduleCron: b.scheduleCron,
      scheduleTimezone: b.scheduleTimezone,
    })),
  });
  await mutate(request, 'settings.update', { locale: before.locale });
  await mutate(request, 'targets.delete', { id: targetId });
  await fake.close();
});

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** Picks an option of a Mantine select by their visible names. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const entry = (page: Page, text: string) => page.getByTestId('audit-entry').filter({ hasText: text });

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });

    for (const language of ['en', 'zh-CN'] as const) {
      test(`in ${language}: sentences, filters in the URL, changed fields and links`, async ({ page }) => {
        const text = TEXT[language];
        test.setTimeout(90_000);
        await page.addInitScript(({ key, code }) => localStorage.setItem(key, code), {
          key: LANGUAGE_STORAGE_KEY,
          code: language,
        });

        // Settings opens on its own tab: the log is behind the other, so a phone's page stays short.
        await page.goto('/settings');
        await expect(page.getByRole('tab', { name: text.settingsTab })).toHaveAttribute('aria-selected', 'true');
        await expect(page.getByTestId('audit-entry')).toHaveCount(0);
        await noSidewaysScroll(page);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);

        await page.getByRole('tab', { name: text.tab }).click();
        await expect(page).toHaveURL(/[?&]tab=audit/);

        // Filter by object, then by kind: both in the URL, and only matching entries listed.
        await choose(page, text.object, text.targets);
        await expect(page).toHaveURL(/auditObject=target/);
        await choose(page, text.kind, text.created);
        await expect(page).toHaveURL(/auditKind=create/);
        await expect(entry(page, text.create)).toHaveCount(1);
        await expect(entry(page, text.rename)).toHaveCount(0);
        await noSidewaysScroll(page);

        // One target's history, every kind: the rename lists only the changed fields, the secret as set.
        await entry(page, text.create).getByRole('button', { name: text.history }).click();
        await expect(page).toHaveURL(new RegExp(`auditId=${targetId}`));
        await choose(page, text.kind, text.all);
        await expect(page).not.toHaveURL(/auditKind=/);
        const rename = entry(page, text.rename);
        await expect(rename).toBeVisible();
        const changes = rename.getByRole('table');
        await expect(changes.getByRole('columnheader', { name: text.field })).toBeVisible();
        await expect(changes.getByRole('row')).toHaveCount(3);
        await expect(changes.getByRole('row').nth(1)).toHaveText(text.name.join(''));
        await expect(changes.getByRole('row').nth(2)).toHaveText(text.secret.join(''));
        await expect(rename).not.toContainText(SECRET.slice(6, 14));
        await expect(page.getByTestId('audit-entry')).toHaveCount(2);
        await noSidewaysScroll(page);
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `${language}-${width}-target-history.png`), fullPage: true });

        // The URL is the view: a reload keeps it.
        await page.reload();
        await expect(entry(page, text.rename)).toBeVisible();
        await expect(page.getByTestId('audit-entry')).toHaveCount(2);

        // A binding, the message language and a revoked key, each as a sentence with a link.
        await page.goto('/settings?tab=audit&auditObject=bindings&auditId=daily_leaderboard');
        const bind = entry(page, text.bind).first();
        await expect(bind).toBeVisible();
        await expect(bind.getByRole('link', { name: text.openBindings })).toHaveAttribute('href', '/notifications');

        await page.goto('/settings?tab=audit&auditObject=settings');
        await expect(entry(page, text.locale).first()).toBeVisible();

        await page.goto(`/settings?tab=audit&auditObject=api_key&auditId=${keyId}`);
        const revoke = entry(page, text.revoke);
        await expect(revoke.getByRole('link', { name: text.openKeys })).toHaveAttribute('href', '/api-keys');
        await noSidewaysScroll(page);

        // The target's link opens its editor on the Targets page.
        await page.goto(`/settings?tab=audit&auditObject=target&auditId=${targetId}`);
        const open = entry(page, text.rename).getByRole('link', { name: text.openTarget });
        await expect(open).toHaveAttribute('href', `/targets?edit=${targetId}`);
        await open.click();
        await expect(page.getByRole('dialog', { name: text.editTitle })).toBeVisible();
        await expect(page.getByRole('dialog').getByRole('textbox', { name: text.name[0] })).toHaveValue(T2);
      });
    }
  });
}
