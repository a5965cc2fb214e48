import { describe, expect, it } from 'vitest';
import { type BindingDraft, buildBindingsInput, draftOf, errorAt, NO_MENTIONS } from './binding-draft.ts';
import { quietHoursDraftOf } from './quiet-hours.ts';

const messages = {
  invalidJson: (m: string) => `bad json: ${m}`,
  cronFields: 'five fields',
  cronInvalid: 'bad cron',
  quietHours: { noDays: 'no days', badTime: 'bad time', sameTimes: 'same times' },
};
const TARGET = '8f0c3c56-6c8e-4d2e-9a51-0b6f1b1d7e01';
const draft = (over: Partial<BindingDraft> = {}): BindingDraft => ({
  targetId: TARGET,
  targetName: 'Hook',
  targetType: 'custom',
  isEnabled: true,
  scheduleCron: '',
  scheduleTimezone: '',
  templateText: null,
  quietHours: quietHoursDraftOf(null),
  mentions: NO_MENTIONS,
  ...over,
});

describe('buildBindingsInput', () => {
  it('sends empty cron and zone as null and no override as null (clears it)', () => {
    const r = buildBindingsInput('daily_leaderboard', [draft()], true, messages);
    expect(r.errors).toEqual({});
    expect(r.input?.bindings[0]).toEqual({
      targetId: TARGET,
      isEnabled: true,
      scheduleCron: null,
      scheduleTimezone: null,
      templateOverride: null,
      quietHours: null,
      mentions: null,
    });
  });

  it('sends a cron, a zone and an override', () => {
    const r = buildBindingsInput(
      'daily_leaderboard',
      [draft({ scheduleCron: ' 30 9 * * 1-5 ', scheduleTimezone: 'Asia/Shanghai', templateText: '{"t":"{{title}}"}' })],
      true,
      messages,
    );
    expect(r.input?.bindings[0]).toMatchObject({
      scheduleCron: '30 9 * * 1-5',
      scheduleTimezone: 'Asia/Shanghai',
      templateOverride: { t: '{{title}}' },
    });
  });

  it('leaves schedules out for circuit breaker and overrides out for non-custom targets', () => {
    const r = buildBindingsInput(
      'circuit_breaker',
      [draft({ targetType: 'wechat', scheduleCron: '0 9 * * *', templateText: '{"x":1}' })],
      false,
      messages,
    );
    expect(r.input?.bindings[0]).toEqual({
      targetId: TARGET,
      isEnabled: true,
      templateOverride: null,
      quietHours: null,
      mentions: null,
    });
  });

  it('keys errors by the server paths: cron, zone (shared schema), JSON and placeholders', () => {
    const r = buildBindingsInput(
      'daily_leaderboard',
      [
        draft({ scheduleCron: '61 9 * * *' }),
        draft({ targetId: crypto.randomUUID(), scheduleCron: '1 2 3', scheduleTimezone: 'Mars/Olympus' }),
        draft({ targetId: crypto.randomUUID(), templateText: '{ nope' }),
        draft({ targetId: crypto.randomUUID(), templateText: '{"text":"{{no_such_thing}}"}' }),
      ],
      true,
      messages,
    );
    expect(r.input).toBeNull();
    expect(r.errors['bindings.0.scheduleCron']).toBe('bad cron');
    expect(r.errors['bindings.1.scheduleCron']).toBe('five fields');
    expect(r.errors['bindings.1.scheduleTimezone']).toMatch(/IANA/);
    expect(r.errors['bindings.2.templateOverride']).toMatch(/^bad json/);
    expect(errorAt(r.errors, 'bindings.3.templateOverride')).toMatch(/no_such_thing/);
  });
});

describe('quiet hours in bindings.set', () => {
  it('sends switched-on quiet hours with days in week order, and switched-off ones as null', () => {
    const on = { enabled: true, days: [7, 1, 5], from: ' 22:30', to: '07:00 ', bypassUrgent: false };
    const r = buildBindingsInput('cost_alert', [draft({ quietHours: on })], true, messages);
    expect(r.errors).toEqual({});
    expect(r.input?.bindings[0]?.quietHours).toEqual({
      days: [1, 5, 7],
      from: '22:30',
      to: '07:00',
      bypassUrgent: false,
    });
    const off = buildBindingsInput('cost_alert', [draft({ quietHours: { ...on, enabled: false } })], true, messages);
    expect(off.input?.bindings[0]?.quietHours).toBeNull();
  });

  it('keys quiet-hours errors by the server paths, in the UI language', () => {
    const r = buildBindingsInput(
      'circuit_breaker',
      [
        draft({ quietHours: { enabled: true, days: [], from: '25:00', to: '07:00', bypassUrgent: true } }),
        draft({
          targetId: crypto.randomUUID(),
          quietHours: { enabled: true, days: [1], from: '09:00', to: '09:00', bypassUrgent: true },
        }),
      ],
      false,
      messages,
    );
    expect(r.input).toBeNull();
    expect(r.errors).toEqual({
      'bindings.0.quietHours.days': 'no days',
      'bindings.0.quietHours.from': 'bad time',
      'bindings.1.quietHours.to': 'same times',
    });
  });
});

