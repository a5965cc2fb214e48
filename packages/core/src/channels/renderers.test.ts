import { describe, expect, it } from 'vitest';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { detectChannel } from './detect.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const cb = {
  providerId: 7,
  providerName: 'Prov<A>',
  failureCount: 5,
  retryAt: '2026-01-15T07:00:00.000Z',
  lastError: 'Connection timeout & "reset"',
};

const render = (channel: 'wechat' | 'feishu' | 'dingtalk' | 'telegram', data: unknown = cb) =>
  renderNotification({
    type: 'circuit_breaker',
    data: NOTIFICATIONS.circuit_breaker.data.parse(data),
    channel,
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    now,
    config: { telegramChatId: '123' },
  }).body;

describe('renderers', () => {
  it('wechat: the reference layout, times in the zone', () => {
    expect(render('wechat')).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: [
          '## 🔌 供应商熔断告警',
          '',
          '> 供应商 Prov<A> (ID: 7) 已触发熔断保护',
          '',
          '**详细信息**',
          '失败次数: 5 次',
          '预计恢复: 2026-01-15 15:00 (Asia/Shanghai)',
          '最后错误: Connection timeout & "reset"',
          '',
          '---',
          '熔断器将在预计时间后自动恢复',
          '',
          '2026-01-15 14:30 (Asia/Shanghai)',
        ].join('\n'),
      },
    });
  });

  it('dingtalk: markdown with title and text, values HTML-escaped', () => {
    const body = render('dingtalk') as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('供应商熔断告警');
    expect(body.markdown.text).toContain('> 供应商 Prov&lt;A&gt; (ID: 7) 已触发熔断保护');
    expect(body.markdown.text).toContain('- 最后错误: Connection timeout &amp; "reset"');
  });

  it('telegram: HTML with every value escaped, previews off', () => {
    const body = render('telegram') as Record<string, unknown>;
    expect(body).toMatchObject({ chat_id: '123', parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(body.text).toContain('<b>最后错误</b>: Connection timeout &amp; &quot;reset&quot;');
    expect(body.text).toContain('<blockquote>供应商 Prov&lt;A&gt; (ID: 7) 已触发熔断保护</blockquote>');
    expect(body).not.toHaveProperty('message_thread_id');
  });

  it('feishu: schema 2.0 card, red header for an error, fields two per row', () => {
    const body = render('feishu') as {
      card: {
        schema: string;
        header: { template: string; title: { content: string } };
        body: { elements: Array<Record<string, unknown>> };
      };
    };
    expect(body.card.schema).toBe('2.0');
    expect(body.card.header).toEqual({ title: { tag: 'plain_text', content: '🔌 供应商熔断告警' }, template: 'red' });
    const rows = body.card.body.elements.filter((e) => e.tag === 'column_set');
    expect(rows.map((r) => (r.columns as unknown[]).length)).toEqual([2, 1]);
  });

  it('feishu: header colour follows the level', () => {
    const colour = (type: 'cost_alert' | 'daily_leaderboard', data: unknown) =>
      (
        renderNotification({ type, data, channel: 'feishu', locale: 'en', timezone: 'UTC', now }).body as {
          card: { header: { template: string } };
        }
      ).card.header.template;
    expect(colour('daily_leaderboard', NOTIFICATIONS.daily_leaderboard.sample({ now }))).toBe('blue');
    const cost = NOTIFICATIONS.cost_alert.sample({ now });
    expect(colour('cost_alert', cost)).toBe('orange');
    expect(colour('cost_alert', { ...cost, currentCost: 120 })).toBe('red');
  });
});

describe('cost alert content', () => {
  it.each([
    [95, '95.0% 🔴'],
    [90, '90.0% 🔴'],
    [85.55, '85.6% 🟡'],
    [80, '80.0% 🟡'],
    [50, '50.0% 🟢'],
  ])('usage %d shows %s', (cost, shown) => {
    const data = { ...NOTIFICATIONS.cost_alert.sample({ now }), currentCost: cost, quotaLimit: 100 };
    const md = renderNotification({
      type: 'cost_alert',
      data,
      channel: 'wechat',
      locale: 'zh-CN',
      timezone: 'UTC',
      now,
    }).body as { markdown: { content: string } };
    expect(md.markdown.content).toContain(`使用比例: ${shown}`);
  });

  it('shows money to four decimals and a negative remainder when over the limit', () => {
    const data = { ...NOTIFICATIONS.cost_alert.sample({ now }), currentCost: 105.12345, quotaLimit: 100 };
    const md = renderNotification({ type: 'cost_alert', data, channel: 'wechat', locale: 'en', timezone: 'UTC', now })
      .body as { markdown: { content: string } };
    expect(md.markdown.content).toContain('Current spend: 105.1235 USD');
    expect(md.markdown.content).toContain('Remaining: -5.1235 USD');
  });
});

describe('leaderboard content', () => {
  it('medals for the top three on WeCom, numbers on DingTalk, totals at the end', () => {
    const data = NOTIFICATIONS.daily_leaderboard.sample({ now });
    const r = (channel: 'wechat' | 'dingtalk') =>
      JSON.stringify(
        renderNotification({ type: 'daily_leaderboard', data, channel, locale: 'zh-CN', timezone: 'UTC', now }).body,
      );
    expect(r('wechat')).toContain('🥇 **Alice (ID: 1)**');
    expect(r('wechat')).toContain('🥉 **张伟 (ID: 3)**');
    expect(r('wechat')).toContain('消费 48.2315 USD · 请求 1,520 次 · Token 5.23M');
    expect(r('dingtalk')).toContain('1. **Alice (ID: 1)**');
    expect(r('wechat')).toContain('总请求 3,495 次 · 总消费 104.914 USD');
  });

  it.each(['wechat', 'feishu'] as const)('%s: ranks after the three medals keep their number', (channel) => {
    const data = NOTIFICATIONS.daily_leaderboard.sample({ now });
    const text = JSON.stringify(
      renderNotification({ type: 'daily_leaderboard', data, channel, locale: 'en', timezone: 'UTC', now }).body,
    );
    expect(text).toContain('🥉 **张伟 (ID: 3)**');
    expect(text).toContain('4. **Carol (ID: 4)**');
    expect(text).toContain('5. **Dave (ID: 5)**');
    expect(text).not.toMatch(/[^.] \*\*Carol/);
  });
});

describe('legacy URL detection', () => {
  it.each([
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'wechat'],
    ['https://open.feishu.cn/open-apis/bot/v2/hook/xyz', 'feishu'],
    ['https://open.larksuite.com/open-apis/bot/v2/hook/xyz', 'feishu'],
    ['https://oapi.dingtalk.com/robot/send?access_token=t', 'dingtalk'],
    ['https://api.telegram.org/bot1:abc/sendMessage?chat_id=1', 'telegram'],
  ])('%s → %s', (url, channel) => {
    expect(detectChannel(url)).toEqual({ ok: true, channel });
  });

  it.each([
    ['https://example.com/hook', /unrecognised platform host example.com/],
    ['https://qyapi.weixin.qq.com.evil.test/x', /unrecognised platform host/],
    ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a', /must use https/],
    ['not a url', /must be a full URL/],
  ])('%s is a clear error', (url, error) => {
    const r = detectChannel(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});
