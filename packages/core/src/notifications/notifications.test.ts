import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { CircuitBreakerData, CostAlertData, DailyLeaderboardData, LeaderboardEntry, NOTIFICATIONS } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const ctx = (locale: Locale) => ({ locale, timezone: 'Asia/Shanghai', now });
type Parsed = { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } };
const badFields = (r: Parsed) => r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('notification data', () => {
  const cost = NOTIFICATIONS.cost_alert.sample({ now });

  it('cost alert: ids and names trimmed, each field within its range', () => {
    expect(CostAlertData.parse({ ...cost, targetId: 42, targetName: '  Alice  ' })).toMatchObject({
      targetId: '42',
      targetName: 'Alice',
    });
    expect(CostAlertData.parse({ ...cost, targetId: ' 7 ' }).targetId).toBe('7');
    const bad = (patch: Record<string, unknown>) => badFields(CostAlertData.safeParse({ ...cost, ...patch }));
    expect(bad({ targetType: 'team' })).toEqual(['targetType']);
    expect(bad({ targetType: 'provider' })).toEqual([]);
    expect(bad({ targetId: ' ' })).toEqual(['targetId']);
    expect(bad({ targetId: 'x'.repeat(128) })).toEqual([]);
    expect(bad({ targetId: 'x'.repeat(129) })).toEqual(['targetId']);
    expect(bad({ targetId: 1.5 })).toEqual(['targetId']);
    expect(bad({ targetName: ' ' })).toEqual(['targetName']);
    expect(bad({ targetName: 'n'.repeat(200) })).toEqual([]);
    expect(bad({ targetName: 'n'.repeat(201) })).toEqual(['targetName']);
    expect(bad({ currentCost: 0 })).toEqual([]);
    expect(bad({ currentCost: -0.01 })).toEqual(['currentCost']);
    expect(bad({ quotaLimit: 0 })).toEqual(['quotaLimit']);
    expect(bad({ threshold: 0 })).toEqual([]);
    expect(bad({ threshold: 10 })).toEqual([]);
    expect(bad({ threshold: -0.1 })).toEqual(['threshold']);
    expect(bad({ threshold: 10.1 })).toEqual(['threshold']);
    expect(bad({ period: 'daily' })).toEqual(['period']);
  });

  it('each definition is registered under its own type', () => {
    for (const [type, def] of Object.entries(NOTIFICATIONS)) expect(def.type).toBe(type);
  });

  it('circuit breaker: why an id or a name is refused', () => {
    const cb = NOTIFICATIONS.circuit_breaker.sample({ now });
    const why = (patch: Record<string, unknown>) =>
      CircuitBreakerData.safeParse({ ...cb, ...patch }).error?.issues.map((i) => i.message) ?? [];
    expect(JSON.stringify(CircuitBreakerData.safeParse({ ...cb, providerId: ' ' }).error)).toContain(
      'must not be empty',
    );
    expect(JSON.stringify(CircuitBreakerData.safeParse({ ...cb, providerId: 'x'.repeat(129) }).error)).toContain(
      'at most 128 characters',
    );
    expect(why({ providerName: ' ' })).toEqual(['a name is required']);
    expect(why({ providerName: 'n'.repeat(201) })).toEqual(['at most 200 characters']);
  });

  it('circuit breaker and leaderboard: the same id and name rules', () => {
    const cb = NOTIFICATIONS.circuit_breaker.sample({ now });
    const bad = (patch: Record<string, unknown>) => badFields(CircuitBreakerData.safeParse({ ...cb, ...patch }));
    expect(CircuitBreakerData.parse({ ...cb, providerId: ' 9 ', providerName: ' P ' })).toMatchObject({
      providerId: '9',
      providerName: 'P',
    });
    expect(bad({ providerId: 'x'.repeat(129) })).toEqual(['providerId']);
    expect(bad({ providerId: ' ' })).toEqual(['providerId']);
    expect(bad({ providerName: ' ' })).toEqual(['providerName']);
    expect(bad({ providerName: 'n'.repeat(201) })).toEqual(['providerName']);
    expect(bad({ failureCount: 0 })).toEqual(['failureCount']);
    expect(bad({ failureCount: 1 })).toEqual([]);

    const entry = { userId: 1, userName: ' U ', totalRequests: 0, totalCost: 0, totalTokens: 0 };
    expect(LeaderboardEntry.parse(entry)).toEqual({ ...entry, userId: '1', userName: 'U' });
    const badEntry = (patch: Record<string, unknown>) => badFields(LeaderboardEntry.safeParse({ ...entry, ...patch }));
    expect(badEntry({ userId: ' ' })).toEqual(['userId']);
    expect(badEntry({ userId: 'x'.repeat(129) })).toEqual(['userId']);
    expect(badEntry({ userName: '' })).toEqual(['userName']);
    expect(badEntry({ userName: 'n'.repeat(201) })).toEqual(['userName']);
    for (const f of ['totalRequests', 'totalCost', 'totalTokens']) expect(badEntry({ [f]: -1 })).toEqual([f]);
    expect(badEntry({ totalRequests: 1.5 })).toEqual(['totalRequests']);
    expect(badEntry({ totalTokens: 1.5 })).toEqual(['totalTokens']);
    const board = NOTIFICATIONS.daily_leaderboard.sample({ now });
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ ...entry, userId: i }));
    expect(DailyLeaderboardData.safeParse({ ...board, entries: entries(50) }).success).toBe(true);
    expect(badFields(DailyLeaderboardData.safeParse({ ...board, entries: entries(51) }))).toEqual(['entries']);
    expect(badFields(DailyLeaderboardData.safeParse({ ...board, date: '2026-02-30' }))).toEqual(['date']);
    expect(badFields(DailyLeaderboardData.safeParse({ ...board, totalTokens: -1 }))).toEqual(['totalTokens']);
  });
});

