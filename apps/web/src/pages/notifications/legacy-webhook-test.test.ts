import type { LegacyWebhookTestResult } from '@herald/core';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { currentResult, legacyTestRequest, urlErrorOf } from './legacy-webhook-test.ts';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';

describe('testing a legacy URL as typed', () => {
  it("sends the trimmed URL with the field's notification type", () => {
    expect(legacyTestRequest('costAlertWebhook', `  ${WECOM} `)).toEqual({
      ok: true,
      input: { url: WECOM, notificationType: 'cost_alert' },
    });
    expect(legacyTestRequest('dailyLeaderboardWebhook', WECOM)).toMatchObject({
      input: { notificationType: 'daily_leaderboard' },
    });
  });

  it('asks for a URL when the field is empty (the stored one never reaches the browser)', () => {
    expect(legacyTestRequest('circuitBreakerWebhook', '   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it("refuses what the server would, with the server's reason, without a call", () => {
    expect(legacyTestRequest('circuitBreakerWebhook', 'https://example.com/hook')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/^unrecognised platform host example\.com/),
    });
    expect(legacyTestRequest('circuitBreakerWebhook', 'https://api.telegram.org/bot1:a/sendMessage')).toMatchObject({
      reason: 'invalid',
      message: expect.stringMatching(/chat_id/),
    });
  });

  it("reads the server's field error for `url`, and nothing else", () => {
    const shape = (issues: unknown) => ({
      error: { message: 'x', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, issues } },
    });
    const bad = TRPCClientError.from(shape([{ path: 'url', message: 'a platform webhook URL must use https' }]));
    expect(urlErrorOf(bad)).toBe('a platform webhook URL must use https');
    expect(urlErrorOf(TRPCClientError.from(shape([{ path: 'notificationType', message: 'm' }])))).toBeNull();
    expect(urlErrorOf(new Error('offline'))).toBeNull();
  });

  it('shows an answer only while the field holds the URL it was for', () => {
    const result = { success: true, channel: 'wechat' } as LegacyWebhookTestResult;
    const test = { url: WECOM, result };
    expect(currentResult(test, ` ${WECOM}`)).toBe(result);
    expect(currentResult(test, `${WECOM}x`)).toBeNull();
    expect(currentResult(null, WECOM)).toBeNull();
  });
});
