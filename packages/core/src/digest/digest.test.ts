import { describe, expect, it } from 'vitest';
import { type Locale, NOTIFICATION_TYPES } from '../domain.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { CircuitBreakerNotificationData, CostAlertData, NOTIFICATIONS } from '../notifications/index.ts';
import { checkTemplate } from '../template/render.ts';
import { buildDigestMessage, DIGEST_TYPES, digestSample, hasDigest, renderDigest } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const ctx = (locale: Locale) => ({ locale, timezone, now });
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const opened = (i: number) =>
  CircuitBreakerNotificationData.parse({
    providerId: String(i),
    providerName: `P${i}`,
    failureCount: 5,
    retryAt: '2026-01-15T07:00:00Z',
    ...(i === 1 ? { lastError: 'timeout' } : {}),
  });
const recovered = (i: number) =>
  CircuitBreakerNotificationData.parse({
    ...opened(i),
    event: 'recovered',
    openedAt: minutesAgo(12),
    closedAt: minutesAgo(0),
    failuresWhileOpen: 2,
  });
const flapping = (i: number) => CircuitBreakerNotificationData.parse({ ...opened(i), event: 'flapping', flapCount: 4 });
const cost = (i: number, patch: Record<string, unknown> = {}) =>
  CostAlertData.parse({
    targetType: 'user',
    targetId: String(i),
    targetName: `U${i}`,
    currentCost: 120,
    quotaLimit: 100,
    threshold: 1,
    period: 'weekly',
    ...patch,
  });
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i + 1));

const cbDigest = (items: unknown[], locale: Locale) => buildDigestMessage('circuit_breaker', items, ctx(locale));
const costDigest = (items: unknown[], locale: Locale) => buildDigestMessage('cost_alert', items, ctx(locale));

