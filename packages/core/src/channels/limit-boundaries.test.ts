import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelType } from '../domain.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { DINGTALK_MAX_BODY_BYTES } from './dingtalk.ts';
import { FEISHU_MAX_BODY_BYTES, FEISHU_SIGNATURE_RESERVE_BYTES } from './feishu.ts';
import { TELEGRAM_MAX_TEXT, telegramHtml, telegramVisibleLength } from './telegram.ts';
import { parseTelegramHtml } from './telegram-reference.test-support.ts';
import type { JsonObject } from './types.ts';
import { WECHAT_MARKDOWN_MAX_BYTES } from './wechat.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Each limit measured by an independent reference, as the platform documents it. */
const LIMITS: Array<{ channel: Exclude<ChannelType, 'custom'>; max: number; measure: (b: JsonObject) => number }> = [
  { channel: 'wechat', max: 4096, measure: (b) => bytes((b.markdown as { content: string }).content) },
  { channel: 'dingtalk', max: 20_000, measure: (b) => bytes(JSON.stringify(b)) },
  // 20 KB less the room kept for the signature fields added when sending.
  { channel: 'feishu', max: 20 * 1024 - 128, measure: (b) => bytes(JSON.stringify(b)) },
  { channel: 'telegram', max: 4096, measure: (b) => parseTelegramHtml(b.text as string).text.length },
];

const render = (channel: ChannelType, lastError: string, locale: 'en' | 'zh-CN' = 'en') =>
  renderNotification({
    type: 'circuit_breaker',
    data: { ...NOTIFICATIONS.circuit_breaker.sample({ now }), lastError },
    channel,
    locale,
    timezone: 'UTC',
    now,
    config: { telegramChatId: '1' },
  });

describe('the documented limits', () => {
  it('are the platforms’ numbers', () => {
    expect([WECHAT_MARKDOWN_MAX_BYTES, DINGTALK_MAX_BODY_BYTES, TELEGRAM_MAX_TEXT]).toEqual([4096, 20_000, 4096]);
    expect([FEISHU_MAX_BODY_BYTES, FEISHU_SIGNATURE_RESERVE_BYTES]).toEqual([20_480, 128]);
  });
});

describe.each(LIMITS)('$channel at its limit ($max)', ({ channel, max, measure }) => {
  // Each ASCII letter of the error adds exactly one unit to every measure.
  const base = measure(render(channel, 'a').body);
  const exact = 'a'.repeat(1 + max - base);

  it('a message of exactly the limit is sent whole', () => {
    const { body, truncated } = render(channel, exact);
    expect(measure(body)).toBe(max);
    expect(truncated).toBe(false);
    expect(JSON.stringify(body)).toContain(exact);
  });

  it('one unit more is shortened to within the limit, visibly', () => {
    const { body, truncated } = render(channel, `${exact}a`);
    expect(truncated).toBe(true);
    expect(measure(body)).toBeLessThanOrEqual(max);
    expect(JSON.stringify(body)).toContain('Message too long, shortened');
  });

  it('multi-byte text is measured in bytes, not characters', () => {
    const { body } = render(channel, `${'中😀'.repeat(max)}`, 'zh-CN');
    expect(measure(body)).toBeLessThanOrEqual(max);
  });
});

describe('Telegram HTML against the reference parser', () => {
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', '<', '>', '&', '"', "'", '中', '😀', ' ', '\n', ';', '#'),
    maxLength: 60,
  });

  it('is always well formed, shows each value as typed, and its visible length is the reference length', () => {
    fc.assert(
      fc.property(value, value, value, (name, error, item) => {
        const data = { ...NOTIFICATIONS.circuit_breaker.sample({ now }), providerName: name || 'p', lastError: error };
        const rendered = renderNotification({
          type: 'circuit_breaker',
          data,
          channel: 'telegram',
          locale: 'en',
          timezone: 'UTC',
          now,
          config: { telegramChatId: '1' },
        }).body.text as string;
        const parsed = parseTelegramHtml(rendered);
        expect(parsed.text).toContain(`Provider ${name || 'p'} (ID: 7)`);
        if (error) expect(parsed.text).toContain(`Last error: ${error}`);
        expect(telegramVisibleLength(rendered)).toBe(parsed.text.length);
        const list = telegramHtml({
          title: item || 't',
          level: 'info',
          sections: [
            { title: item, blocks: [{ type: 'list', ordered: true, items: [{ primary: item, secondary: item }] }] },
          ],
          timestamp: now.toISOString(),
          timezone: 'UTC',
        });
        expect(telegramVisibleLength(list)).toBe(parseTelegramHtml(list).text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('marks titles, labels and list rows bold and quotes as blockquotes', () => {
    const { text, entities } = parseTelegramHtml(render('telegram', 'x<y').body.text as string);
    const marked = entities.map((e) => `${e.type}:${text.slice(e.offset, e.offset + e.length)}`);
    expect(marked).toEqual([
      'bold:Provider circuit breaker alert',
      'blockquote:Provider Anthropic Primary (ID: 7) has tripped its circuit breaker',
      'bold:Details',
      'bold:Consecutive failures',
      'bold:Expected recovery',
      'bold:Last error',
    ]);
    expect(text).toContain('Last error: x<y');
  });

  it('counts each entity as the one character it shows, and a surrogate pair as two units', () => {
    expect(telegramVisibleLength('<b>a</b>&lt;&gt;&amp;&quot;😀')).toBe(7);
    expect(parseTelegramHtml('<b>a</b>&lt;&gt;&amp;&quot;😀').text).toBe('a<>&"😀');
  });
});
