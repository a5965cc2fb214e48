import { describe, expect, it } from 'vitest';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { checkTemplate, renderTemplate, templateUses } from './render.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const custom = (
  type: 'circuit_breaker' | 'cost_alert' | 'daily_leaderboard',
  template?: Record<string, unknown>,
  data?: unknown,
) =>
  renderNotification({
    type,
    data: data ?? NOTIFICATIONS[type].sample({ now }),
    channel: 'custom',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    now,
    ...(template ? { customTemplate: template as never } : {}),
  }).body;

describe('custom templates', () => {
  it('the spec default for a cost alert', () => {
    expect(custom('cost_alert')).toEqual({
      title: '成本预警提醒',
      targetType: 'user',
      targetName: 'Alice',
      currentCost: '92.5',
      quotaLimit: '100',
      usagePercent: '92.5',
    });
  });

  it('usage_percent has one decimal, as the message shows it; its JSON is the number; empty without a quota', () => {
    const cost = NOTIFICATIONS.cost_alert.sample({ now });
    const t = { text: '{{usage_percent}}', json: '{{json:usage_percent}}' };
    expect(custom('cost_alert', t, { ...cost, currentCost: 80, quotaLimit: 100 })).toEqual({ text: '80.0', json: 80 });
    expect(custom('cost_alert', t, { ...cost, currentCost: 85.55, quotaLimit: 100 })).toEqual({
      text: '85.6',
      json: 85.6,
    });
    expect(custom('cost_alert', t, { ...cost, currentCost: 250, quotaLimit: 100 })).toEqual({
      text: '250.0',
      json: 250,
    });
    const vars = NOTIFICATIONS.cost_alert.variables({ ...cost, quotaLimit: 0 }, { locale: 'en', timezone: 'UTC', now });
    expect(vars.usage_percent).toEqual({ text: '', json: null });
  });

  it('common variables, nested objects and arrays', () => {
    const body = custom('circuit_breaker', {
      meta: { at: '{{timestamp}}', local: '{{timestamp_local}}', level: '{{level}}' },
      lines: ['{{title}}: {{provider_name}} ({{failure_count}}×)'],
      n: 1,
      ok: true,
      none: null,
    });
    expect(body).toEqual({
      meta: { at: '2026-01-15T06:30:00.000Z', local: '2026/01/15 14:30:00', level: 'error' },
      lines: ['供应商熔断告警: Anthropic Primary (5×)'],
      n: 1,
      ok: true,
      none: null,
    });
  });

  it('{{json:…}} inserts structured values raw; {{…}} inserts text', () => {
    const body = custom('daily_leaderboard', {
      entries: '{{json:entries_json}}',
      entriesText: '{{entries_json}}',
      total: '{{json:total_requests}}',
    }) as { entries: unknown[]; entriesText: string; total: number };
    expect(Array.isArray(body.entries)).toBe(true);
    expect(body.entries[0]).toMatchObject({ userId: '1', userName: 'Alice', totalCost: 48.2315 });
    expect(JSON.parse(body.entriesText)).toEqual(body.entries);
    expect(body.total).toBe(3495);
  });

  it('{{sections}} is the message as plain text', () => {
    const body = custom('circuit_breaker', { text: '{{sections}}' }) as { text: string };
    expect(body.text).toContain('> 供应商 Anthropic Primary (ID: 7) 已触发熔断保护');
    expect(body.text).toContain('失败次数: 5 次');
    expect(body.text).not.toContain('## ');
  });

  it('substitutes once: a value that looks like a placeholder stays as it is', () => {
    const data = { ...NOTIFICATIONS.circuit_breaker.sample({ now }), providerName: '{{last_error}}' };
    expect(custom('circuit_breaker', { p: '{{provider_name}}' }, data)).toEqual({ p: '{{last_error}}' });
  });

  it('renderTemplate leaves unknown placeholders as written', () => {
    expect(renderTemplate({ a: '{{nope}}' }, {})).toEqual({ a: '{{nope}}' });
  });
});

describe('checkTemplate', () => {
  it('accepts every default template for its type', () => {
    for (const def of Object.values(NOTIFICATIONS)) expect(checkTemplate(def.defaultTemplate, def.type)).toEqual([]);
  });

  it('reports unknown placeholders with their path', () => {
    expect(checkTemplate({ a: { b: ['ok {{title}}', '{{provider_nmae}}'] } }, 'circuit_breaker')).toEqual([
      {
        path: 'a.b[1]',
        placeholder: '{{provider_nmae}}',
        problem: 'unknown variable "provider_nmae" for circuit_breaker',
        code: 'template.unknown_variable',
        params: { name: 'provider_nmae' },
      },
    ]);
  });

  it("reports another type's variable when a type is given, accepts it when none is", () => {
    expect(checkTemplate({ a: '{{target_name}}' }, 'circuit_breaker')).toHaveLength(1);
    expect(checkTemplate({ a: '{{target_name}}' })).toEqual([]);
  });

  it('requires {{json:…}} to be a whole value and the template to be an object', () => {
    expect(checkTemplate({ a: 'x {{json:entries_json}}' })[0]).toMatchObject({
      problem: expect.stringMatching(/whole string value/),
      code: 'template.json_whole',
      params: { name: 'entries_json' },
    });
    expect(checkTemplate([1, 2])[0]?.problem).toMatch(/JSON object/);
    expect(checkTemplate('{{title}}')[0]?.problem).toMatch(/JSON object/);
  });
});

describe('templateUses', () => {
  it('finds a variable as text or JSON, at any depth, and only that name', () => {
    expect(templateUses({ a: '{{json:items}}' }, 'items')).toBe(true);
    expect(templateUses({ a: { b: ['x', 'n={{ items }}'] } }, 'items')).toBe(true);
    expect(templateUses({ a: '{{ json: items }}' }, 'items')).toBe(true);
    expect(templateUses({ a: '{{items_json}}', b: 'items', c: 3, d: null }, 'items')).toBe(false);
    expect(templateUses({ a: '{{title}}' }, 'items')).toBe(false);
  });
});

describe('digest-type templates on a single notification', () => {
  it('items is a list of one (its own variables) and count is 1, so one template serves both', () => {
    const body = custom('cost_alert', { n: '{{json:count}}', list: '{{json:items}}' });
    expect(body.n).toBe(1);
    expect(body.list).toEqual([
      expect.objectContaining({ event: 'over', target_name: 'Alice', usage_percent: 92.5, period_label: '本周' }),
    ]);
  });
});
