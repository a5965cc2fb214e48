import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

const WECOM_KEY = 'wecom-legacy-key-7f3a9c1e';
const TG_TOKEN = '123456789:AAHlegacy-telegram-secret-token';
const SECRETS = [WECOM_KEY, TG_TOKEN, 'ding-legacy-token-55aa'];

let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald();
});
afterAll(async () => {
  // Nothing any call of this file answered holds a secret.
  for (const body of h.responses) for (const s of SECRETS) expect(body).not.toContain(s);
  await h?.close();
});

const admin = () => h.client(TEST_ADMIN_TOKEN);
const update = (input: unknown) => h.api('settings.update', input, { token: TEST_ADMIN_TOKEN });

describe('settings', () => {
  it('start from the spec defaults, one row even when first read concurrently', async () => {
    const reads = await Promise.all(Array.from({ length: 8 }, () => admin().settings.get.query()));
    expect(new Set(reads.map((r) => JSON.stringify(r))).size).toBe(1);
    expect((await h.db.selectFrom('settings').selectAll().execute()).length).toBe(1);
    expect(reads[0]).toMatchObject({
      enabled: false,
      useLegacyMode: true,
      circuitBreakerEnabled: false,
      costAlertEnabled: false,
      dailyLeaderboardEnabled: false,
      costAlertThreshold: 0.8,
      costAlertCheckInterval: 60,
      dailyLeaderboardTime: '09:00',
      dailyLeaderboardTopN: 5,
      locale: 'zh-CN',
      circuitBreakerWebhook: { set: false, hint: null, channel: null },
    });
    expect(reads[0]?.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('a second row cannot exist (constraint, not code)', async () => {
    await expect(
      h.db
        .insertInto('settings')
        .values({ id: false, timezone: 'UTC' } as never)
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(h.db.insertInto('settings').values({ timezone: 'UTC' }).execute()).rejects.toThrow(/duplicate key/);
  });

  it('updates every field and reads them back', async () => {
    const r = await admin().settings.update.mutate({
      enabled: true,
      circuitBreakerEnabled: true,
      costAlertEnabled: true,
      dailyLeaderboardEnabled: true,
      costAlertThreshold: 0.85,
      costAlertCheckInterval: 30,
      dailyLeaderboardTime: '18:30',
      dailyLeaderboardTopN: 10,
      timezone: 'Asia/Shanghai',
      locale: 'en',
    });
    expect(r).toMatchObject({
      costAlertThreshold: 0.85,
      costAlertCheckInterval: 30,
      timezone: 'Asia/Shanghai',
      locale: 'en',
    });
    expect(await admin().settings.get.query()).toEqual(r);
  });

  it('the incident and cache-hit-rate settings round-trip, numeric ones as numbers', async () => {
    const patch = {
      circuitBreakerGroupWaitSeconds: 20,
      costAlertGroupWaitSeconds: 5,
      costAlertDigestThreshold: 7,
      costAlertRecoveryEnabled: true,
      paceDigests: false,
      cacheHitRateEnabled: true,
      cacheHitRateWindowMode: '1h' as const,
      cacheHitRateCheckInterval: 15,
      cacheHitRateLookbackDays: 14,
      cacheHitRateMinEligibleRequests: 50,
      cacheHitRateMinEligibleTokens: 1000,
      cacheHitRateAbsMin: 0.0525,
      cacheHitRateDropRel: 0.25,
      cacheHitRateDropAbs: 0.15,
      cacheHitRateCooldownMinutes: 0,
      cacheHitRateTopN: 3,
    };
    const r = await admin().settings.update.mutate(patch);
    expect(r).toMatchObject(patch);
    expect(await admin().settings.get.query()).toEqual(r);
    const bad = await update({ cacheHitRateTopN: 101 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cacheHitRateTopN');
    expect((await admin().settings.get.query()).cacheHitRateTopN).toBe(3);
  });

  it('detects the platform of a legacy URL when it is saved, and never shows the URL back', async () => {
    const r = await admin().settings.update.mutate({
      circuitBreakerWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`,
      costAlertWebhook: `https://api.telegram.org/bot${TG_TOKEN}/sendMessage?chat_id=-100123`,
      dailyLeaderboardWebhook: 'https://oapi.dingtalk.com/robot/send?access_token=ding-legacy-token-55aa',
    });
    expect(r.circuitBreakerWebhook).toEqual({
      set: true,
      hint: 'https://qyapi.weixin.qq.com/…9c1e',
      channel: 'wechat',
    });
    expect(r.costAlertWebhook).toMatchObject({ set: true, channel: 'telegram' });
    expect(r.dailyLeaderboardWebhook).toMatchObject({ set: true, channel: 'dingtalk' });
    const row = await h.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(WECOM_KEY);
    expect(h.herald.deps.secretBox.open(row.circuit_breaker_webhook as string)).toContain(WECOM_KEY);
  });

  it('keeps a legacy URL when left out and clears it with null', async () => {
    await admin().settings.update.mutate({ locale: 'zh-CN' });
    expect((await admin().settings.get.query()).circuitBreakerWebhook.set).toBe(true);
    const r = await admin().settings.update.mutate({ circuitBreakerWebhook: null });
    expect(r.circuitBreakerWebhook).toEqual({ set: false, hint: null, channel: null });
  });

  it('switches back to legacy mode when asked', async () => {
    expect((await admin().settings.update.mutate({ useLegacyMode: false })).useLegacyMode).toBe(false);
    expect((await admin().settings.update.mutate({ useLegacyMode: true })).useLegacyMode).toBe(true);
  });

  it.each([
    [{ costAlertThreshold: 0.49 }, 'costAlertThreshold', /between 0.50 and 1.00/],
    [{ costAlertThreshold: 1.01 }, 'costAlertThreshold', /between 0.50 and 1.00/],
    [{ costAlertThreshold: 0.855 }, 'costAlertThreshold', /two decimals/],
    [{ costAlertThreshold: '0.8' }, 'costAlertThreshold', /number/],
    [{ costAlertCheckInterval: 9 }, 'costAlertCheckInterval', /between 10 and 1440/],
    [{ costAlertCheckInterval: 1441 }, 'costAlertCheckInterval', /between 10 and 1440/],
    [{ costAlertCheckInterval: 15.5 }, 'costAlertCheckInterval', /whole minutes/],
    [{ dailyLeaderboardTopN: 0 }, 'dailyLeaderboardTopN', /between 1 and 50/],
    [{ dailyLeaderboardTopN: 51 }, 'dailyLeaderboardTopN', /between 1 and 50/],
    [{ dailyLeaderboardTime: '9:00' }, 'dailyLeaderboardTime', /HH:mm/],
    [{ dailyLeaderboardTime: '24:00' }, 'dailyLeaderboardTime', /HH:mm/],
    [{ timezone: 'Mars/Olympus' }, 'timezone', /IANA/],
    [{ locale: 'fr' }, 'locale', /must be one of zh-CN, zh-TW, en, ja, ru$/],
    [{ enabled: 'yes' }, 'enabled', /boolean/],
    [{ costAlertWebhook: 'https://example.com/hook' }, 'costAlertWebhook', /unrecognised platform host example.com/],
    [{ costAlertWebhook: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a' }, 'costAlertWebhook', /https/],
    [{ costAlertWebhook: 'https://api.telegram.org/bot1:abc/sendMessage' }, 'costAlertWebhook', /chat_id/],
    [{ costAlertWebhook: 'not a url' }, 'costAlertWebhook', /must be a full URL/],
    [{ colour: 'blue' }, '(input)', /colour/],
  ])('refuses %j naming %s, and changes nothing', async (input, path, message) => {
    const before = await admin().settings.get.query();
    const r = await update(input);
    expect(r.status).toBe(400);
    const issue = r.body.error.data.issues[0];
    expect(issue.path).toBe(path);
    expect(`${issue.path}: ${issue.message}`).toMatch(message);
    expect(await admin().settings.get.query()).toEqual(before);
  });

  it('records each change in the audit log, with hints, not secrets', async () => {
    const log = await admin().audit.list.query({ entityType: 'settings' });
    expect(log.items.length).toBeGreaterThanOrEqual(5);
    const webhookChange = log.items.find((e) => JSON.stringify(e.after).includes('qyapi.weixin.qq.com/…'));
    expect(webhookChange).toMatchObject({ action: 'settings.update', actor: 'admin:token' });
    expect(JSON.stringify(log)).not.toContain(WECOM_KEY);
  });
});