describe('messages in each language', () => {
  const cost = NOTIFICATIONS.cost_alert.sample({ now });
  const costText = (patch: Record<string, unknown>, locale: Locale) =>
    sectionsAsPlainText(NOTIFICATIONS.cost_alert.build(CostAlertData.parse({ ...cost, ...patch }), ctx(locale)));

  it('cost alert: who, period and the figures', () => {
    expect(costText({ targetType: 'provider', period: '5h' }, 'zh-CN')).toBe(
      [
        '> 供应商 Alice 的消费已达到预警阈值',
        '',
        '消费详情',
        '当前消费: 92.50 USD',
        '配额限制: 100.00 USD',
        '使用比例: 92.5% 🔴',
        '剩余额度: 7.50 USD',
        '统计周期: 5小时',
        '',
        '---',
        '请注意控制消费',
      ].join('\n'),
    );
    expect(costText({ period: 'monthly' }, 'zh-CN')).toContain('> 用户 Alice 的消费已达到预警阈值');
    expect(costText({ period: 'monthly' }, 'zh-CN')).toContain('统计周期: 本月');
    expect(costText({ period: 'weekly' }, 'zh-CN')).toContain('统计周期: 本周');
    expect(costText({ targetType: 'provider', period: '5h' }, 'en')).toBe(
      [
        '> Provider Alice has reached the spending alert threshold',
        '',
        'Spending',
        'Current spend: 92.50 USD',
        'Quota: 100.00 USD',
        'Usage: 92.5% 🔴',
        'Remaining: 7.50 USD',
        'Period: Last 5 hours',
        '',
        '---',
        'Please keep spending under control',
      ].join('\n'),
    );
    expect(costText({ period: 'monthly' }, 'en')).toContain('Period: This month');
    expect(costText({ period: 'weekly' }, 'en')).toContain('> User Alice has');
  });

  it('cost alert level: a warning below 100 %, an error from 100 %', () => {
    const level = (currentCost: number) =>
      NOTIFICATIONS.cost_alert.build({ ...cost, currentCost, quotaLimit: 100 }, ctx('en')).level;
    expect([level(99.9), level(100), level(150)]).toEqual(['warning', 'error', 'error']);
  });

  it('cost alert variables: remaining to the micro-dollar, period in words', () => {
    const vars = (patch: Record<string, unknown>, locale: Locale = 'en') =>
      NOTIFICATIONS.cost_alert.variables({ ...cost, ...patch }, ctx(locale));
    expect(vars({ currentCost: 80.1234567, quotaLimit: 100 }).remaining).toEqual({
      text: '19.876543',
      json: 19.876543,
    });
    expect(vars({ currentCost: 120, quotaLimit: 100 }).remaining).toEqual({ text: '-20', json: -20 });
    expect(vars({ period: '5h' }, 'zh-CN').period_label).toEqual({ text: '5小时', json: '5小时' });
    expect(vars({}).threshold).toEqual({ text: '0.9', json: 0.9 });
    expect(vars({}).target_id).toEqual({ text: '42', json: '42' });
  });

  it('circuit breaker: the last error only when there is one', () => {
    const cb = NOTIFICATIONS.circuit_breaker.sample({ now });
    const text = (patch: Record<string, unknown>, locale: Locale) =>
      sectionsAsPlainText(NOTIFICATIONS.circuit_breaker.build({ ...cb, ...patch }, ctx(locale)));
    expect(text({ lastError: undefined }, 'en')).toBe(
      [
        '> Provider Anthropic Primary (ID: 7) has tripped its circuit breaker',
        '',
        'Details',
        'Consecutive failures: 5',
        'Expected recovery: 2026-01-15 15:00 (Asia/Shanghai)',
        '',
        '---',
        'The circuit breaker recovers automatically at the expected time',
      ].join('\n'),
    );
    expect(text({ lastError: '' }, 'zh-CN')).not.toContain('最后错误');
    expect(text({}, 'zh-CN')).toContain('最后错误: upstream 529: overloaded_error');
    const vars = NOTIFICATIONS.circuit_breaker.variables({ ...cb, lastError: undefined }, ctx('en'));
    expect(vars.last_error).toEqual({ text: '', json: '' });
  });

  it('leaderboard: an empty day says so, in each language', () => {
    const empty = { date: '2026-01-15', entries: [], totalRequests: 0, totalCost: 0 };
    expect(sectionsAsPlainText(NOTIFICATIONS.daily_leaderboard.build(empty, ctx('zh-CN')))).toBe(
      [
        '> 统计时间: 2026-01-15',
        '',
        '排名情况',
        '暂无数据',
        '',
        '---',
        '',
        '总览',
        '总请求 0 次 · 总消费 0.00 USD',
      ].join('\n'),
    );
    expect(sectionsAsPlainText(NOTIFICATIONS.daily_leaderboard.build(empty, ctx('en')))).toBe(
      [
        '> Date: 2026-01-15',
        '',
        'Ranking',
        'No data',
        '',
        '---',
        '',
        'Overview',
        'Total 0 requests · Total spend 0.00 USD',
      ].join('\n'),
    );
    const board = NOTIFICATIONS.daily_leaderboard.sample({ now });
    const m = NOTIFICATIONS.daily_leaderboard.build(board, ctx('en'));
    expect(m.title).toBe('User spending leaderboard, past 24 hours');
    expect(sectionsAsPlainText(m)).toContain('1. Alice (ID: 1)\n  Spend 48.2315 USD · 1,520 requests · 5.23M tokens');
    const list = m.sections[1]?.blocks[0] as { items: Array<{ icon?: string }> };
    expect(list.items.map((i) => i.icon)).toEqual(['🥇', '🥈', '🥉', undefined, undefined]);
    expect(list.items.map((i) => Object.hasOwn(i, 'icon'))).toEqual([true, true, true, false, false]);
  });
});
