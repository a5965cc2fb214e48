import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../channels/index.ts';
import { buildDigestMessage } from '../digest/index.ts';
import { CHANNEL_TYPES, LOCALES, type Locale } from '../domain.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { renderNotification } from '../render-notification.ts';
import { CircuitBreakerReport } from '../schemas/incidents.ts';
import { CircuitBreakerNotificationData, NOTIFICATIONS } from './index.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const timezone = 'Asia/Shanghai';
const ctx = (locale: Locale) => ({ locale, timezone, now });
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const cb = NOTIFICATIONS.circuit_breaker;

const provider = cb.sample({ now });
const endpoint = CircuitBreakerNotificationData.parse({
  ...provider,
  incidentSource: 'endpoint',
  endpointId: 42,
  endpointUrl: 'https://api.anthropic.com/v1',
});
const plain = (data: unknown, locale: Locale) =>
  sectionsAsPlainText(cb.build(CircuitBreakerNotificationData.parse(data), ctx(locale)));

describe('endpoint breaker: the opening', () => {
  it('its own title and quote, the provider’s fields plus the endpoint id and URL (zh-CN)', () => {
    const m = cb.build(endpoint, ctx('zh-CN'));
    expect([m.title, m.level, m.icon]).toEqual(['端点熔断告警', 'error', '🔌']);
    expect(sectionsAsPlainText(m)).toBe(
      [
        '> 供应商 Anthropic Primary 的端点 (ID: 42) 已触发熔断保护',
        '',
        '详细信息',
        '失败次数: 5 次',
        '预计恢复: 2026-01-15 15:00 (Asia/Shanghai)',
        '最后错误: upstream 529: overloaded_error',
        '端点ID: 42',
        '端点地址: https://api.anthropic.com/v1',
        '',
        '---',
        '熔断器将在预计时间后自动恢复',
      ].join('\n'),
    );
    expect(m.footer).toEqual(cb.build(provider, ctx('zh-CN')).footer);
  });

  it('the same in English', () => {
    const m = cb.build(endpoint, ctx('en'));
    expect([m.title, m.level]).toEqual(['Endpoint circuit breaker alert', 'error']);
    expect(sectionsAsPlainText(m)).toBe(
      [
        '> An endpoint (ID: 42) of provider Anthropic Primary has tripped its circuit breaker',
        '',
        'Details',
        'Consecutive failures: 5',
        'Expected recovery: 2026-01-15 15:00 (Asia/Shanghai)',
        'Last error: upstream 529: overloaded_error',
        'Endpoint ID: 42',
        'Endpoint URL: https://api.anthropic.com/v1',
        '',
        '---',
        'The circuit breaker recovers automatically at the expected time',
      ].join('\n'),
    );
  });

  it('without a URL the address line is left out, the id stays', () => {
    const { endpointUrl: _, ...noUrl } = endpoint;
    expect(plain(noUrl, 'zh-CN')).toContain('端点ID: 42');
    expect(plain(noUrl, 'zh-CN')).not.toContain('端点地址');
    expect(plain(noUrl, 'en')).not.toContain('Endpoint URL');
  });

  it('a provider report reads as before: no source, "provider" and stored data from before endpoints alike', () => {
    for (const locale of LOCALES) {
      const before = cb.build(provider, ctx(locale));
      expect(cb.build({ ...provider, incidentSource: 'provider' }, ctx(locale))).toEqual(before);
      expect(sectionsAsPlainText(before)).not.toMatch(/端点|Endpoint|endpoint/);
    }
    expect(cb.build(provider, ctx('zh-CN')).title).toBe('供应商熔断告警');
    expect(cb.build(provider, ctx('en')).title).toBe('Provider circuit breaker alert');
  });
});

