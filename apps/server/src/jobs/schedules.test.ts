import { describe, expect, it } from 'vitest';
import type { ScheduleBinding, ScheduleConfig, ScheduleSettings } from '../domain/schedule-config.ts';
import { assertValidCron, dailyCron, desiredSchedules, planSchedules } from './schedules.ts';

const T1 = '00000000-0000-4000-8000-0000000000a1';
const T2 = '00000000-0000-4000-8000-0000000000a2';

function settings(patch: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    enabled: true,
    useLegacyMode: true,
    costAlertEnabled: true,
    dailyLeaderboardEnabled: true,
    costAlertWebhookSet: true,
    dailyLeaderboardWebhookSet: true,
    costAlertCheckInterval: 60,
    dailyLeaderboardTime: '09:00',
    cacheHitRateEnabled: false,
    cacheHitRateWebhookSet: false,
    cacheHitRateCheckInterval: 5,
    timezone: 'Asia/Shanghai',
    ...patch,
  };
}

function binding(id: string, type: string, patch: Partial<ScheduleBinding> = {}): ScheduleBinding {
  return {
    id,
    notificationType: type,
    targetId: T1,
    isEnabled: true,
    targetEnabled: true,
    scheduleCron: null,
    scheduleTimezone: null,
    ...patch,
  };
}

function config(s: Partial<ScheduleSettings>, bindings: ScheduleBinding[] = []): ScheduleConfig {
  return { settings: settings(s), bindings };
}

const newMode = { useLegacyMode: false };

describe('desiredSchedules: master switch', () => {
  it('schedules nothing while notifications are off, in either mode', () => {
    const bindings = [binding('b1', 'cost_alert'), binding('b2', 'daily_leaderboard')];
    expect(desiredSchedules(config({ enabled: false }, bindings))).toEqual([]);
    expect(desiredSchedules(config({ enabled: false, ...newMode }, bindings))).toEqual([]);
  });
});

describe('desiredSchedules: legacy mode', () => {
  it('schedules both types in the settings time zone with the legacy key and data', () => {
    expect(desiredSchedules(config({ dailyLeaderboardTime: '17:05' }))).toEqual([
      { queue: 'cost-alert', key: 'legacy', cron: '0 * * * *', tz: 'Asia/Shanghai', data: { legacy: true } },
      { queue: 'daily-leaderboard', key: 'legacy', cron: '5 17 * * *', tz: 'Asia/Shanghai', data: { legacy: true } },
    ]);
  });

  it('numbers the keys when the interval needs several crons', () => {
    const s = desiredSchedules(config({ costAlertCheckInterval: 90, dailyLeaderboardEnabled: false }));
    expect(s.map((x) => [x.key, x.cron])).toEqual([
      ['legacy/1', '0 0,3,6,9,12,15,18,21 * * *'],
      ['legacy/2', '30 1,4,7,10,13,16,19,22 * * *'],
    ]);
  });

  it('needs both the type switch and the legacy URL', () => {
    expect(desiredSchedules(config({ costAlertEnabled: false, dailyLeaderboardWebhookSet: false }))).toEqual([]);
    expect(desiredSchedules(config({ costAlertWebhookSet: false })).map((s) => s.queue)).toEqual(['daily-leaderboard']);
    expect(desiredSchedules(config({ dailyLeaderboardEnabled: false })).map((s) => s.queue)).toEqual(['cost-alert']);
  });

  it('ignores bindings', () => {
    const s = desiredSchedules(config({}, [binding('b1', 'cost_alert', { scheduleCron: '*/5 * * * *' })]));
    expect(s.every((x) => x.key === 'legacy')).toBe(true);
  });

  it('falls back to UTC without a settings time zone', () => {
    expect(desiredSchedules(config({ timezone: null })).map((s) => s.tz)).toEqual(['UTC', 'UTC']);
  });
});

