import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../channels/index.ts';
import { CHANNEL_TYPES, type ChannelType, LOCALES, type Locale } from '../domain.ts';
import { CircuitBreakerNotificationData, CostAlertData } from '../notifications/index.ts';
import { type DigestInput, type DigestType, renderDigest, splitDigest } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const telegram = { telegramChatId: '-1001234567890', telegramTopicId: 42 };
const EVENTS = ['opened', 'opened', 'recovered', 'opened', 'flapping'] as const;

/** Names no other name contains, so a name found in a body is that item. */
const nameOf = (i: number) => `名前-${String(i).padStart(4, '0')}-end`;

function items(type: DigestType, n: number, lastError = 'upstream 529: overloaded_error'): unknown[] {
  return Array.from({ length: n }, (_, i) =>
    type === 'circuit_breaker'
      ? CircuitBreakerNotificationData.parse({
          event: EVENTS[i % EVENTS.length],
          providerId: String(i),
          providerName: nameOf(i),
          failureCount: 5 + i,
          retryAt: '2026-01-15T07:00:00Z',
          openedAt: '2026-01-15T06:18:00Z',
          closedAt: '2026-01-15T06:30:00Z',
          lastError,
          flapCount: 4,
        })
      : CostAlertData.parse({
          event: i % 7 === 6 ? 'recovered' : undefined,
          targetType: i % 3 === 0 ? 'provider' : 'user',
          targetId: String(i),
          targetName: nameOf(i),
          currentCost: 80 + (i % 40),
          quotaLimit: 100,
          threshold: 0.8,
          period: (['5h', 'weekly', 'monthly'] as const)[i % 3],
        }),
  );
}

const input = (type: DigestType, channel: ChannelType, locale: Locale, list: unknown[]): DigestInput => ({
  type,
  items: list,
  channel,
  locale,
  timezone,
  now,
  ...(channel === 'telegram' ? { config: telegram } : {}),
});

const TRUNCATED: Record<Locale, string> = {
  'zh-CN': '⚠️ 消息过长，已截断',
  'zh-TW': '⚠️ 訊息過長，已截斷',
  en: '⚠️ Message too long, shortened',
  ja: '⚠️ メッセージが長すぎるため省略しました',
  ru: '⚠️ Сообщение слишком длинное, сокращено',
};

const cases = CHANNEL_TYPES.flatMap((channel) =>
  LOCALES.flatMap((locale) =>
    (['circuit_breaker', 'cost_alert'] as const).flatMap((type) =>
      [1, 5, 60, 200].map((n) => ({ channel, locale, type, n })),
    ),
  ),
);

describe.each(cases)('$channel × $locale × $type × $n', ({ channel, locale, type, n }) => {
  it('every part fits; each item is in exactly one part, in order; titles carry (i/n)', () => {
    const list = items(type, n);
    const parts = splitDigest(input(type, channel, locale, list));
    const limit = CHANNELS[channel].limit;

    expect(parts.flatMap((p) => p.items)).toEqual(list.map((_, i) => i));
    for (const [i, part] of parts.entries()) {
      expect(part.items.length).toBeGreaterThan(0);
      expect(part.rendered.truncated).toBe(false);
      if (limit) expect(limit.measure(part.rendered.body)).toBeLessThanOrEqual(limit.max);
      const suffix = ` (${i + 1}/${parts.length})`;
      if (parts.length > 1) expect(part.rendered.message.title.endsWith(suffix)).toBe(true);
      else expect(part.rendered.message.title).not.toMatch(/\(\d+\/\d+\)$/);
      const body = JSON.stringify(part.rendered.body);
      expect(body).toContain(part.rendered.message.title);
      const named = list.map((_, j) => j).filter((j) => body.includes(nameOf(j)));
      expect(named).toEqual(part.items);
    }
    // A small digest is one message; the large ones really are split where a limit is tight.
    if (n <= 5 || !limit) expect(parts).toHaveLength(1);
    if (n === 200 && (channel === 'telegram' || channel === 'wechat')) expect(parts.length).toBeGreaterThan(3);
    if (channel === 'custom') {
      expect(parts[0]?.rendered.body.count).toBe(n);
      expect(parts[0]?.rendered.body.items).toHaveLength(n);
    }
  });
});

describe('packing', () => {
  it('greedy: no part could have taken the next item', () => {
    const list = items('circuit_breaker', 200);
    const parts = splitDigest(input('circuit_breaker', 'telegram', 'en', list));
    const widest = { index: list.length, total: list.length };
    for (const part of parts.slice(0, -1)) {
      const start = part.items[0] as number;
      const next = { ...input('circuit_breaker', 'telegram', 'en', list.slice(start, start + part.items.length + 1)) };
      expect(renderDigest({ ...next, part: widest }).truncated).toBe(true);
    }
  });

  it('an item too large alone gets its own part, shortened with the notice; the rest are whole', () => {
    for (const channel of ['wechat', 'feishu', 'dingtalk', 'telegram'] as const) {
      for (const locale of LOCALES) {
        const list = items('circuit_breaker', 30);
        const huge = items('circuit_breaker', 1, `${'错误 '.repeat(3_000)}tail-marker`)[0];
        list.splice(12, 1, { ...(huge as object), providerName: nameOf(12) });
        const parts = splitDigest(input('circuit_breaker', channel, locale, list));
        const limit = CHANNELS[channel].limit;
        expect(parts.flatMap((p) => p.items)).toEqual(list.map((_, i) => i));
        const alone = parts.find((p) => p.items.includes(12));
        expect(alone?.items).toEqual([12]);
        for (const part of parts) {
          if (limit) expect(limit.measure(part.rendered.body)).toBeLessThanOrEqual(limit.max);
          const body = JSON.stringify(part.rendered.body);
          expect(part.rendered.truncated).toBe(part === alone);
          expect(body.includes(TRUNCATED[locale])).toBe(part === alone);
          for (const i of part.items) expect(body).toContain(nameOf(i));
        }
        expect(JSON.stringify(alone?.rendered.body)).not.toContain('tail-marker');
      }
    }
  });

  it('no items, no parts', () => {
    expect(splitDigest(input('cost_alert', 'telegram', 'en', []))).toEqual([]);
  });
});

describe('cost of splitting', () => {
  afterEach(() => vi.restoreAllMocks());

  it('500 items: a few renders a part, not one per item count tried', () => {
    const list = items('circuit_breaker', 500);
    for (const channel of ['wechat', 'telegram', 'feishu'] as const) {
      const render = vi.spyOn(CHANNELS[channel], 'render');
      const parts = splitDigest(input('circuit_breaker', channel, 'zh-CN', list));
      // Each part: one render that fits, one that does not, the final one; plus the first part's search.
      expect(render.mock.calls.length).toBeLessThanOrEqual(4 * parts.length + 20);
      render.mockRestore();
    }
  });

  it('500 items split in under 50 ms (best of three, warm)', () => {
    const list = items('cost_alert', 500);
    const run = () => {
      const start = performance.now();
      splitDigest(input('cost_alert', 'telegram', 'en', list));
      return performance.now() - start;
    };
    run();
    expect(Math.min(run(), run(), run())).toBeLessThan(50);
  });
});
