import { describe, expect, it } from 'vitest';
import { SigningSecret } from '../channels/custom.ts';
import { TelegramBotToken, TelegramChatId } from '../channels/telegram.ts';
import { CHANNEL_TYPES } from '../domain.ts';
import { ApiKeyIdInput, CreateApiKeyInput } from './api-keys.ts';
import { LoginInput } from './auth.ts';
import { ListBindingsInput, SetBindingsInput } from './bindings.ts';
import { CustomHeaders, FORBIDDEN_HEADERS, HHMM, HttpUrl, ProxyUrl, TimeZone, templateSchema } from './common.ts';
import { DeliveryIdInput, ListDeliveriesInput } from './deliveries.ts';
import { AuditListInput, PreviewInput, TestTargetInput, TriggerInput } from './notifications.ts';
import { LEGACY_WEBHOOK_TYPE, SETTINGS_DEFAULTS, UpdateSettingsInput } from './settings.ts';
import { CreateTargetInput, TargetIdInput, UpdateTargetInput } from './targets.ts';

type Parsed = { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
/** Every issue as `path: message`: which field, and why. */
const issues = (r: Parsed) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const one = (schema: { safeParse(v: unknown): Parsed }, v: unknown) => issues(schema.safeParse(v));

const UUID = '0192f0c1-8a7b-7c3d-9e4f-123456789abc';
const TOKEN = `123:${'A'.repeat(20)}`;

describe('common fields', () => {
  it('time zones: IANA names, trimmed, at most 64 characters', () => {
    expect(TimeZone.parse(' Asia/Shanghai ')).toBe('Asia/Shanghai');
    expect(one(TimeZone, ' ')[0]).toBe(': a time zone is required');
    expect(one(TimeZone, 'Mars/Olympus')).toEqual([': must be an IANA time zone such as Asia/Shanghai or UTC']);
    expect(one(TimeZone, `A/${'b'.repeat(63)}`)).toContain(': at most 64 characters');
  });

  it('HH:mm from 00:00 to 23:59', () => {
    for (const ok of ['00:00', '09:05', '19:59', '23:59']) expect(HHMM.safeParse(ok).success).toBe(true);
    for (const bad of ['24:00', '9:00', '09:60', '09:0', ' 09:00', '09:00 ', '30:00', 'x09:00']) {
      expect(one(HHMM, bad), bad).toEqual([': must be a time of day as HH:mm, e.g. 09:00']);
    }
  });

  it('webhook URLs: full http(s) URLs without credentials, at most 2048 characters', () => {
    expect(HttpUrl.parse(' https://example.com/hook ')).toBe('https://example.com/hook');
    expect(HttpUrl.safeParse('http://127.0.0.1:8080/x').success).toBe(true);
    expect(one(HttpUrl, 'example.com/hook')).toEqual([': must be a full URL such as https://example.com/hook']);
    expect(one(HttpUrl, 'ftp://example.com/x')).toEqual([': must be an http:// or https:// URL']);
    expect(one(HttpUrl, 'https://u:p@example.com/x')).toEqual([': must not carry user:password@']);
    expect(one(HttpUrl, 'https://u@example.com/x')).toEqual([': must not carry user:password@']);
    expect(one(HttpUrl, 'https://:p@example.com/x')).toEqual([': must not carry user:password@']);
    expect(HttpUrl.safeParse(`https://e.com/${'x'.repeat(2048 - 14)}`).success).toBe(true);
    expect(one(HttpUrl, `https://e.com/${'x'.repeat(2048 - 13)}`)).toEqual([': at most 2048 characters']);
  });

  it('proxy URLs: six schemes, a host, a port for SOCKS, no password for SOCKS4', () => {
    for (const ok of [
      'http://127.0.0.1:8080',
      'https://proxy.test',
      'socks5://127.0.0.1:1080',
      'socks5h://u:p@h.test:1',
      'socks4://127.0.0.1:1080',
      'socks4a://ops@h.test:1080',
    ]) {
      expect(ProxyUrl.safeParse(ok).success, ok).toBe(true);
    }
    const schemes = ': the scheme must be http://, https://, socks5://, socks5h://, socks4:// or socks4a://';
    expect(one(ProxyUrl, 'proxy:8080')[0]).toBe(schemes);
    expect(one(ProxyUrl, 'nope')).toEqual([': must be a URL such as socks5://127.0.0.1:1080']);
    expect(one(ProxyUrl, 'socks6://h.test:1080')).toEqual([schemes]);
    expect(one(ProxyUrl, 'socks5://h.test')).toEqual([': a SOCKS proxy needs a port, e.g. socks5://host:1080']);
    expect(one(ProxyUrl, 'socks4a://h.test')).toEqual([': a SOCKS proxy needs a port, e.g. socks5://host:1080']);
    const noPassword = ': SOCKS4 has no password: give only a user id, e.g. socks4://user@host:1080';
    expect(one(ProxyUrl, 'socks4://ops:s3cret@h.test:1080')).toEqual([noPassword]);
    expect(one(ProxyUrl, 'socks4a://:s3cret@h.test:1080')).toEqual([noPassword]);
    expect(one(ProxyUrl, 'socks5://')).toContain(': needs a host');
    expect(one(ProxyUrl, `http://h.test/${'x'.repeat(1024)}`)).toEqual([': at most 1024 characters']);
  });

  it('custom headers: valid one-line names and values, none Herald controls, at most 50', () => {
    expect(CustomHeaders.parse({ 'X-Team': 'ops', Authorization: 'Bearer t' })).toEqual({
      'X-Team': 'ops',
      Authorization: 'Bearer t',
    });
    expect(one(CustomHeaders, { 'Bad Name': 'x' })).toEqual([
      'Bad Name: "Bad Name" is not a valid header name (letters, digits and !#$%&\'*+.^_`|~- only)',
    ]);
    expect(one(CustomHeaders, { 'X-A': 'a\r\nX-B: b' })).toEqual(['X-A: must be one line']);
    expect(one(CustomHeaders, { 'X-A': 'a\nb' })).toEqual(['X-A: must be one line']);
    expect(one(CustomHeaders, { 'X-A': 'v'.repeat(4097) })).toEqual(['X-A: at most 4096 characters']);
    expect(CustomHeaders.safeParse({ 'X-A': 'v'.repeat(4096) }).success).toBe(true);
    for (const name of FORBIDDEN_HEADERS) {
      const upper = name.toUpperCase();
      expect(one(CustomHeaders, { [upper]: 'x' })).toEqual([`${upper}: ${upper} cannot be set: Herald controls it`]);
    }
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`X-${i}`, 'v']));
    expect(CustomHeaders.safeParse(many(50)).success).toBe(true);
    expect(one(CustomHeaders, many(51))).toEqual([': at most 50 headers']);
  });

  it('templates: unknown and misplaced placeholders, with their path', () => {
    expect(templateSchema('circuit_breaker').safeParse({ a: ['{{provider_name}}'] }).success).toBe(true);
    expect(one(templateSchema('circuit_breaker'), { a: { b: ['x', '{{target_name}}'] } })).toEqual([
      'a.b.1: {{target_name}}: unknown variable "target_name" for circuit_breaker',
    ]);
    expect(one(templateSchema(), { a: 'x {{json:entries_json}}' })).toEqual([
      'a: {{json:entries_json}}: {{json:…}} must be the whole string value',
    ]);
    expect(one(templateSchema(), [1])).toHaveLength(1);
  });
});

