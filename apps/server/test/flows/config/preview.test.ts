import { CHANNEL_TYPES, LOCALES, NOTIFICATION_TYPES } from '@herald/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald();
});
afterAll(() => h?.close());

const cases = CHANNEL_TYPES.flatMap((providerType) =>
  NOTIFICATION_TYPES.flatMap((notificationType) =>
    LOCALES.map((locale) => ({ providerType, notificationType, locale })),
  ),
);

describe('notifications.preview', () => {
  it.each(cases)('$providerType × $notificationType × $locale: the exact body', async (input) => {
    const r = await h.client(TEST_ADMIN_TOKEN).notifications.preview.query(input);
    expect(r.truncated).toBe(false);
    expect(JSON.stringify(r.body).length).toBeGreaterThan(20);
    expect(r.message.title.length).toBeGreaterThan(0);
  });

  it('renders a custom template, raw JSON included', async () => {
    const r = await h.client(TEST_ADMIN_TOKEN).notifications.preview.query({
      notificationType: 'daily_leaderboard',
      providerType: 'custom',
      locale: 'en',
      template: { title: '{{title}}', rows: '{{json:entries_json}}' },
    });
    expect(r.body).toMatchObject({ title: 'User spending leaderboard, past 24 hours' });
    expect(Array.isArray((r.body as { rows: unknown }).rows)).toBe(true);
  });

  it.each([
    [{ notificationType: 'cost_alert', providerType: 'custom', template: { a: '{{provider_name}}' } }, 'template.a'],
    [{ notificationType: 'cost_alert', providerType: 'wechat', template: { a: '{{title}}' } }, 'template'],
    [{ notificationType: 'nope', providerType: 'wechat' }, 'notificationType'],
    [{ notificationType: 'cost_alert', providerType: 'fax' }, 'providerType'],
    [{ notificationType: 'cost_alert', providerType: 'wechat', timezone: 'Nowhere/None' }, 'timezone'],
  ])('refuses %j naming %s', async (input, path) => {
    const r = await h.api('notifications.preview', input, { token: TEST_ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.error.data.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});