describe('draftOf', () => {
  it('shows a stored override as indented JSON and none as null', () => {
    const base = {
      id: 'b',
      notificationType: 'cost_alert' as const,
      targetId: TARGET,
      targetName: 'Hook',
      targetType: 'custom',
      targetEnabled: true,
      isEnabled: true,
      scheduleCron: null,
      scheduleTimezone: 'UTC',
      quietHours: null,
      mentions: null,
    };
    expect(draftOf({ ...base, templateOverride: { a: 1 } }).templateText).toBe('{\n  "a": 1\n}');
    expect(draftOf({ ...base, templateOverride: null })).toMatchObject({ templateText: null, scheduleCron: '' });
  });

  it('shows stored quiet hours switched on, and none as switched off with a starting period', () => {
    const base = {
      id: 'b',
      notificationType: 'cost_alert' as const,
      targetId: TARGET,
      targetName: 'Hook',
      targetType: 'custom',
      targetEnabled: true,
      isEnabled: true,
      scheduleCron: null,
      scheduleTimezone: null,
      templateOverride: null,
      mentions: null,
    };
    const stored = { days: [6, 7], from: '00:00', to: '09:00', bypassUrgent: false };
    expect(draftOf({ ...base, quietHours: stored }).quietHours).toEqual({ enabled: true, ...stored });
    expect(draftOf({ ...base, quietHours: null }).quietHours).toMatchObject({ enabled: false, from: '22:00' });
  });
});

describe('mentions', () => {
  it('are sent trimmed, with no levels as every level, and nobody as null', () => {
    const r = buildBindingsInput(
      'circuit_breaker',
      [
        draft({ targetType: 'dingtalk', mentions: { people: [' 13800138000 ', ''], levels: [] } }),
        draft({
          targetId: '8f0c3c56-6c8e-4d2e-9a51-0b6f1b1d7e02',
          targetType: 'telegram',
          mentions: { people: ['@oncall_alice'], levels: ['error'] },
        }),
        draft({ targetId: '8f0c3c56-6c8e-4d2e-9a51-0b6f1b1d7e03', targetType: 'custom' }),
      ],
      false,
      messages,
    );
    expect(r.errors).toEqual({});
    expect(r.input?.bindings.map((b) => b.mentions)).toEqual([
      { people: ['13800138000'], levels: null },
      { people: ['@oncall_alice'], levels: ['error'] },
      null,
    ]);
  });

  it('are checked by the target’s channel at the server’s paths', () => {
    const r = buildBindingsInput(
      'circuit_breaker',
      [draft({ targetType: 'feishu', mentions: { people: ['ou_abc', 'a@example.com'], levels: [] } })],
      false,
      messages,
    );
    expect(r.input).toBeNull();
    expect(r.errors['bindings.0.mentions.people.1']).toMatch(/can't mention by email/);
    expect(errorAt(r.errors, 'bindings.0.mentions')).toMatch(/^people\.1: /);
    const custom = buildBindingsInput(
      'circuit_breaker',
      [draft({ mentions: { people: ['x'], levels: [] } })],
      false,
      messages,
    );
    expect(custom.errors).toEqual({ 'bindings.0.mentions': "custom can't mention people" });
  });

  it('a stored binding’s mentions become the draft’s', () => {
    const view = {
      id: 'b',
      notificationType: 'cost_alert' as const,
      targetId: TARGET,
      targetName: 'Hook',
      targetType: 'dingtalk',
      targetEnabled: true,
      isEnabled: true,
      scheduleCron: null,
      scheduleTimezone: null,
      templateOverride: null,
      quietHours: null,
    };
    expect(draftOf({ ...view, mentions: { people: ['13800138000'], levels: null } }).mentions).toEqual({
      people: ['13800138000'],
      levels: [],
    });
    expect(draftOf({ ...view, mentions: null }).mentions).toEqual(NO_MENTIONS);
  });
});
