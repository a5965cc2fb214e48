import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../channels/index.ts';
import { CHANNEL_TYPES, LOCALES, type Locale, type NotificationType } from '../domain.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { renderNotification } from '../render-notification.ts';
import { CircuitBreakerData, CircuitBreakerNotificationData, CostAlertData, NOTIFICATIONS } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const ctx = (locale: Locale) => ({ locale, timezone, now });
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const opened = NOTIFICATIONS.circuit_breaker.sample({ now });
const recovered = CircuitBreakerNotificationData.parse({
  ...opened,
  event: 'recovered',
  openedAt: minutesAgo(12),
  closedAt: minutesAgo(0),
  failuresWhileOpen: 3,
});
const flapping = CircuitBreakerNotificationData.parse({
  ...opened,
  event: 'flapping',
  openedAt: minutesAgo(25),
  flapCount: 4,
  flapWindowMinutes: 30,
  quietMinutes: 15,
});
const costBack = CostAlertData.parse({
  ...NOTIFICATIONS.cost_alert.sample({ now }),
  event: 'recovered',
  currentCost: 10,
});

const cbText = (data: unknown, locale: Locale) =>
  sectionsAsPlainText(NOTIFICATIONS.circuit_breaker.build(CircuitBreakerNotificationData.parse(data), ctx(locale)));

describe('circuit breaker: recovered', () => {
  it('says how long it was open, when it opened and closed, and what failed meanwhile', () => {
    const zh = NOTIFICATIONS.circuit_breaker.build(recovered, ctx('zh-CN'));
    expect([zh.title, zh.level, zh.footer]).toEqual(['供应商熔断恢复', 'info', undefined]);
    expect(sectionsAsPlainText(zh)).toBe(
      [
        '> 供应商 Anthropic Primary (ID: 7) 熔断 12 分钟后已恢复',
        '',
        '详细信息',
        '熔断时间: 2026-01-15 14:18 (Asia/Shanghai)',
        '恢复时间: 2026-01-15 14:30 (Asia/Shanghai)',
        '熔断期间失败: 3 次',
      ].join('\n'),
    );
    const en = NOTIFICATIONS.circuit_breaker.build(recovered, ctx('en'));
    expect([en.title, en.level]).toEqual(['Provider recovered', 'info']);
    expect(sectionsAsPlainText(en)).toBe(
      [
        '> Provider Anthropic Primary (ID: 7) recovered after 12 min',
        '',
        'Details',
        'Opened at: 2026-01-15 14:18 (Asia/Shanghai)',
        'Recovered at: 2026-01-15 14:30 (Asia/Shanghai)',
        'Failures while open: 3',
      ].join('\n'),
    );
  });

  it('durations read in hours and seconds too; unknown parts are left out, a missing close is now', () => {
    const at = (openedAt: string | undefined, closedAt?: string) => ({
      ...opened,
      event: 'recovered',
      ...(openedAt ? { openedAt } : {}),
      ...(closedAt ? { closedAt } : {}),
    });
    expect(cbText(at(minutesAgo(125)), 'zh-CN')).toContain('熔断 2 小时 5 分钟后已恢复');
    expect(cbText(at(minutesAgo(125)), 'en')).toContain('recovered after 2 h 5 min');
    expect(cbText(at(minutesAgo(10), new Date(Date.parse(minutesAgo(10)) + 45_000).toISOString()), 'en')).toContain(
      'recovered after 45 s',
    );
    const unknown = cbText(at(undefined), 'en');
    expect(unknown).toContain('> Provider Anthropic Primary (ID: 7) has recovered\n');
    expect(unknown).not.toContain('Opened at');
    expect(unknown).not.toContain('Failures while open');
    expect(unknown).toContain('Recovered at: 2026-01-15 14:30 (Asia/Shanghai)');
    expect(cbText(at(undefined), 'zh-CN')).toContain('> 供应商 Anthropic Primary (ID: 7) 已恢复\n');
  });

  it('template variables: event, times, and the open span in seconds and words', () => {
    const v = NOTIFICATIONS.circuit_breaker.variables(recovered, ctx('zh-CN'));
    expect(v.event).toEqual({ text: 'recovered', json: 'recovered' });
    expect(v.opened_at?.json).toBe('2026-01-15T06:18:00.000Z');
    expect(v.closed_at?.json).toBe('2026-01-15T06:30:00.000Z');
    expect(v.recovered_after_seconds).toEqual({ text: '720', json: 720 });
    expect(v.recovered_after).toEqual({ text: '12 分钟', json: '12 分钟' });
    expect(v.failures_while_open).toEqual({ text: '3', json: 3 });
    expect(v.flap_count).toEqual({ text: '', json: null });
  });
});