describe('desiredSchedules: new mode', () => {
  it('schedules each enabled binding with defaults in the settings time zone', () => {
    const s = desiredSchedules(
      config({ ...newMode, dailyLeaderboardTime: '08:30' }, [
        binding('b1', 'cost_alert', { targetId: T1 }),
        binding('b2', 'daily_leaderboard', { targetId: T2 }),
      ]),
    );
    expect(s).toEqual([
      {
        queue: 'cost-alert',
        key: 'binding/b1',
        cron: '0 * * * *',
        tz: 'Asia/Shanghai',
        data: { bindingId: 'b1', targetId: T1 },
      },
      {
        queue: 'daily-leaderboard',
        key: 'binding/b2',
        cron: '30 8 * * *',
        tz: 'Asia/Shanghai',
        data: { bindingId: 'b2', targetId: T2 },
      },
    ]);
  });

  it("uses the binding's cron and time zone over the settings'", () => {
    const s = desiredSchedules(
      config(newMode, [
        binding('b1', 'daily_leaderboard', { scheduleCron: '0 18 * * 1-5', scheduleTimezone: 'Europe/Berlin' }),
        binding('b2', 'cost_alert', { scheduleCron: '*/20 * * * *' }),
        binding('b3', 'cost_alert', { scheduleTimezone: 'America/New_York' }),
      ]),
    );
    expect(s.map((x) => [x.key, x.cron, x.tz])).toEqual([
      ['binding/b1', '0 18 * * 1-5', 'Europe/Berlin'],
      ['binding/b2', '*/20 * * * *', 'Asia/Shanghai'],
      ['binding/b3', '0 * * * *', 'America/New_York'],
    ]);
  });

  it('falls back to UTC when neither binding nor settings name a zone; blank counts as none', () => {
    const s = desiredSchedules(
      config({ ...newMode, timezone: null }, [
        binding('b1', 'cost_alert', { scheduleTimezone: ' ', scheduleCron: '' }),
      ]),
    );
    expect(s).toMatchObject([{ key: 'binding/b1', cron: '0 * * * *', tz: 'UTC' }]);
  });

  it('numbers the keys of a binding whose default interval needs several crons', () => {
    const s = desiredSchedules(config({ ...newMode, costAlertCheckInterval: 90 }, [binding('b1', 'cost_alert')]));
    expect(s.map((x) => x.key)).toEqual(['binding/b1/1', 'binding/b1/2']);
    expect(s.every((x) => x.tz === 'Asia/Shanghai')).toBe(true);
  });

  it('leaves out disabled bindings and bindings of disabled targets', () => {
    const s = desiredSchedules(
      config(newMode, [
        binding('b1', 'cost_alert', { isEnabled: false }),
        binding('b2', 'daily_leaderboard', { targetEnabled: false }),
        binding('b3', 'daily_leaderboard'),
      ]),
    );
    expect(s.map((x) => x.key)).toEqual(['binding/b3']);
  });

  it('leaves out a type whose switch is off', () => {
    const bindings = [binding('b1', 'cost_alert'), binding('b2', 'daily_leaderboard')];
    expect(desiredSchedules(config({ ...newMode, costAlertEnabled: false }, bindings)).map((x) => x.key)).toEqual([
      'binding/b2',
    ]);
    expect(
      desiredSchedules(config({ ...newMode, dailyLeaderboardEnabled: false }, bindings)).map((x) => x.key),
    ).toEqual(['binding/b1']);
  });

  it('never schedules circuit-breaker bindings (event-driven)', () => {
    expect(
      desiredSchedules(config(newMode, [binding('b1', 'circuit_breaker', { scheduleCron: '* * * * *' })])),
    ).toEqual([]);
  });

  it('ignores legacy URLs', () => {
    expect(desiredSchedules(config(newMode))).toEqual([]);
  });
});

describe('planSchedules: invalid configuration', () => {
  it('reports a bad binding cron or zone and keeps the rest', () => {
    const plan = planSchedules(
      config(newMode, [
        binding('bad-cron', 'daily_leaderboard', { scheduleCron: '61 9 * * *' }),
        binding('bad-zone', 'cost_alert', { scheduleTimezone: 'Mars/Olympus' }),
        binding('six-fields', 'cost_alert', { scheduleCron: '0 0 9 * * *' }),
        binding('macro', 'cost_alert', { scheduleCron: '@daily' }),
        binding('ok', 'cost_alert'),
      ]),
    );
    expect(plan.schedules.map((s) => s.key)).toEqual(['binding/ok']);
    expect(plan.invalid.map((i) => i.bindingId)).toEqual(['bad-cron', 'bad-zone', 'six-fields', 'macro']);
    expect(plan.invalid[0]).toMatchObject({ queue: 'daily-leaderboard', key: 'binding/bad-cron', tz: 'Asia/Shanghai' });
    for (const i of plan.invalid) expect(i.reason).not.toBe('');
  });

  it('reports a bad time or interval in legacy mode without a binding id', () => {
    const plan = planSchedules(config({ dailyLeaderboardTime: '25:00', costAlertCheckInterval: 0 }));
    expect(plan.schedules).toEqual([]);
    expect(plan.invalid.map((i) => [i.queue, i.key, i.bindingId])).toEqual([
      ['cost-alert', 'legacy', undefined],
      ['daily-leaderboard', 'legacy', undefined],
    ]);
  });

  it('an invalid settings zone invalidates what depends on it, not bindings with their own zone', () => {
    const plan = planSchedules(
      config({ ...newMode, timezone: 'Not/AZone' }, [
        binding('own', 'cost_alert', { scheduleTimezone: 'UTC' }),
        binding('inherits', 'daily_leaderboard'),
      ]),
    );
    expect(plan.schedules.map((s) => s.key)).toEqual(['binding/own']);
    expect(plan.invalid.map((i) => i.bindingId)).toEqual(['inherits']);
  });
});

describe('helpers', () => {
  it('dailyCron turns HH:mm into minute hour', () => {
    expect(dailyCron('09:00')).toBe('0 9 * * *');
    expect(dailyCron('23:59')).toBe('59 23 * * *');
    expect(() => dailyCron('9:00')).toThrow();
    expect(() => dailyCron('24:00')).toThrow();
  });

  it('assertValidCron accepts five-field crons in a real zone only', () => {
    expect(() => assertValidCron('0 9 * * 1-5', 'Asia/Shanghai')).not.toThrow();
    expect(() => assertValidCron('0 9 * *', 'UTC')).toThrow(/5 fields/);
    expect(() => assertValidCron('0 9 31 2 *', 'UTC')).toThrow();
    expect(() => assertValidCron('0 9 * * *', 'Nowhere/City')).toThrow();
  });
});
