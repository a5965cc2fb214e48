import { describe, expect, it } from 'vitest';
import { ApiKeySummary, CreatedApiKey } from './api-keys.ts';
import { SessionInfo } from './auth.ts';
import { DeliveryDetail, DeliveryPage, ResendResult } from './deliveries.ts';
import { Overview } from './overview.ts';
import { Settings } from './settings.ts';
import { TestResult } from './targets.ts';

const ID = '0192f0c1-8a7b-7c3d-9e4f-123456789abc';
const AT = '2026-01-15T06:30:00.000Z';

const summary = {
  id: ID,
  notificationId: ID,
  notificationType: 'cost_alert',
  targetId: ID,
  targetName: 'Ops',
  bindingId: null,
  resendOf: null,
  channel: 'wechat',
  status: 'failed',
  statusCode: 502,
  error: 'HTTP 502',
  failureClass: 'retryable',
  latencyMs: 12.5,
  attemptCount: 3,
  queueAttempt: 1,
  nextAttemptAt: AT,
  waitReason: null,
  kind: 'alert',
  event: null,
  subject: 'Anthropic Primary',
  carriedCount: null,
  digestId: null,
  silenceId: null,
  createdAt: AT,
  updatedAt: AT,
  finishedAt: null,
};
const detail = {
  ...summary,
  attempts: [
    { at: AT, queueAttempt: 0, outcome: 'retryable', statusCode: 502, latencyMs: 5, via: 'direct', error: 'HTTP 502' },
  ],
  renderedBody: { msgtype: 'markdown' },
  renderedLocale: 'zh-CN',
  carried: [],
  notification: { source: 'hub', data: { any: 1 }, createdAt: AT },
};
const counts = { delivered: 1, failed: 2, pending: 3, skipped: 4 };
const overview = {
  timezone: 'UTC',
  generatedAt: AT,
  today: counts,
  days: [{ ...counts, date: '2026-01-15' }],
  failingTargets: [
    {
      id: ID,
      name: 'Ops',
      channel: 'feishu',
      failures24h: 3,
      lastError: null,
      lastFailedAt: AT,
      lastTest: { success: true, at: AT },
    },
  ],
  topSpenders: {
    users: [{ userId: 'u', userName: 'U', totalRequests: 2, totalCost: 1.5, totalTokens: 10 }],
    totalCost: 1.5,
  },
  quotas: {
    users: [{ id: 'u', name: 'U', windows: [{ period: 'weekly', spend: 8, limit: 10, ratio: 0.8 }] }],
    providers: [],
  },
  circuitBreakers: [
    {
      notificationId: ID,
      at: AT,
      providerId: 'p',
      providerName: 'P',
      failureCount: 5,
      retryAt: AT,
      lastError: 'x',
      delivered: 1,
      failed: 0,
      pending: 0,
    },
  ],
  cacheHitRates: {
    window: { mode: '30m', start: AT, end: AT },
    rows: [
      {
        providerId: 'p',
        providerName: null,
        model: 'm',
        current: { kind: 'eligible', requests: 30, denominatorTokens: 3000, hitRateTokens: 0.1 },
        baselineSource: null,
        baseline: null,
        anomaly: true,
      },
    ],
  },
  balances: [
    {
      providerId: 'p',
      providerName: 'Anthropic',
      balance: -1.5,
      currency: 'USD',
      threshold: 100,
      level: 'zero',
      updatedAt: AT,
    },
  ],
};
const legacy = { set: true, hint: 'https://q…', channel: 'wechat' };
const settings = {
  enabled: true,
  useLegacyMode: false,
  circuitBreakerEnabled: true,
  costAlertEnabled: true,
  dailyLeaderboardEnabled: false,
  circuitBreakerWebhook: legacy,
  costAlertWebhook: { set: false, hint: null, channel: null },
  dailyLeaderboardWebhook: legacy,
  cacheHitRateWebhook: legacy,
  providerBalanceWebhook: { set: false, hint: null, channel: null },
  costAlertThreshold: 0.8,
  costAlertCheckInterval: 60,
  dailyLeaderboardTime: '09:00',
  dailyLeaderboardTopN: 5,
  timezone: 'UTC',
  locale: 'en',
  circuitBreakerGroupWaitSeconds: 10,
  costAlertGroupWaitSeconds: 0,
  costAlertDigestThreshold: 3,
  costAlertRecoveryEnabled: false,
  paceDigests: true,
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
  providerBalanceEnabled: false,
  providerBalanceDefaultThreshold: null,
  providerBalanceLevels: [0.5, 0],
  updatedAt: AT,
};
const key = { id: ID, name: 'hub', prefix: 'hrld_ab', createdAt: AT, lastUsedAt: null, revokedAt: AT };

