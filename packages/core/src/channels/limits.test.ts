import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../domain.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { CHANNELS } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const LIMITED = Object.values(CHANNELS).flatMap((c) => (c.limit ? [{ channel: c.type, limit: c.limit }] : []));
const FAMILY = '👨‍👩‍👧‍👦';
const huge = `熔断错误：上游返回 529 overloaded 🔥${FAMILY}`.repeat(3_000);

function allText(body: unknown): string {
  return JSON.stringify(body);
}

const TRUNCATED: Record<Locale, string> = {
  'zh-CN': '消息过长，已截断',
  'zh-TW': '訊息過長，已截斷',
  en: 'Message too long, shortened',
  ja: 'メッセージが長すぎるため省略しました',
  ru: 'Сообщение слишком длинное, сокращено',
};

describe.each(LIMITED)('$channel with an oversized message', ({ channel, limit }) => {
  const render = (type: 'circuit_breaker' | 'daily_leaderboard', data: unknown, locale: Locale) =>
    renderNotification({
      type,
      data,
      channel,
      locale,
      timezone: 'Asia/Shanghai',
      now,
      config: { telegramChatId: '1' },
    });

  it.each(LOCALES)('shortens a huge error text to fit, visibly, without splitting a character (%s)', (locale) => {
    const data = {
      ...NOTIFICATIONS.circuit_breaker.sample({ now }),
      lastError: huge,
      providerName: `供应商${'名'.repeat(500)}`,
    };
    const { body, truncated, message } = render('circuit_breaker', data, locale);
    expect(truncated).toBe(true);
    expect(limit.measure(body)).toBeLessThanOrEqual(limit.max);
    const text = allText(body);
    expect(text.isWellFormed()).toBe(true);
    expect(text).toContain('…');
    expect(text).toContain(TRUNCATED[locale]);
    // The title and the kind of message survive.
    expect(text).toContain(message.title);
    // No emoji is cut inside its ZWJ sequence: any family emoji left is whole.
    expect(text.replaceAll(FAMILY, '')).not.toMatch(/[\u200d👨👩👧👦]/u);
  });

  it('drops leaderboard rows that cannot fit and says how many', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      userId: String(i + 1),
      userName: `用户${'超长名字'.repeat(60)}${i}`,
      totalRequests: 1000 - i,
      totalCost: 100 - i,
      totalTokens: 1_000_000,
    }));
    const data = { date: '2026-01-15', entries, totalRequests: 1, totalCost: 1 };
    const { body, truncated } = render('daily_leaderboard', data, 'zh-CN');
    expect(truncated).toBe(true);
    expect(limit.measure(body)).toBeLessThanOrEqual(limit.max);
    // Every row is shown (names shortened) or the hidden ones are counted.
    const text = allText(body);
    const shown = text.match(/ · 请求 /g)?.length ?? 0;
    if (channel === 'wechat' || channel === 'telegram') expect(shown).toBeLessThan(50);
    if (shown < 50) expect(text).toContain(`另有 ${50 - shown} 项未显示`);
  });
});

describe('telegram markup after shortening', () => {
  it('keeps every tag balanced', () => {
    const data = { ...NOTIFICATIONS.circuit_breaker.sample({ now }), lastError: `<b>${'x<y&z'.repeat(5_000)}` };
    const { body } = renderNotification({
      type: 'circuit_breaker',
      data,
      channel: 'telegram',
      locale: 'en',
      timezone: 'UTC',
      now,
      config: { telegramChatId: '1' },
    });
    const html = body.text as string;
    const open = html.match(/<(b|blockquote)>/g)?.length ?? 0;
    const close = html.match(/<\/(b|blockquote)>/g)?.length ?? 0;
    expect(open).toBe(close);
    expect(html).not.toMatch(/<(?!\/?(b|blockquote)>)/); // only the tags we emit; user text escaped
  });
});