describe('which types have digests', () => {
  it('breakers and cost alerts; a leaderboard is one report already', () => {
    expect([hasDigest('circuit_breaker'), hasDigest('cost_alert'), hasDigest('daily_leaderboard')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(DIGEST_TYPES).toEqual(['circuit_breaker', 'cost_alert']);
    for (const type of NOTIFICATION_TYPES) {
      const template = NOTIFICATIONS[type].defaultDigestTemplate;
      expect(template !== undefined).toBe(hasDigest(type));
      if (template) expect(checkTemplate(template, type)).toEqual([]);
    }
    const board = NOTIFICATIONS.daily_leaderboard.sample({ now });
    expect(() => buildDigestMessage('daily_leaderboard', [board], ctx('en'))).toThrow(
      'daily_leaderboard notifications have no digest',
    );
    expect(() => digestSample('daily_leaderboard', now)).toThrow('daily_leaderboard notifications have no digest');
  });

  it('refuses an empty digest and a part outside its total', () => {
    expect(() => cbDigest([], 'en')).toThrow('a digest needs at least one notification');
    expect(() => buildDigestMessage('circuit_breaker', [opened(1)], ctx('en'), { index: 4, total: 3 })).toThrow(
      'part.index must be a whole number from 1 to part.total (3), not 4',
    );
    expect(() => buildDigestMessage('circuit_breaker', [opened(1)], ctx('en'), { index: 0, total: 3 })).toThrow(
      'not 0',
    );
  });
});

describe('circuit breaker digest', () => {
  it('counts the providers in the title and lists each with failures and the local retry time', () => {
    const zh = cbDigest(times(5, opened), 'zh-CN');
    expect([zh.title, zh.level]).toEqual(['5 个供应商熔断', 'error']);
    expect(sectionsAsPlainText(zh).split('\n').slice(0, 4)).toEqual([
      '- P1 (ID: 1)',
      '  失败 5 次 · 预计恢复 2026-01-15 15:00 (Asia/Shanghai) · 最后错误: timeout',
      '- P2 (ID: 2)',
      '  失败 5 次 · 预计恢复 2026-01-15 15:00 (Asia/Shanghai)',
    ]);
    const en = cbDigest(times(5, opened), 'en');
    expect([en.title, en.level]).toEqual(["5 providers' circuit breakers opened", 'error']);
    expect(sectionsAsPlainText(en)).toContain(
      '- P1 (ID: 1)\n  5 consecutive failures · expected recovery 2026-01-15 15:00 (Asia/Shanghai) · last error: timeout',
    );
    expect(cbDigest([opened(1)], 'en').title).toBe("1 provider's circuit breaker opened");
  });

  it('mixed events: each counted in the title, recovered and flapping rows marked', () => {
    const items = [opened(1), recovered(2), opened(3), flapping(4), recovered(5), opened(6)];
    const zh = cbDigest(items, 'zh-CN');
    expect([zh.title, zh.level]).toEqual(['供应商熔断：3 个熔断 · 2 个恢复 · 1 个频繁切换', 'error']);
    expect(sectionsAsPlainText(zh)).toContain(
      '- P2 (ID: 2)\n  ✅ 已恢复（熔断 12 分钟） · 恢复时间 2026-01-15 14:30 (Asia/Shanghai) · 熔断期间失败 2 次',
    );
    expect(sectionsAsPlainText(zh)).toContain(
      '- P4 (ID: 4)\n  🔁 30 分钟内开合 4 次，持续关闭 15 分钟前不再告警 · 失败 5 次',
    );
    const en = cbDigest(items, 'en');
    expect(en.title).toBe('Provider circuit breakers: 3 opened · 2 recovered · 1 flapping');
    expect(sectionsAsPlainText(en)).toContain(
      '✅ recovered after 12 min · at 2026-01-15 14:30 (Asia/Shanghai) · 2 failures while open',
    );
    expect(sectionsAsPlainText(en)).toContain(
      '🔁 flapping: opened and closed 4 times in 30 min; no alerts until closed 15 min · 5 consecutive failures',
    );
  });

  it('level: error with any opened, else warning with any flapping, else info', () => {
    expect(cbDigest([recovered(1), flapping(2)], 'en')).toMatchObject({
      title: 'Provider circuit breakers: 1 recovered · 1 flapping',
      level: 'warning',
    });
    expect(cbDigest([recovered(1), recovered(2)], 'zh-CN')).toMatchObject({
      title: '2 个供应商熔断恢复',
      level: 'info',
    });
    expect(cbDigest([recovered(1), recovered(2)], 'en').title).toBe('2 providers recovered');
    expect(cbDigest([flapping(1)], 'en').title).toBe('1 provider flapping');
    expect(cbDigest([flapping(1), flapping(2)], 'zh-CN').title).toBe('2 个供应商熔断频繁切换');
  });

  it('a part says which of how many; a whole digest does not', () => {
    const part = (index: number, total: number) =>
      buildDigestMessage('circuit_breaker', [opened(1)], ctx('en'), { index, total }).title;
    expect(part(2, 3)).toBe("1 provider's circuit breaker opened (2/3)");
    expect(part(1, 1)).toBe("1 provider's circuit breaker opened");
  });
});

describe('cost alert digest', () => {
  it('users over their quota: each with period, spend / limit, usage and the threshold crossed', () => {
    const zh = costDigest(
      times(12, (i) => cost(i)),
      'zh-CN',
    );
    expect([zh.title, zh.level]).toEqual(['12 位用户超出额度', 'error']);
    expect(sectionsAsPlainText(zh).split('\n').slice(0, 2)).toEqual([
      '- 用户 U1 (ID: 1)',
      '  本周 · 120.00 / 100.00 USD · 120.0% 🔴 · 阈值 100%',
    ]);
    const en = costDigest(
      times(12, (i) => cost(i)),
      'en',
    );
    expect([en.title, en.level]).toEqual(['12 users over their quota', 'error']);
    expect(sectionsAsPlainText(en)).toContain(
      '- User U1 (ID: 1)\n  This week · 120.00 / 100.00 USD · 120.0% 🔴 · threshold 100%',
    );
  });

  it('users and providers named together; below 100 % they reached a threshold, a warning', () => {
    const mixed = [
      cost(1),
      cost(2, { targetType: 'provider', period: '5h' }),
      cost(3),
      cost(4, { targetType: 'provider' }),
    ];
    expect(costDigest(mixed, 'zh-CN').title).toBe('2 位用户和 2 个供应商超出额度');
    expect(costDigest(mixed, 'en').title).toBe('2 users and 2 providers over their quota');
    expect(sectionsAsPlainText(costDigest(mixed, 'en'))).toContain('- Provider U2 (ID: 2)\n  Last 5 hours ·');
    const under = [cost(1, { currentCost: 85, threshold: 0.8 }), cost(2, { currentCost: 92.5, threshold: 0.9 })];
    expect(costDigest(under, 'zh-CN')).toMatchObject({ title: '2 位用户达到消费预警阈值', level: 'warning' });
    expect(costDigest(under, 'en')).toMatchObject({
      title: '2 users reached their spending alert threshold',
      level: 'warning',
    });
    expect(sectionsAsPlainText(costDigest(under, 'en'))).toContain('92.5% 🔴 · threshold 90%');
    // One at 100 % makes it an error, but the others only reached their threshold.
    expect(costDigest([...under, cost(3)], 'en')).toMatchObject({
      title: '3 users reached their spending alert threshold',
      level: 'error',
    });
    expect(costDigest([cost(1, { targetType: 'provider' })], 'en').title).toBe('1 provider over its quota');
    expect(costDigest([cost(1)], 'en').title).toBe('1 user over their quota');
  });

  it('recoveries: info when all are back under, counted apart when mixed', () => {
    const back = (i: number) => cost(i, { event: 'recovered', currentCost: 5 });
    expect(costDigest([back(1), back(2)], 'zh-CN')).toMatchObject({ title: '2 位用户消费恢复正常', level: 'info' });
    expect(costDigest([back(1), back(2)], 'en').title).toBe('2 users back under their threshold');
    expect(sectionsAsPlainText(costDigest([back(1)], 'en'))).toContain(
      '- User U1 (ID: 1)\n  ✅ back under in a new period · This week · 5.00 / 100.00 USD · 5.0% 🟢',
    );
    expect(costDigest([cost(1), back(2), cost(3)], 'zh-CN')).toMatchObject({
      title: '成本预警：2 个超过阈值 · 1 个恢复正常',
      level: 'error',
    });
    expect(costDigest([cost(1), back(2)], 'en').title).toBe('Cost alerts: 1 over threshold · 1 back under');
  });
});

describe('digest samples', () => {
  it.each(DIGEST_TYPES)('%s: three valid notifications of the type', (type) => {
    const items = digestSample(type, now);
    expect(items).toHaveLength(3);
    for (const item of items) expect(NOTIFICATIONS[type].data.parse(item)).toEqual(item);
    expect(buildDigestMessage(type, items, ctx('en')).sections[0]?.blocks[0]).toMatchObject({ type: 'list' });
  });
});

describe('custom webhook digests', () => {
  const render = (customTemplate?: Record<string, string>) =>
    renderDigest({
      type: 'circuit_breaker',
      items: [opened(1), recovered(2), opened(3)],
      channel: 'custom',
      locale: 'en',
      timezone,
      now,
      ...(customTemplate ? { customTemplate } : {}),
    }).body;

  it('the default digest template: title, count and a real array of each item’s own variables', () => {
    const body = render();
    expect(Object.keys(body)).toEqual(['title', 'count', 'items']);
    expect(body.title).toBe('Provider circuit breakers: 2 opened · 1 recovered');
    expect(body.count).toBe(3);
    expect(Array.isArray(body.items)).toBe(true);
    const items = body.items as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.provider_name, i.event, i.recovered_after_seconds])).toEqual([
      ['P1', 'opened', null],
      ['P2', 'recovered', 720],
      ['P3', 'opened', null],
    ]);
    expect(items[0]).toMatchObject({ provider_id: '1', failure_count: 5, last_error: 'timeout' });
  });

  it('the target’s template when it lists items, else the default digest template', () => {
    expect(render({ text: '{{title}}: {{count}}', list: '{{json:items}}' })).toMatchObject({
      text: 'Provider circuit breakers: 2 opened · 1 recovered: 3',
      list: [{ provider_name: 'P1' }, { provider_name: 'P2' }, { provider_name: 'P3' }],
    });
    const raw = String(render({ raw: 'items={{items}}' }).raw);
    expect(raw.startsWith('items=[{"event":"opened","provider_name":"P1"')).toBe(true);
    expect(JSON.parse(raw.slice('items='.length))).toHaveLength(3);
    // Made for single notifications: it would show one provider, so the digest's own is used.
    expect(Object.keys(render({ provider: '{{provider_name}}' }))).toEqual(['title', 'count', 'items']);
  });

  it('items and count are names a template of a digest type may use', () => {
    const tpl = { all: '{{json:items}}', n: '{{count}}' };
    expect(checkTemplate(tpl, 'cost_alert')).toEqual([]);
    expect(checkTemplate(tpl, 'circuit_breaker')).toEqual([]);
    expect(checkTemplate(tpl, 'daily_leaderboard').map((p) => p.problem)).toEqual([
      'unknown variable "items" for daily_leaderboard',
      'unknown variable "count" for daily_leaderboard',
    ]);
  });
});