describe('targets', () => {
  const wechat = { name: 'Ops', providerType: 'wechat', webhookUrl: 'https://qyapi.weixin.qq.com/x?key=k' };
  const telegram = { name: 'T', providerType: 'telegram', telegramBotToken: TOKEN, telegramChatId: '-100123' };

  it('each type with its own fields, names trimmed', () => {
    expect(CreateTargetInput.parse({ ...wechat, name: '  Ops  ' })).toEqual(wechat);
    expect(CreateTargetInput.parse({ ...telegram, telegramTopicId: 1 })).toEqual({ ...telegram, telegramTopicId: 1 });
    const custom = {
      name: 'C',
      providerType: 'custom',
      webhookUrl: 'https://e.test/h',
      customTemplate: { t: '{{title}}' },
    };
    expect(CreateTargetInput.parse(custom)).toEqual(custom);
    expect(one(CreateTargetInput, { ...wechat, name: ' ' })).toEqual(['name: a name is required']);
    expect(one(CreateTargetInput, { ...wechat, name: 'n'.repeat(101) })).toEqual(['name: at most 100 characters']);
    expect(CreateTargetInput.safeParse({ ...wechat, name: 'n'.repeat(100) }).success).toBe(true);
  });

  it('secrets are trimmed, not empty, at most 512 characters', () => {
    const feishu = { name: 'F', providerType: 'feishu', webhookUrl: 'https://open.feishu.cn/x' };
    expect(CreateTargetInput.parse({ ...feishu, feishuSecret: ' s ' })).toMatchObject({ feishuSecret: 's' });
    expect(one(CreateTargetInput, { ...feishu, feishuSecret: ' ' })).toEqual(['feishuSecret: must not be empty']);
    expect(one(CreateTargetInput, { ...feishu, feishuSecret: 's'.repeat(513) })).toEqual([
      'feishuSecret: at most 512 characters',
    ]);
  });

  it('Telegram tokens, chats and topics', () => {
    expect(TelegramBotToken.parse(` ${TOKEN} `)).toBe(TOKEN);
    const tokenError = [': must look like 123456789:AA… (from @BotFather)'];
    for (const bad of [
      `12:${'A'.repeat(20)}`,
      `123:${'A'.repeat(19)}`,
      `123${'A'.repeat(21)}`,
      `x${TOKEN}`,
      `${TOKEN}!`,
    ]) {
      expect(one(TelegramBotToken, bad), bad).toEqual(tokenError);
    }
    for (const ok of ['-1001234567890', '42', '@abcde', `@a${'b'.repeat(31)}`])
      expect(TelegramChatId.parse(ok)).toBe(ok);
    for (const bad of ['@abcd', `@a${'b'.repeat(32)}`, '@1abcd', '1'.repeat(21), '--1', 'x1', '1x']) {
      expect(one(TelegramChatId, bad), bad).toEqual([
        ': must be a numeric chat id (e.g. -1001234567890) or @channelname',
      ]);
    }
    expect(one(CreateTargetInput, { ...telegram, telegramTopicId: 1.5 })).toEqual([
      'telegramTopicId: a topic id is a whole number',
    ]);
    expect(one(CreateTargetInput, { ...telegram, telegramTopicId: 0 })).toEqual([
      'telegramTopicId: a topic id is a positive number',
    ]);
  });

  it('signing secrets are whsec_ and base64', () => {
    const ok = `whsec_${'A'.repeat(24)}`;
    expect(SigningSecret.parse(` ${ok}== `)).toBe(`${ok}==`);
    for (const bad of [`whsec_${'A'.repeat(23)}`, `${ok}===`, `WHSEC_${'A'.repeat(24)}`, `x${ok}`, `${ok}!`]) {
      expect(one(SigningSecret, bad), bad).toEqual([': must be a Standard Webhooks secret: whsec_ followed by base64']);
    }
  });

  it('a patch needs a UUID id and refuses unknown fields', () => {
    expect(UpdateTargetInput.parse({ id: UUID, name: 'x' })).toEqual({ id: UUID, name: 'x' });
    expect(one(UpdateTargetInput, { name: 'x' })).toHaveLength(1);
    expect(one(UpdateTargetInput, { id: 'nope' })).toEqual(['id: id must be a UUID']);
    expect(UpdateTargetInput.safeParse({ id: UUID, colour: 'red' }).success).toBe(false);
    expect(one(TargetIdInput, { id: 'x' })).toEqual(['id: id must be a UUID']);
  });
});

