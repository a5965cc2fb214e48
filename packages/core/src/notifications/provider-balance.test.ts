import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../channels/index.ts';
import { CHANNEL_TYPES, type Locale } from '../domain.ts';
import { formatAmount } from '../message/format.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { renderNotification } from '../render-notification.ts';
import { ProviderBalanceReport } from '../schemas/provider-balance.ts';
import { NOTIFICATIONS, ProviderBalanceData } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const ctx = (locale: Locale) => ({ locale, timezone, now });
const pb = NOTIFICATIONS.provider_balance;
const low = ProviderBalanceData.parse({
  event: 'low',
  providerId: '7',
  providerName: 'Anthropic Primary',
  balance: 80,
  currency: 'usd',
  threshold: 100,
  levelFraction: 1,
});
const plain = (d: ProviderBalanceData, locale: Locale) => sectionsAsPlainText(pb.build(d, ctx(locale)));

describe('provider balance: the message', () => {
  it('under the threshold (zh-CN)', () => {
    const m = pb.build(low, ctx('zh-CN'));
    expect([m.title, m.level, m.icon]).toEqual(['供应商余额不足', 'warning', '💰']);
    expect(sectionsAsPlainText(m)).toBe(
      [
        '> 供应商 Anthropic Primary (ID: 7) 的余额已低于告警阈值',
        '',
        '余额详情',
        '当前余额: 80.00 USD',
        '告警阈值: 100.00 USD',
        '告警级别: 低于阈值',
        '',
        '---',
        '请及时充值，以免请求失败',
      ].join('\n'),
    );
  });

  it('under the threshold (en)', () => {
    const m = pb.build(low, ctx('en'));
    expect([m.title, m.level]).toEqual(['Provider balance low', 'warning']);
    expect(sectionsAsPlainText(m)).toBe(
      [
        '> The balance of provider Anthropic Primary (ID: 7) is below its alert threshold',
        '',
        'Account',
        'Balance: 80.00 USD',
        'Alert threshold: 100.00 USD',
        'Level: Below the threshold',
        '',
        '---',
        'Top up the account before requests start failing',
      ].join('\n'),
    );
  });

  it('half the threshold and zero: their own lead and level; zero is an error', () => {
    const half = { ...low, balance: 42.5, levelFraction: 0.5 };
    expect(plain(half, 'zh-CN')).toContain('> 供应商 Anthropic Primary (ID: 7) 的余额已低于告警阈值的 50%');
    expect(plain(half, 'en')).toContain('Level: Below 50% of the threshold');
    const zero = { ...low, balance: -3.2, currency: 'CNY', levelFraction: 0 };
    expect(pb.build(zero, ctx('en')).level).toBe('error');
    expect(plain(zero, 'zh-CN')).toContain('> 供应商 Anthropic Primary (ID: 7) 的余额已耗尽');
    expect(plain(zero, 'zh-CN')).toContain('当前余额: -3.20 CNY');
    expect(plain(zero, 'en')).toContain('Level: Used up (≤ 0)');
  });

  it('the recovery: "restored", the lowest level of the crossing, no footer', () => {
    const back = { ...low, event: 'recovered' as const, balance: 1_250, levelFraction: 0 };
    const zh = pb.build(back, ctx('zh-CN'));
    expect([zh.title, zh.level, zh.footer]).toEqual(['供应商余额已恢复', 'info', undefined]);
    expect(sectionsAsPlainText(zh)).toContain('> 供应商 Anthropic Primary (ID: 7) 的余额已恢复到告警阈值以上');
    expect(sectionsAsPlainText(zh)).toContain('本次最低级别: 已耗尽（≤ 0）');
    const en = pb.build(back, ctx('en'));
    expect(en.title).toBe('Provider balance restored');
    expect(sectionsAsPlainText(en)).toContain('Balance: 1,250.00 USD');
    expect(sectionsAsPlainText(en)).toContain('Lowest level this time: Used up (≤ 0)');
  });

  it('without a provider name, the id alone', () => {
    const { providerName: _, ...anon } = low;
    expect(plain(anon, 'en')).toMatch(/^> The balance of provider 7 is below/);
    expect(plain(anon, 'zh-CN')).toMatch(/^> 供应商 \(ID: 7\) 的余额/);
  });

  it('money to two to four decimals with the currency code', () => {
    expect(formatAmount(0, 'USD')).toBe('0.00 USD');
    expect(formatAmount(12.34567, 'EUR')).toBe('12.3457 EUR');
    expect(formatAmount(-1_234_567.5, 'JPY')).toBe('-1,234,567.50 JPY');
  });

  it.each(CHANNEL_TYPES.flatMap((channel) => (['zh-CN', 'en'] as const).map((locale) => ({ channel, locale }))))(
    '$channel ($locale): the title, balance and level reach the body within the limit',
    ({ channel, locale }) => {
      const half = { ...low, balance: 42.5, levelFraction: 0.5 };
      const { body, truncated } = renderNotification({
        type: 'provider_balance',
        data: half,
        channel,
        locale,
        timezone,
        now,
        ...(channel === 'telegram' ? { config: { telegramChatId: '-100123' } } : {}),
      });
      expect(truncated).toBe(false);
      const limit = CHANNELS[channel].limit;
      if (limit) expect(limit.measure(body)).toBeLessThanOrEqual(limit.max);
      const text = JSON.stringify(body);
      if (channel === 'custom') {
        // The default template: the figures as JSON numbers, the level by name.
        expect(body).toMatchObject({ event: 'low', providerId: '7', balance: 42.5, threshold: 100, level: '50%' });
        expect(body).toMatchObject({ title: locale === 'en' ? 'Provider balance low' : '供应商余额不足' });
      } else {
        expect(text).toContain(locale === 'en' ? 'Provider balance low' : '供应商余额不足');
        expect(text).toContain('42.50 USD');
        expect(text).toContain(locale === 'en' ? 'Below 50% of the threshold' : '低于阈值的 50%');
      }
    },
  );

  it('custom templates get each variable as text and JSON', () => {
    const { body } = renderNotification({
      type: 'provider_balance',
      data: { ...low, providerName: undefined },
      channel: 'custom',
      locale: 'en',
      timezone,
      now,
      customTemplate: { s: '{{provider_id}} {{balance}} {{currency}} < {{threshold}} ({{balance_level}}, {{event}})' },
    });
    expect(body).toEqual({ s: '7 80 USD < 100 (low, low)' });
  });
});