describe('endpoint breaker: recovery and flapping say "endpoint"', () => {
  const recovered = CircuitBreakerNotificationData.parse({
    ...endpoint,
    event: 'recovered',
    openedAt: minutesAgo(12),
    closedAt: minutesAgo(0),
  });
  const flapping = CircuitBreakerNotificationData.parse({ ...endpoint, event: 'flapping', flapCount: 4 });

  it('recovered', () => {
    expect(cb.build(recovered, ctx('zh-CN')).title).toBe('端点熔断恢复');
    expect(plain(recovered, 'zh-CN')).toBe(
      [
        '> 供应商 Anthropic Primary 的端点 (ID: 42) 熔断 12 分钟后已恢复',
        '',
        '详细信息',
        '熔断时间: 2026-01-15 14:18 (Asia/Shanghai)',
        '恢复时间: 2026-01-15 14:30 (Asia/Shanghai)',
        '端点ID: 42',
        '端点地址: https://api.anthropic.com/v1',
      ].join('\n'),
    );
    expect(cb.build(recovered, ctx('en')).title).toBe('Endpoint recovered');
    expect(plain(recovered, 'en')).toContain(
      '> An endpoint (ID: 42) of provider Anthropic Primary recovered after 12 min',
    );
  });

  it('flapping', () => {
    expect([cb.build(flapping, ctx('zh-CN')).title, cb.build(flapping, ctx('en')).title]).toEqual([
      '端点熔断频繁切换',
      'Endpoint flapping',
    ]);
    expect(plain(flapping, 'zh-CN')).toContain(
      '> 供应商 Anthropic Primary 的端点 (ID: 42) 在 30 分钟内熔断开合 4 次；在它持续关闭 15 分钟之前不再为它告警',
    );
    expect(plain(flapping, 'en')).toContain(
      '> An endpoint (ID: 42) of provider Anthropic Primary opened and closed 4 times in 30 minutes',
    );
    expect(plain(flapping, 'en')).toContain('Endpoint ID: 42');
  });
});

describe('endpoint breaker: template variables', () => {
  it('incident_source, endpoint_id and endpoint_url; a provider’s are "provider" and empty', () => {
    const v = cb.variables(endpoint, ctx('en'));
    expect([v.incident_source, v.endpoint_id, v.endpoint_url]).toEqual([
      { text: 'endpoint', json: 'endpoint' },
      { text: '42', json: '42' },
      { text: 'https://api.anthropic.com/v1', json: 'https://api.anthropic.com/v1' },
    ]);
    const p = cb.variables(provider, ctx('zh-CN'));
    expect([p.incident_source?.text, p.endpoint_id?.text, p.endpoint_url?.text]).toEqual(['provider', '', '']);
    expect(cb.variables({ ...endpoint, endpointUrl: undefined }, ctx('en')).endpoint_url?.text).toBe('');
  });

  it('each documented in both languages; the default custom template is unchanged', () => {
    for (const name of ['incident_source', 'endpoint_id', 'endpoint_url']) {
      const doc = cb.variableDocs.find((d) => d.name === name);
      expect(doc?.description['zh-CN']).toMatch(/端点|来源/);
      expect(doc?.description.en).toMatch(/endpoint/i);
    }
    expect(cb.defaultTemplate).toEqual({
      title: '{{title}}',
      provider: '{{provider_name}}',
      providerId: '{{provider_id}}',
      failureCount: '{{failure_count}}',
      retryAt: '{{retry_at}}',
      error: '{{last_error}}',
    });
  });
});

const cases = CHANNEL_TYPES.flatMap((channel) => LOCALES.map((locale) => ({ channel, locale })));
const expected: Record<Locale, { title: string; lead: string; id: string; url: string }> = {
  'zh-CN': { title: '端点熔断告警', lead: '的端点 (ID: 42) 已触发熔断保护', id: '端点ID', url: '端点地址' },
  'zh-TW': { title: '端點熔斷警示', lead: '的端點 (ID: 42) 已觸發熔斷保護', id: '端點ID', url: '端點位址' },
  en: {
    title: 'Endpoint circuit breaker alert',
    lead: 'An endpoint (ID: 42) of provider Anthropic Primary',
    id: 'Endpoint ID',
    url: 'Endpoint URL',
  },
  ja: {
    title: 'エンドポイント遮断アラート',
    lead: 'のエンドポイント (ID: 42) のサーキットブレーカーが作動しました',
    id: 'エンドポイント ID',
    url: 'エンドポイント URL',
  },
  ru: {
    title: 'Сработал предохранитель эндпоинта',
    lead: 'Эндпоинт (ID: 42) провайдера Anthropic Primary: сработал предохранитель',
    id: 'ID эндпоинта',
    url: 'URL эндпоинта',
  },
};