describe('settings', () => {
  it('defaults as the spec gives them', () => {
    expect(SETTINGS_DEFAULTS).toEqual({
      enabled: false,
      useLegacyMode: true,
      circuitBreakerEnabled: false,
      costAlertEnabled: false,
      dailyLeaderboardEnabled: false,
      costAlertThreshold: 0.8,
      costAlertCheckInterval: 60,
      dailyLeaderboardTime: '09:00',
      dailyLeaderboardTopN: 5,
      locale: 'zh-CN',
      // Incidents (issue 11): a 10 s grouping wait for breakers, cost digests above 3 alerts.
      circuitBreakerGroupWaitSeconds: 10,
      costAlertGroupWaitSeconds: 0,
      costAlertDigestThreshold: 3,
      costAlertRecoveryEnabled: false,
      paceDigests: true,
      // The cache-hit-rate alert (issue 12), the reference hub's defaults.
      cacheHitRateEnabled: false,
      cacheHitRateWindowMode: 'auto',
      cacheHitRateCheckInterval: 5,
      cacheHitRateLookbackDays: 7,
      cacheHitRateMinEligibleRequests: 20,
      cacheHitRateMinEligibleTokens: 0,
      cacheHitRateAbsMin: 0.05,
      cacheHitRateDropRel: 0.3,
      cacheHitRateDropAbs: 0.1,
      cacheHitRateCooldownMinutes: 30,
      cacheHitRateTopN: 10,
      // Upstream balance alerts (issue 12): no default threshold, then half of it and zero.
      providerBalanceEnabled: false,
      providerBalanceDefaultThreshold: null,
      providerBalanceLevels: [0.5, 0],
    });
    expect(LEGACY_WEBHOOK_TYPE).toEqual({
      circuitBreakerWebhook: 'circuit_breaker',
      costAlertWebhook: 'cost_alert',
      dailyLeaderboardWebhook: 'daily_leaderboard',
      cacheHitRateWebhook: 'cache_hit_rate',
      providerBalanceWebhook: 'provider_balance',
    });
  });

  it('the balance alert’s default threshold and lower levels, each refusal naming the field and why', () => {
    const at = (patch: Record<string, unknown>) => one(UpdateSettingsInput, patch);
    expect(at({ providerBalanceDefaultThreshold: 0, providerBalanceLevels: [0.75, 0.25, 0] })).toEqual([]);
    expect(at({ providerBalanceDefaultThreshold: null, providerBalanceLevels: [] })).toEqual([]);
    expect(at({ providerBalanceDefaultThreshold: -1 })).toEqual(['providerBalanceDefaultThreshold: must be 0 or more']);
    expect(at({ providerBalanceDefaultThreshold: '50' })).toEqual([
      "providerBalanceDefaultThreshold: must be a number, 0 or more, in the provider's currency (null: no default)",
    ]);
    expect(at({ providerBalanceLevels: [1, 0] })).toEqual([
      'providerBalanceLevels.0: must be below 1 (1 is the threshold itself; 0.5 is half of it)',
    ]);
    expect(at({ providerBalanceLevels: [0.5, -0.1] })).toEqual([
      'providerBalanceLevels.1: must be 0 (an empty account) or more',
    ]);
    expect(at({ providerBalanceLevels: [0, 0.5] })).toEqual([
      'providerBalanceLevels.1: must be lower than the level before it (0): levels go down from the threshold',
    ]);
    expect(at({ providerBalanceLevels: [0.5, 0.5] })).toHaveLength(1);
    expect(at({ providerBalanceLevels: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4] })).toEqual([
      'providerBalanceLevels: at most 5 levels',
    ]);
    expect(at({ providerBalanceLevels: 0.5 })).toEqual([
      'providerBalanceLevels: must be a list of fractions of the threshold, e.g. [0.5, 0]',
    ]);
  });

  it('the cache-hit-rate settings in the reference hub’s ranges', () => {
    const at = (patch: Record<string, unknown>) => one(UpdateSettingsInput, patch);
    expect(at({ cacheHitRateWindowMode: '1.5h', cacheHitRateCheckInterval: 1440, cacheHitRateAbsMin: 0.0525 })).toEqual(
      [],
    );
    expect(at({ cacheHitRateWindowMode: '2h' })).toEqual([
      'cacheHitRateWindowMode: must be one of auto, 5m, 30m, 1h, 1.5h',
    ]);
    expect(at({ cacheHitRateCheckInterval: 0 })).toEqual(['cacheHitRateCheckInterval: must be between 1 and 1440']);
    expect(at({ cacheHitRateLookbackDays: 91 })).toEqual(['cacheHitRateLookbackDays: must be between 1 and 90']);
    expect(at({ cacheHitRateTopN: 0 })).toEqual(['cacheHitRateTopN: must be between 1 and 100']);
    expect(at({ cacheHitRateCooldownMinutes: 0 })).toEqual([]);
    expect(at({ cacheHitRateDropRel: 1.2 })).toEqual(['cacheHitRateDropRel: must be between 0 and 1 (0.05 = 5 %)']);
    expect(at({ cacheHitRateDropAbs: 0.12345 })).toEqual(['cacheHitRateDropAbs: at most four decimals']);
    expect(at({ cacheHitRateMinEligibleTokens: 2_147_483_648 })).toEqual([
      'cacheHitRateMinEligibleTokens: must be between 0 and 2147483647',
    ]);
  });

  it('each bound at its edges, with the reason', () => {
    const at = (patch: Record<string, unknown>) => one(UpdateSettingsInput, patch);
    expect(at({ costAlertThreshold: 0.5 })).toEqual([]);
    expect(at({ costAlertThreshold: 1 })).toEqual([]);
    expect(at({ costAlertThreshold: 0.85 })).toEqual([]);
    expect(at({ costAlertThreshold: 0.49 })).toEqual(['costAlertThreshold: must be between 0.50 and 1.00']);
    expect(at({ costAlertThreshold: 1.01 })).toEqual(['costAlertThreshold: must be between 0.50 and 1.00']);
    expect(at({ costAlertThreshold: 0.855 })).toEqual(['costAlertThreshold: at most two decimals (0.85 = 85 %)']);
    expect(at({ costAlertCheckInterval: 10 })).toEqual([]);
    expect(at({ costAlertCheckInterval: 1440 })).toEqual([]);
    expect(at({ costAlertCheckInterval: 9 })).toEqual(['costAlertCheckInterval: must be between 10 and 1440 minutes']);
    expect(at({ costAlertCheckInterval: 1441 })).toEqual([
      'costAlertCheckInterval: must be between 10 and 1440 minutes',
    ]);
    expect(at({ costAlertCheckInterval: 10.5 })).toEqual(['costAlertCheckInterval: whole minutes']);
    expect(at({ dailyLeaderboardTopN: 1 })).toEqual([]);
    expect(at({ dailyLeaderboardTopN: 50 })).toEqual([]);
    expect(at({ dailyLeaderboardTopN: 0 })).toEqual(['dailyLeaderboardTopN: must be between 1 and 50']);
    expect(at({ dailyLeaderboardTopN: 51 })).toEqual(['dailyLeaderboardTopN: must be between 1 and 50']);
    expect(at({ dailyLeaderboardTopN: 2.5 })).toEqual(['dailyLeaderboardTopN: a whole number']);
    expect(at({ locale: 'fr' })).toEqual(['locale: must be one of zh-CN, zh-TW, en, ja, ru']);
    expect(at({ dailyLeaderboardTime: '24:00' })).toEqual([
      'dailyLeaderboardTime: must be a time of day as HH:mm, e.g. 09:00',
    ]);
    expect(UpdateSettingsInput.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('legacy webhook URLs: a platform URL, null to clear, the detector’s reason otherwise', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
    expect(UpdateSettingsInput.parse({ costAlertWebhook: ` ${url} `, circuitBreakerWebhook: null })).toEqual({
      costAlertWebhook: url,
      circuitBreakerWebhook: null,
    });
    expect(one(UpdateSettingsInput, { dailyLeaderboardWebhook: 'https://example.com/x' })[0]).toMatch(
      /^dailyLeaderboardWebhook: unrecognised platform host example.com/,
    );
    expect(one(UpdateSettingsInput, { costAlertWebhook: `https://qyapi.weixin.qq.com/${'x'.repeat(2048)}` })).toContain(
      'costAlertWebhook: at most 2048 characters',
    );
  });
});

describe('bindings', () => {
  const binding = { targetId: UUID };

  it('defaults a binding to enabled and checks the override against the type', () => {
    expect(SetBindingsInput.parse({ notificationType: 'cost_alert', bindings: [binding] })).toEqual({
      notificationType: 'cost_alert',
      bindings: [{ targetId: UUID, isEnabled: true }],
    });
    expect(
      one(SetBindingsInput, {
        notificationType: 'cost_alert',
        bindings: [{ ...binding, templateOverride: { a: { b: '{{provider_name}}' } } }],
      }),
    ).toEqual(['bindings.0.templateOverride.a.b: {{provider_name}}: unknown variable "provider_name" for cost_alert']);
    expect(ListBindingsInput.parse(undefined)).toBeUndefined();
    expect(one(ListBindingsInput, { notificationType: 'x' })).toEqual([
      'notificationType: must be one of circuit_breaker, cost_alert, daily_leaderboard, cache_hit_rate, provider_balance',
    ]);
  });

  it('refuses a target bound twice, bad crons and too many bindings', () => {
    const other = '0192f0c1-8a7b-7c3d-9e4f-123456789abd';
    expect(
      one(SetBindingsInput, { notificationType: 'cost_alert', bindings: [binding, { targetId: other }, binding] }),
    ).toEqual(['bindings.2.targetId: this target is bound twice']);
    expect(
      one(SetBindingsInput, { notificationType: 'cost_alert', bindings: [{ ...binding, scheduleCron: ' ' }] }),
    ).toEqual(['bindings.0.scheduleCron: must not be empty']);
    expect(
      one(SetBindingsInput, {
        notificationType: 'cost_alert',
        bindings: [{ ...binding, scheduleCron: 'x'.repeat(101) }],
      }),
    ).toEqual(['bindings.0.scheduleCron: at most 100 characters']);
    expect(one(SetBindingsInput, { notificationType: 'cost_alert', bindings: [{ targetId: 'x' }] })).toEqual([
      'bindings.0.targetId: targetId must be a UUID',
    ]);
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ targetId: `0192f0c1-8a7b-7c3d-9e4f-${String(i).padStart(12, '0')}` }));
    expect(SetBindingsInput.safeParse({ notificationType: 'cost_alert', bindings: many(100) }).success).toBe(true);
    expect(one(SetBindingsInput, { notificationType: 'cost_alert', bindings: many(101) })).toEqual([
      'bindings: at most 100 bindings per type',
    ]);
  });
});

