import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeCustom,
  startFakeDingtalk,
  startFakeFeishu,
  startFakeTelegram,
  startFakeWecom,
} from '../../fake-platforms/index.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

/** The admin's whole configuration done with plain HTTP calls and the bearer token, as with curl. */
const SECRETS = {
  key: 'walk-wecom-key-1029384756',
  token: 'walk-ding-token-5647382910',
  dingSecret: 'SECwalk-ding-secret-0192',
  hook: 'walk-feishu-hook-8877',
  bot: '424242424:AAE-walkthrough-bot-token',
};

const fakes = {
  wechat: await startFakeWecom({ key: SECRETS.key }),
  dingtalk: await startFakeDingtalk({ accessToken: SECRETS.token, secret: SECRETS.dingSecret }),
  feishu: await startFakeFeishu({ hookId: SECRETS.hook }),
  telegram: await startFakeTelegram({
    token: SECRETS.bot,
    chats: { '-100424242': { type: 'supergroup', topics: [7] } },
  }),
  custom: await startFakeCustom(),
};

let h: TestHerald;
beforeAll(async () => {
  h = await startTestHerald({ OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8', TELEGRAM_API_BASE_URL: fakes.telegram.apiBaseUrl });
});
afterAll(async () => {
  await h?.close();
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const api = async (procedure: string, input?: unknown) => {
  const r = await h.api(procedure, input, { token: TEST_ADMIN_TOKEN });
  expect(r.status, `${procedure}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body.result.data;
};

describe('configuring Herald over HTTP', () => {
  it('five targets, each tested, bound on a schedule, read back without a secret', async () => {
    await api('settings.update', { enabled: true, dailyLeaderboardEnabled: true, timezone: 'Asia/Shanghai' });
    const targets = [
      { name: 'WeCom', providerType: 'wechat', webhookUrl: fakes.wechat.webhookUrl },
      {
        name: 'DingTalk',
        providerType: 'dingtalk',
        webhookUrl: fakes.dingtalk.webhookUrl,
        dingtalkSecret: SECRETS.dingSecret,
      },
      { name: 'Feishu', providerType: 'feishu', webhookUrl: fakes.feishu.webhookUrl },
      {
        name: 'Telegram',
        providerType: 'telegram',
        telegramBotToken: SECRETS.bot,
        telegramChatId: '-100424242',
        telegramTopicId: 7,
      },
      {
        name: 'Custom',
        providerType: 'custom',
        webhookUrl: fakes.custom.webhookUrl,
        customTemplate: { text: '{{sections}}' },
      },
    ];
    const ids: string[] = [];
    for (const t of targets) ids.push((await api('targets.create', t)).id);

    for (const id of ids) {
      const result = await api('targets.test', { id, notificationType: 'daily_leaderboard' });
      expect(result).toMatchObject({ success: true, error: null });
      expect(typeof result.latencyMs).toBe('number');
    }
    for (const f of Object.values(fakes)) expect(f.accepted.length).toBe(1);

    const crons = ['0 9 * * *', '30 9 * * 1-5', '0 18 * * *', '15 8 * * *', '0 */6 * * *'];
    const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo'];
    await api('bindings.set', {
      notificationType: 'daily_leaderboard',
      bindings: ids.map((targetId, i) => ({
        targetId,
        isEnabled: true,
        scheduleCron: crons[i],
        scheduleTimezone: zones[i],
      })),
    });

    const listed = await api('targets.list');
    expect(listed).toHaveLength(5);
    expect(listed.every((t: { lastTestResult: { success: boolean } }) => t.lastTestResult.success)).toBe(true);
    const bindings = await api('bindings.list', { notificationType: 'daily_leaderboard' });
    expect(bindings.map((b: { scheduleCron: string }) => b.scheduleCron).sort()).toEqual([...crons].sort());

    const schedules = await api('notifications.schedules');
    expect(
      schedules
        .map((s: { cron: string; tz: string; data: { targetId: string } }) => [s.data.targetId, s.cron, s.tz])
        .sort(),
    ).toEqual(ids.map((id, i) => [id, crons[i], zones[i]]).sort());

    const everything = JSON.stringify([
      listed,
      bindings,
      schedules,
      await api('settings.get'),
      await api('audit.list'),
    ]);
    for (const s of Object.values(SECRETS)) expect(everything).not.toContain(s);
    for (const body of h.responses) for (const s of Object.values(SECRETS)) expect(body).not.toContain(s);
  });
});