describe.each(cases)('endpoint alert on $channel × $locale', ({ channel, locale }) => {
  const render = (customTemplate?: Record<string, string>) =>
    renderNotification({
      type: 'circuit_breaker',
      data: endpoint,
      channel,
      locale,
      timezone,
      now,
      config: { telegramChatId: '-100123' },
      ...(customTemplate ? { customTemplate } : {}),
    });

  it('the endpoint title, quote and fields, within the platform limit', () => {
    const r = render();
    expect(r.truncated).toBe(false);
    const limit = CHANNELS[channel].limit;
    if (limit) expect(limit.measure(r.body)).toBeLessThanOrEqual(limit.max);
    const body = JSON.stringify(r.body);
    const want = expected[locale];
    expect(body).toContain(want.title);
    if (channel === 'custom') {
      // The default template is the provider one: title and provider fields only.
      expect(r.body).toEqual({
        title: want.title,
        provider: 'Anthropic Primary',
        providerId: '7',
        failureCount: '5',
        retryAt: endpoint.retryAt,
        error: 'upstream 529: overloaded_error',
      });
      const own = render({ source: '{{incident_source}}', id: '{{endpoint_id}}', url: '{{endpoint_url}}' });
      expect(own.body).toEqual({ source: 'endpoint', id: '42', url: 'https://api.anthropic.com/v1' });
    } else {
      for (const part of [want.lead, want.id, want.url, 'https://api.anthropic.com/v1']) expect(body).toContain(part);
    }
  });
});

describe('endpoint breakers in a digest', () => {
  const item = (i: number, source: 'provider' | 'endpoint', event?: 'recovered') =>
    CircuitBreakerNotificationData.parse({
      providerId: String(i),
      providerName: `P${i}`,
      failureCount: 3,
      retryAt: '2026-01-15T07:00:00Z',
      ...(source === 'endpoint' ? { incidentSource: 'endpoint', endpointId: 100 + i } : {}),
      ...(event ? { event, openedAt: minutesAgo(5), closedAt: minutesAgo(0) } : {}),
    });
  const digest = (items: unknown[], locale: Locale) => buildDigestMessage('circuit_breaker', items, ctx(locale));

  it('lists each endpoint item with its endpoint id, the provider items as before', () => {
    const items = [item(1, 'provider'), item(1, 'endpoint'), item(2, 'endpoint')];
    const zh = sectionsAsPlainText(digest(items, 'zh-CN')).split('\n');
    expect(zh.filter((l) => l.startsWith('- '))).toEqual([
      '- P1 (ID: 1)',
      '- P1 · 端点 (ID: 101)',
      '- P2 · 端点 (ID: 102)',
    ]);
    const en = sectionsAsPlainText(digest(items, 'en')).split('\n');
    expect(en.filter((l) => l.startsWith('- '))).toEqual([
      '- P1 (ID: 1)',
      '- P1 · endpoint (ID: 101)',
      '- P2 · endpoint (ID: 102)',
    ]);
  });

  it('the title names providers and endpoints apart', () => {
    const ends = [item(1, 'endpoint'), item(2, 'endpoint')];
    expect(digest(ends, 'zh-CN').title).toBe('2 个端点熔断');
    expect(digest(ends, 'en').title).toBe("2 endpoints' circuit breakers opened");
    expect(digest([item(1, 'endpoint')], 'en').title).toBe("1 endpoint's circuit breaker opened");
    const both = [item(1, 'provider'), item(2, 'provider'), item(1, 'endpoint')];
    expect(digest(both, 'zh-CN').title).toBe('2 个供应商和 1 个端点熔断');
    expect(digest(both, 'en').title).toBe('Circuit breakers of 2 providers and 1 endpoint opened');
    const back = [item(1, 'endpoint', 'recovered'), item(2, 'provider', 'recovered')];
    expect(digest(back, 'zh-CN').title).toBe('1 个供应商和 1 个端点熔断恢复');
    expect(digest(back, 'en').title).toBe('1 provider and 1 endpoint recovered');
    const mixed = [item(1, 'endpoint'), item(2, 'endpoint', 'recovered')];
    expect(digest(mixed, 'zh-CN').title).toBe('端点熔断：1 个熔断 · 1 个恢复');
    expect(digest(mixed, 'en').title).toBe('Endpoint circuit breakers: 1 opened · 1 recovered');
    expect(digest([...mixed, item(3, 'provider')], 'en').title).toBe('Circuit breakers: 2 opened · 1 recovered');
  });
});