describe('notifications, deliveries, keys and login', () => {
  it('preview, test, audit and trigger inputs', () => {
    expect(one(PreviewInput, { notificationType: 'cost_alert', providerType: 'fax' })).toEqual([
      `providerType: must be one of ${CHANNEL_TYPES.join(', ')}`,
    ]);
    expect(
      one(PreviewInput, { notificationType: 'cost_alert', providerType: 'wechat', timezone: 'x'.repeat(65) }),
    ).toEqual(['timezone: at most 64 characters']);
    expect(TestTargetInput.parse({ id: UUID })).toEqual({ id: UUID, notificationType: 'circuit_breaker' });
    expect(one(TestTargetInput, { id: 'x' })).toEqual(['id: id must be a UUID']);
    expect(AuditListInput.parse(undefined)).toEqual({ limit: 50 });
    expect(AuditListInput.parse({})).toEqual({ limit: 50 });
    expect(AuditListInput.safeParse({ limit: 200 }).success).toBe(true);
    expect(AuditListInput.safeParse({ limit: 201 }).success).toBe(false);
    expect(AuditListInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(AuditListInput.safeParse({ cursor: 0 }).success).toBe(false);
    expect(one(AuditListInput, { entityType: 'x'.repeat(51) })).toEqual(['entityType: at most 50 characters']);
    expect(one(TriggerInput, { notificationType: 'circuit_breaker' })).toEqual([
      'notificationType: only cost_alert, daily_leaderboard and cache_hit_rate run on a schedule',
    ]);
  });

  it('delivery filters: a page size of 1–200, a cursor from a page, from before to', () => {
    expect(ListDeliveriesInput.parse(undefined)).toEqual({ limit: 50 });
    expect(ListDeliveriesInput.safeParse({ limit: 1 }).success).toBe(true);
    expect(ListDeliveriesInput.safeParse({ limit: 200 }).success).toBe(true);
    expect(ListDeliveriesInput.safeParse({ limit: 201 }).success).toBe(false);
    expect(ListDeliveriesInput.safeParse({ limit: 0 }).success).toBe(false);
    expect(one(ListDeliveriesInput, { cursor: 'x' })).toEqual([
      'cursor: cursor must be a nextCursor from a previous page',
    ]);
    expect(one(ListDeliveriesInput, { status: 'lost' })).toEqual([
      'status: must be one of pending, sending, delivered, failed, skipped, grouped',
    ]);
    expect(one(ListDeliveriesInput, { silenceId: 'x' })).toEqual(['silenceId: silenceId must be a UUID']);
    expect(one(ListDeliveriesInput, { digestId: UUID })).toEqual([]);
    expect(one(ListDeliveriesInput, { targetId: 'x' })).toEqual(['targetId: targetId must be a UUID']);
    expect(one(ListDeliveriesInput, { notificationId: 'x' })).toEqual([
      'notificationId: notificationId must be a UUID',
    ]);
    expect(ListDeliveriesInput.parse({ notificationId: UUID, providerId: ' 7 ', userId: 'alice' })).toMatchObject({
      notificationId: UUID,
      providerId: '7',
      userId: 'alice',
    });
    expect(one(ListDeliveriesInput, { providerId: ' ' })).toEqual(['providerId: providerId must not be empty']);
    expect(one(ListDeliveriesInput, { userId: 'x'.repeat(129) })).toEqual(['userId: userId is at most 128 characters']);
    expect(one(ListDeliveriesInput, { providerId: 7 })).toEqual(['providerId: providerId must be a hub id (text)']);
    const from = '2026-01-15T00:00:00Z';
    expect(ListDeliveriesInput.safeParse({ from, to: '2026-01-15T00:00:01Z' }).success).toBe(true);
    expect(ListDeliveriesInput.safeParse({ from }).success).toBe(true);
    expect(ListDeliveriesInput.safeParse({ to: from }).success).toBe(true);
    expect(one(ListDeliveriesInput, { from, to: from })).toEqual(['to: must be after from']);
    expect(one(DeliveryIdInput, { id: 'x' })).toEqual(['id: id must be a UUID']);
  });

  it('API key names and the admin token', () => {
    expect(CreateApiKeyInput.safeParse({ name: 'n'.repeat(100) }).success).toBe(true);
    expect(one(ApiKeyIdInput, { id: UUID })).toEqual([]);
    expect(one(LoginInput, { token: 't'.repeat(512) })).toEqual([]);
    expect(one(LoginInput, { token: 't'.repeat(513) })).toEqual(['token: the admin token is too long']);
    expect(one(LoginInput, { token: '   ' })).toEqual(['token: the admin token is required']);
  });
});