describe('hub.reportProviderBalance input', () => {
  const issues = (v: unknown) =>
    ProviderBalanceReport.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('defaults the currency to USD, upper-cases it, keeps a numeric id as text', () => {
    expect(ProviderBalanceReport.parse({ providerId: 7, balance: -1.5 })).toEqual({
      providerId: '7',
      balance: -1.5,
      currency: 'USD',
    });
    expect(ProviderBalanceReport.parse({ providerId: 'p', balance: 0, currency: ' cny ' }).currency).toBe('CNY');
  });

  it('names each bad field and why', () => {
    expect(issues({ providerId: 'p' })).toEqual(['balance: is required']);
    expect(issues({ providerId: 'p', balance: '12' })).toEqual(['balance: must be a number (negative when overdrawn)']);
    expect(issues({ providerId: '', balance: 1 })).toEqual(['providerId: must not be empty']);
    expect(issues({ providerId: 'p', balance: 1, currency: 'US$' })).toEqual([
      'currency: must be a 3-letter currency code such as USD or CNY',
    ]);
    expect(issues({ providerId: 'p', balance: 1, lowBalanceThreshold: -1 })).toEqual([
      'lowBalanceThreshold: must be 0 or more',
    ]);
    expect(issues({ providerId: 'p', balance: 1e13 })).toEqual([
      'balance: must be between -1000000000000 and 1000000000000',
    ]);
    expect(issues({ providerId: 'p', balance: 1, reportedAt: 'now' })).toEqual([
      'reportedAt: must be an ISO 8601 date-time, e.g. 2026-01-15T14:30:00Z',
    ]);
    expect(issues({ providerId: 'p', balance: 1, providerName: '  ' })).toEqual(['providerName: must not be empty']);
    expect(issues({ providerId: 'p', balance: 1, extra: true })).toHaveLength(1);
  });
});
