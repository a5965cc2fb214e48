import { describe, expect, it } from 'vitest';
import { LegacyWebhookTestResult, TestLegacyWebhookInput } from './legacy-test.ts';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';
const issues = (v: unknown) => {
  const r = TestLegacyWebhookInput.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('TestLegacyWebhookInput', () => {
  it('takes a platform URL as typed (trimmed) and a notification type', () => {
    expect(TestLegacyWebhookInput.parse({ url: ` ${WECOM} `, notificationType: 'cost_alert' })).toEqual({
      url: WECOM,
      notificationType: 'cost_alert',
    });
  });

  it('names `url` with the detector’s reason', () => {
    expect(issues({ url: 'https://example.com/hook', notificationType: 'cost_alert' })[0]).toMatch(
      /^url: unrecognised platform host example\.com/,
    );
    expect(issues({ url: 'http://qyapi.weixin.qq.com/x', notificationType: 'cost_alert' })).toEqual([
      'url: a platform webhook URL must use https',
    ]);
    expect(issues({ url: 'https://api.telegram.org/botX/sendMessage', notificationType: 'cost_alert' })).toEqual([
      'url: a Telegram URL needs /bot<token>/sendMessage and ?chat_id=<chat>',
    ]);
    expect(issues({ url: '', notificationType: 'cost_alert' })).toEqual([
      'url: must be a full URL such as https://example.com/hook',
    ]);
    expect(
      issues({ url: `https://qyapi.weixin.qq.com/${'x'.repeat(2048)}`, notificationType: 'cost_alert' }),
    ).toContain('url: at most 2048 characters');
  });

  it('needs a known notification type and nothing else', () => {
    expect(issues({ url: WECOM })).toEqual([
      'notificationType: must be one of circuit_breaker, cost_alert, daily_leaderboard, cache_hit_rate, provider_balance',
    ]);
    expect(issues({ url: WECOM, notificationType: 'x' })).toHaveLength(1);
    expect(issues({ url: WECOM, notificationType: 'cost_alert', save: true })).toHaveLength(1);
  });
});

describe('LegacyWebhookTestResult', () => {
  const result = {
    success: true,
    latencyMs: 12,
    statusCode: 200,
    error: null,
    response: '{"errcode":0}',
    notificationType: 'cost_alert',
    attempts: 1,
    channel: 'wechat',
  };

  it('is a test result with the detected legacy platform', () => {
    expect(LegacyWebhookTestResult.parse(result)).toEqual(result);
    expect(LegacyWebhookTestResult.safeParse({ ...result, channel: 'custom' }).success).toBe(false);
    expect(LegacyWebhookTestResult.safeParse({ ...result, channel: undefined }).success).toBe(false);
  });
});