describe('circuit breaker: flapping', () => {
  it('counts the switches in the window and says alerts pause until it stays closed', () => {
    const zh = NOTIFICATIONS.circuit_breaker.build(flapping, ctx('zh-CN'));
    expect([zh.title, zh.level]).toEqual(['供应商熔断频繁切换', 'warning']);
    expect(sectionsAsPlainText(zh)).toContain(
      '> 供应商 Anthropic Primary (ID: 7) 在 30 分钟内熔断开合 4 次；在它持续关闭 15 分钟之前不再为它告警',
    );
    const en = NOTIFICATIONS.circuit_breaker.build(flapping, ctx('en'));
    expect([en.title, en.level]).toEqual(['Provider flapping', 'warning']);
    expect(sectionsAsPlainText(en)).toContain(
      '> Provider Anthropic Primary (ID: 7) opened and closed 4 times in 30 minutes; ' +
        'no more alerts for it until it has stayed closed 15 minutes',
    );
    expect(sectionsAsPlainText(en)).toContain('Last error: upstream 529: overloaded_error');
    const v = NOTIFICATIONS.circuit_breaker.variables(flapping, ctx('en'));
    expect([v.event?.json, v.flap_count?.json, v.recovered_after_seconds?.json]).toEqual(['flapping', 4, null]);
  });

  it('the engine’s defaults when the window, pause or count are left out', () => {
    const bare = { ...opened, event: 'flapping' };
    expect(cbText(bare, 'en')).toContain(
      'opened and closed repeatedly in 30 minutes; no more alerts for it until it has stayed closed 15 minutes',
    );
    expect(cbText(bare, 'zh-CN')).toContain('在 30 分钟内熔断开合多次');
    expect(cbText({ ...bare, flapWindowMinutes: 1, quietMinutes: 60 }, 'en')).toContain(
      'in 1 minute; no more alerts for it until it has stayed closed 60 minutes',
    );
  });
});

describe('circuit breaker: opened stays as it was', () => {
  it('an absent event and "opened" build the same message as the hub’s report', () => {
    for (const locale of LOCALES) {
      const hub = NOTIFICATIONS.circuit_breaker.build(CircuitBreakerData.parse(opened), ctx(locale));
      expect(NOTIFICATIONS.circuit_breaker.build({ ...opened, event: 'opened' }, ctx(locale))).toEqual(hub);
      expect(hub.level).toBe('error');
    }
    const v = NOTIFICATIONS.circuit_breaker.variables(opened, ctx('en'));
    expect([v.event?.json, v.opened_at?.json, v.recovered_after?.json]).toEqual(['opened', '', '']);
  });

  it('the hub’s report shape: the opening and whose breaker; the event fields belong to the notification only', () => {
    expect(Object.keys(CircuitBreakerData.shape)).toEqual([
      'providerId',
      'providerName',
      'failureCount',
      'retryAt',
      'lastError',
      'incidentSource',
      'endpointId',
      'endpointUrl',
    ]);
    expect(CircuitBreakerData.parse({ ...opened, event: 'recovered' })).not.toHaveProperty('event');
  });
});

describe('notification data: the new fields, each refused with its reason', () => {
  const why = (patch: Record<string, unknown>) =>
    CircuitBreakerNotificationData.safeParse({ ...opened, ...patch }).error?.issues.map(
      (i) => `${i.path.join('.')}: ${i.message}`,
    ) ?? [];

  it('circuit breaker', () => {
    expect(why({ event: 'closed' })).toEqual(['event: must be one of opened, recovered, flapping']);
    expect(why({ openedAt: 'yesterday' })).toEqual([
      'openedAt: must be an ISO 8601 date-time, e.g. 2026-01-15T14:30:00Z',
    ]);
    expect(why({ openedAt: minutesAgo(1), closedAt: minutesAgo(2) })).toEqual([
      'closedAt: must not be before openedAt',
    ]);
    expect(why({ openedAt: minutesAgo(2), closedAt: minutesAgo(2) })).toEqual([]);
    expect(why({ failuresWhileOpen: -1 })).toEqual(['failuresWhileOpen: must be 0 or more']);
    expect(why({ failuresWhileOpen: 0 })).toEqual([]);
    expect(why({ flapCount: 0 })).toEqual(['flapCount: at least 1']);
    expect(why({ flapCount: 2.5 })).toEqual(['flapCount: a whole number']);
    expect(why({ flapWindowMinutes: 0 })).toEqual(['flapWindowMinutes: at least 1 minute']);
    expect(why({ quietMinutes: 10_081 })).toEqual(['quietMinutes: at most 10080 minutes (a week)']);
    expect(why({ quietMinutes: '15' })).toEqual(['quietMinutes: quietMinutes must be a number of minutes']);
    expect(NOTIFICATIONS.circuit_breaker.data).toBe(CircuitBreakerNotificationData);
  });

  it('cost alert', () => {
    const cost = NOTIFICATIONS.cost_alert.sample({ now });
    const r = CostAlertData.safeParse({ ...cost, event: 'under' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['event', 'must be one of over, recovered'],
    ]);
    expect(CostAlertData.parse({ ...cost, event: 'over' }).event).toBe('over');
  });
});