/** What the API answers: each schema keeps every field as sent and refuses a wrong one. */
describe.each([
  ['DeliveryPage', DeliveryPage, { items: [summary], nextCursor: ID }, { items: [{ ...summary, status: 'lost' }] }],
  ['DeliveryDetail', DeliveryDetail, detail, { ...detail, attempts: [{ ...detail.attempts[0], outcome: 'ok' }] }],
  ['ResendResult', ResendResult, { deliveryId: ID, notificationId: ID }, { deliveryId: 'x', notificationId: ID }],
  ['Overview', Overview, overview, { ...overview, days: [{ ...counts, date: '2026-13-01' }] }],
  ['Settings', Settings, settings, { ...settings, locale: 'fr' }],
  ['ApiKeySummary', ApiKeySummary, key, { ...key, createdAt: 'yesterday' }],
  ['CreatedApiKey', CreatedApiKey, { ...key, key: 'hrld_abc' }, key],
  ['SessionInfo', SessionInfo, { authenticated: true, expiresAt: null }, { authenticated: 'yes', expiresAt: null }],
  [
    'TestResult',
    TestResult,
    {
      success: false,
      latencyMs: 3,
      statusCode: null,
      error: 'e',
      response: null,
      notificationType: 'cost_alert',
      attempts: 1,
    },
    { success: false },
  ],
] as const)('%s', (_name, schema, valid, invalid) => {
  it('keeps a valid answer whole', () => {
    expect((schema as { parse(v: unknown): unknown }).parse(valid)).toEqual(valid);
  });

  it('refuses a wrong field', () => {
    expect((schema as { safeParse(v: unknown): { success: boolean } }).safeParse(invalid).success).toBe(false);
  });
});

describe('integer counts and enumerations of the answers', () => {
  it('refuse a fractional count and an unknown kind', () => {
    expect(Overview.safeParse({ ...overview, today: { ...counts, failed: 1.5 } }).success).toBe(false);
    expect(
      Overview.safeParse({
        ...overview,
        quotas: {
          users: [{ id: 'u', name: 'U', windows: [{ period: 'daily', spend: 1, limit: 1, ratio: 1 }] }],
          providers: [],
        },
      }).success,
    ).toBe(false);
    expect(DeliveryPage.safeParse({ items: [{ ...summary, attemptCount: 1.5 }], nextCursor: null }).success).toBe(
      false,
    );
    expect(DeliveryPage.safeParse({ items: [{ ...summary, channel: 'fax' }], nextCursor: null }).success).toBe(false);
    expect(DeliveryPage.safeParse({ items: [{ ...summary, failureClass: 'maybe' }], nextCursor: null }).success).toBe(
      false,
    );
    expect(
      DeliveryDetail.safeParse({ ...detail, notification: { ...detail.notification, source: 'mail' } }).success,
    ).toBe(false);
    expect(DeliveryDetail.safeParse({ ...detail, attempts: [{ ...detail.attempts[0], via: 'pigeon' }] }).success).toBe(
      false,
    );
  });
});
