import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHeraldSchedules } from '../../../src/services/reconcile.ts';
import { startTestHerald, TEST_ADMIN_TOKEN, type TestHerald } from '../../herald.ts';

let h: TestHerald;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startTestHerald();
  const admin = h.client(TEST_ADMIN_TOKEN);
  ids.wechat = (
    await admin.targets.create.mutate({
      name: 'w',
      providerType: 'wechat',
      webhookUrl: 'https://qyapi.weixin.qq.com/x?key=k1',
    })
  ).id;
  ids.custom = (
    await admin.targets.create.mutate({
      name: 'c',
      providerType: 'custom',
      webhookUrl: 'https://hooks.example.test/h',
      customTemplate: { t: '{{title}}' },
    })
  ).id;
  await admin.settings.update.mutate({
    enabled: true,
    costAlertEnabled: true,
    dailyLeaderboardEnabled: true,
    timezone: 'Asia/Shanghai',
  });
});
afterAll(() => h?.close());

const admin = () => h.client(TEST_ADMIN_TOKEN);
const call = (input: unknown) => h.api('bindings.set', input, { token: TEST_ADMIN_TOKEN });
/** The schedules as an admin sees them over the API (and, the same, straight from pg-boss). */
const schedules = async () => {
  const viaApi = (await admin().notifications.schedules.query()).map((s) => `${s.queue} ${s.cron} ${s.tz}`).sort();
  const inQueue = (await listHeraldSchedules(h.herald.deps.boss)).map((s) => `${s.queue} ${s.cron} ${s.tz}`).sort();
  expect(viaApi).toEqual(inQueue);
  return viaApi;
};

describe('bindings', () => {
  it('set replaces the type’s bindings, and the schedules follow', async () => {
    await admin().bindings.set.mutate({
      notificationType: 'daily_leaderboard',
      bindings: [
        {
          targetId: ids.wechat as string,
          isEnabled: true,
          scheduleCron: '30 18 * * 1-5',
          scheduleTimezone: 'Europe/Berlin',
        },
        { targetId: ids.custom as string, isEnabled: true, templateOverride: { d: '{{date}}' } },
      ],
    });
    expect(await schedules()).toEqual([
      'daily-leaderboard 0 9 * * * Asia/Shanghai',
      'daily-leaderboard 30 18 * * 1-5 Europe/Berlin',
    ]);

    const list = await admin().bindings.list.query({ notificationType: 'daily_leaderboard' });
    expect(list).toHaveLength(2);
    expect(list.find((b) => b.targetId === ids.custom)).toMatchObject({
      templateOverride: { d: '{{date}}' },
      targetType: 'custom',
    });

    await admin().bindings.set.mutate({
      notificationType: 'daily_leaderboard',
      bindings: [{ targetId: ids.custom as string, isEnabled: true }],
    });
    expect(await admin().bindings.list.query({ notificationType: 'daily_leaderboard' })).toHaveLength(1);
    expect(await schedules()).toEqual(['daily-leaderboard 0 9 * * * Asia/Shanghai']);
  });

  it('a disabled binding does not send (no schedule); cost alerts use the check interval', async () => {
    await admin().bindings.set.mutate({
      notificationType: 'cost_alert',
      bindings: [
        { targetId: ids.wechat as string, isEnabled: false },
        { targetId: ids.custom as string, isEnabled: true },
      ],
    });
    expect(await schedules()).toContain('cost-alert 0 * * * * Asia/Shanghai');
    expect((await schedules()).filter((s) => s.startsWith('cost-alert'))).toHaveLength(1);
  });

  it('switching enabled off removes every schedule, on brings them back; deleting a bound target drops its own', async () => {
    const before = await schedules();
    await admin().settings.update.mutate({ enabled: false });
    expect(await schedules()).toEqual([]);
    await admin().settings.update.mutate({ enabled: true });
    expect(await schedules()).toEqual(before);
    const t = await admin().targets.create.mutate({
      name: 'temp',
      providerType: 'wechat',
      webhookUrl: 'https://qyapi.weixin.qq.com/x?key=k2',
    });
    await admin().bindings.set.mutate({
      notificationType: 'daily_leaderboard',
      bindings: [
        { targetId: ids.custom as string, isEnabled: true },
        { targetId: t.id, isEnabled: true, scheduleCron: '0 7 * * *' },
      ],
    });
    expect(await schedules()).toContain('daily-leaderboard 0 7 * * * Asia/Shanghai');
    await admin().targets.delete.mutate({ id: t.id });
    expect(await schedules()).not.toContain('daily-leaderboard 0 7 * * * Asia/Shanghai');
    expect(await schedules()).toEqual(before);
  });

  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a cron with 6 fields', { scheduleCron: '0 0 9 * * *' }, 'bindings.0.scheduleCron', /5 fields/],
    [
      'a cron that is not one',
      { scheduleCron: 'every day at 9' },
      'bindings.0.scheduleCron',
      /5 fields|not a valid cron/,
    ],
    ['an out-of-range cron', { scheduleCron: '61 9 * * *' }, 'bindings.0.scheduleCron', /not a valid cron/],
    ['an unknown zone', { scheduleTimezone: 'Moon/Base' }, 'bindings.0.scheduleTimezone', /IANA/],
    ['an unknown target', { targetId: '00000000-0000-4000-8000-000000000000' }, 'bindings.0.targetId', /no target/],
    [
      'a template on a non-custom target',
      { templateOverride: { a: '{{title}}' } },
      'bindings.0.templateOverride',
      /only to custom/,
    ],
    [
      'an unknown placeholder',
      { targetId: 'custom', templateOverride: { a: '{{provider_name}}' } },
      'bindings.0.templateOverride.a',
      /unknown variable "provider_name" for daily_leaderboard/,
    ],
  ];
  it.each(bad)('refuses %s naming the field, and changes nothing', async (_n, patch, path, message) => {
    const before = await admin().bindings.list.query();
    const beforeSchedules = await schedules();
    const binding = { targetId: ids.wechat, isEnabled: true, ...patch };
    if (patch.targetId === 'custom') binding.targetId = ids.custom;
    const r = await call({ notificationType: 'daily_leaderboard', bindings: [binding] });
    expect(r.status).toBe(400);
    const issue = r.body.error.data.issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(r.body.error.data.issues)).toBeDefined();
    expect(issue.message).toMatch(message);
    expect(await admin().bindings.list.query()).toEqual(before);
    expect(await schedules()).toEqual(beforeSchedules);
  });

  it('refuses a schedule on the event-driven circuit breaker and a target bound twice', async () => {
    const cron = await call({
      notificationType: 'circuit_breaker',
      bindings: [{ targetId: ids.wechat, scheduleCron: '0 9 * * *' }],
    });
    expect(cron.body.error.data.issues[0]).toMatchObject({
      path: 'bindings.0.scheduleCron',
      message: expect.stringMatching(/only to cost_alert and daily_leaderboard/),
    });
    const twice = await call({
      notificationType: 'circuit_breaker',
      bindings: [{ targetId: ids.wechat }, { targetId: ids.wechat }],
    });
    expect(twice.body.error.data.issues[0].path).toBe('bindings.1.targetId');
  });

  it('is audited with before and after', async () => {
    const log = await admin().audit.list.query({ entityType: 'bindings' });
    expect(log.items[0]).toMatchObject({ action: 'bindings.set', entityId: expect.any(String) });
    expect(Array.isArray(log.items[0]?.before)).toBe(true);
  });
});