describe('cost alert: recovered', () => {
  it('back under the threshold in a new period, with the period and the figures', () => {
    const zh = NOTIFICATIONS.cost_alert.build(costBack, ctx('zh-CN'));
    expect([zh.title, zh.level, zh.footer]).toEqual(['成本恢复正常', 'info', undefined]);
    expect(sectionsAsPlainText(zh)).toBe(
      [
        '> 用户 Alice 进入新的统计周期，消费已回到预警阈值以下',
        '',
        '消费详情',
        '统计周期: 本周',
        '当前消费: 10.00 USD',
        '配额限制: 100.00 USD',
        '使用比例: 10.0% 🟢',
      ].join('\n'),
    );
    const en = NOTIFICATIONS.cost_alert.build({ ...costBack, targetType: 'provider' }, ctx('en'));
    expect([en.title, en.level]).toEqual(['Spending back under threshold', 'info']);
    expect(sectionsAsPlainText(en)).toBe(
      [
        '> Provider Alice is back under the spending alert threshold in a new period',
        '',
        'Spending',
        'Period: This week',
        'Current spend: 10.00 USD',
        'Quota: 100.00 USD',
        'Usage: 10.0% 🟢',
      ].join('\n'),
    );
  });

  it('the event variable: over unless recovered', () => {
    const cost = NOTIFICATIONS.cost_alert.sample({ now });
    expect(NOTIFICATIONS.cost_alert.variables(cost, ctx('en')).event?.json).toBe('over');
    expect(NOTIFICATIONS.cost_alert.variables(costBack, ctx('en')).event?.json).toBe('recovered');
  });
});

const variants: Array<{ name: string; type: NotificationType; data: unknown; lead: Record<Locale, string> }> = [
  {
    name: 'breaker recovered',
    type: 'circuit_breaker',
    data: recovered,
    lead: {
      'zh-CN': '熔断 12 分钟后已恢复',
      'zh-TW': '熔斷 12 分鐘後已恢復',
      en: 'recovered after 12 min',
      ja: '12 分の遮断後に復旧しました',
      ru: 'восстановлен через 12 мин',
    },
  },
  {
    name: 'breaker flapping',
    type: 'circuit_breaker',
    data: flapping,
    lead: {
      'zh-CN': '在 30 分钟内熔断开合 4 次',
      'zh-TW': '在 30 分鐘內熔斷開合 4 次',
      en: 'opened and closed 4 times in 30 minutes',
      ja: '30 分間に 4 回遮断と復帰を繰り返しました',
      ru: 'предохранитель 4 раза срабатывал и восстанавливался за 30 минут',
    },
  },
  {
    name: 'cost recovered',
    type: 'cost_alert',
    data: costBack,
    lead: {
      'zh-CN': '消费已回到预警阈值以下',
      'zh-TW': '消費已回到預警門檻以下',
      en: 'is back under the spending alert threshold',
      ja: '利用額がアラートのしきい値を下回りました',
      ru: 'расходы снова ниже порога оповещения',
    },
  },
];

describe.each(variants)('$name on every channel', ({ type, data, lead }) => {
  it.each(CHANNEL_TYPES.flatMap((channel) => LOCALES.map((locale) => ({ channel, locale }))))(
    '$channel × $locale: the title and what happened, within the limit',
    ({ channel, locale }) => {
      const r = renderNotification({
        type,
        data,
        channel,
        locale,
        timezone,
        now,
        config: { telegramChatId: '-100123' },
      });
      expect(r.truncated).toBe(false);
      const limit = CHANNELS[channel].limit;
      if (limit) expect(limit.measure(r.body)).toBeLessThanOrEqual(limit.max);
      const body = JSON.stringify(r.body);
      expect(body).toContain(r.message.title);
      if (channel === 'custom') {
        expect(r.body.title).toBe(r.message.title);
        expect(r.body.items).toBeUndefined(); // the default template of single notifications
      } else {
        expect(body).toContain(lead[locale]);
      }
    },
  );
});