describe('the report: endpoint fields, each refused with its reason', () => {
  const open = { providerId: 'p1', providerName: 'P', failureCount: 3, retryAt: '2026-01-15T07:00:00Z' };
  const why = (v: Record<string, unknown>) =>
    CircuitBreakerReport.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts an endpoint opening and closing; no source is the provider', () => {
    expect(CircuitBreakerReport.parse({ ...open, incidentSource: 'endpoint', endpointId: 7 })).toMatchObject({
      state: 'open',
      incidentSource: 'endpoint',
      endpointId: '7',
    });
    expect(CircuitBreakerReport.parse(open)).not.toHaveProperty('incidentSource');
    expect(
      CircuitBreakerReport.parse({ state: 'closed', providerId: 'p1', incidentSource: 'endpoint', endpointId: 'e-1' }),
    ).toEqual({ state: 'closed', providerId: 'p1', incidentSource: 'endpoint', endpointId: 'e-1' });
  });

  it.each([
    [{ ...open, incidentSource: 'endpoint' }, 'endpointId: is required when incidentSource is "endpoint"'],
    [
      { state: 'closed', providerId: 'p1', incidentSource: 'endpoint' },
      'endpointId: is required when incidentSource is "endpoint"',
    ],
    [{ ...open, incidentSource: 'edge', endpointId: 1 }, 'incidentSource: must be "provider" or "endpoint"'],
    [
      { ...open, endpointId: 1 },
      'endpointId: only with incidentSource "endpoint" (without it the report is about the provider)',
    ],
    [
      { ...open, incidentSource: 'provider', endpointUrl: 'https://a.example' },
      'endpointUrl: only with incidentSource "endpoint" (without it the report is about the provider)',
    ],
    [{ ...open, incidentSource: 'endpoint', endpointId: '' }, 'endpointId: must not be empty'],
    [{ ...open, incidentSource: 'endpoint', endpointId: 1.5 }, 'endpointId: must be a string or a whole number'],
    [
      { ...open, incidentSource: 'endpoint', endpointId: 1, endpointUrl: 'api.example.com' },
      'endpointUrl: must be a full URL such as https://api.example.com/v1',
    ],
    [
      { ...open, incidentSource: 'endpoint', endpointId: 1, endpointUrl: 'ftp://api.example.com' },
      'endpointUrl: must be an http:// or https:// URL',
    ],
    [
      { ...open, incidentSource: 'endpoint', endpointId: 1, endpointUrl: 'https://k:s@api.example.com' },
      'endpointUrl: must not carry user:password@',
    ],
    [
      { ...open, incidentSource: 'endpoint', endpointId: 1, endpointUrl: `https://a.example/${'x'.repeat(2048)}` },
      'endpointUrl: at most 2048 characters',
    ],
  ])('%j → %s', (input, message) => {
    expect(why(input)).toEqual([message]);
  });

  it('names every bad field at once, the missing endpoint id among them', () => {
    expect(why({ providerId: 'p1', incidentSource: 'endpoint' }).map((m) => m.split(':')[0])).toEqual([
      'providerName',
      'failureCount',
      'retryAt',
      'endpointId',
    ]);
  });
});
