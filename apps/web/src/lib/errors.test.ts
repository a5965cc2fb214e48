import { HERALD_ERROR_CODES, HERALD_REASON_LIST, HERALD_REASONS, ISSUE_CODES } from '@herald/core';
import { TRPCClientError } from '@trpc/client';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { resources } from '../i18n/resources.ts';
import { errorText, issueText, type Translate } from './errors.ts';

function translator(language: Language): Translate {
  const i18n = createInstance();
  void i18n.init({ resources, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return i18n.t as unknown as Translate;
}

/** A failed tRPC call as the client sees the server's documented error shape. */
function serverError(message: string, data: Record<string, unknown>) {
  return new TRPCClientError(message, { result: { error: { message, code: -32600, data } } as never });
}

const languages = LANGUAGES.map((l) => l.code);

describe.each(languages)('error texts in %s', (language) => {
  const t = translator(language);

  it('has a text for every issue code, with its params filled in', () => {
    for (const code of ISSUE_CODES) {
      const params = { min: 2, max: 64, host: 'oapi.dingtalk.com', expected: 'x', name: 'titel' };
      const text = issueText({ code, params }, t);
      expect(text, code).not.toMatch(/errors\.|\{\{/);
      expect(text.trim().length, code).toBeGreaterThan(0);
      // Only field.invalid itself may say just "invalid": every other code has words of its own.
      if (code !== 'field.invalid') expect(text, code).not.toBe(t('errors.issue.field.invalid'));
    }
  });

  it('has a text for every server code, for no answer at all, and a generic one', () => {
    for (const code of HERALD_ERROR_CODES) {
      const text = errorText(serverError('english words', { code: 'X', httpStatus: 400, herald: { code } }), t);
      expect(text, code).not.toMatch(/errors\.|english words/);
    }
    expect(errorText(new TypeError('Failed to fetch'), t)).toBe(t('errors.network'));
    expect(errorText(new Error('boom'), t)).toBe(t('errors.generic'));
  });

  // The list comes from core's table: a reason the server may send without a text here fails.
  it.each(HERALD_REASON_LIST)('has a text of its own for the reason %s, with its params filled in', (reason) => {
    const { code } = HERALD_REASONS[reason];
    const params = Object.fromEntries(HERALD_REASONS[reason].params.map((p) => [p, p === 'issue' ? 'url.invalid' : 7]));
    const error = serverError('english words', { code: 'X', httpStatus: 404, herald: { code, reason, params } });
    const text = errorText(error, t);
    expect(text).not.toMatch(/errors\.|english words|\{\{/);
    expect(text).not.toBe(t(`errors.server.${code}`));
  });
});

describe('errorText', () => {
  const zh = translator('zh-CN');

  it('shows field issues by code, in the language, never the server’s English message', () => {
    const error = serverError('webhookUrl: a platform webhook URL must use https', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      issues: [
        {
          path: 'webhookUrl',
          message: 'a platform webhook URL must use https',
          code: 'url.https_required',
          params: { host: 'qyapi.weixin.qq.com' },
        },
      ],
      herald: { code: 'INVALID_INPUT' },
    });
    expect(errorText(error, zh)).toBe('qyapi.weixin.qq.com 上的 Webhook 地址必须使用 https://。');
  });

  it('a refusal reads by its reason and params; a legacy URL’s names the URL’s own issue', () => {
    const missing = serverError('id: no delivery 1', {
      code: 'NOT_FOUND',
      httpStatus: 404,
      herald: { code: 'NOT_FOUND', retryable: false, reason: 'delivery.not_found', params: { id: '1' } },
    });
    expect(errorText(missing, zh)).toBe('找不到此 ID 对应的发送记录，可能已从日志中清除。请检查链接。');
    const legacy = serverError('cannot be migrated', {
      code: 'PRECONDITION_FAILED',
      httpStatus: 412,
      herald: {
        code: 'PRECONDITION_FAILED',
        retryable: false,
        reason: 'legacy.not_migratable',
        params: { types: 'cost_alert', issue: 'url.https_required', host: 'oapi.dingtalk.com' },
      },
    });
    expect(errorText(legacy, zh)).toBe(
      '旧版 Webhook 地址无法转换为目标。oapi.dingtalk.com 上的 Webhook 地址必须使用 https://。',
    );
    // A reason this dashboard does not know yet (a newer server) falls back to the code's text.
    const newer = serverError('x', { code: 'CONFLICT', httpStatus: 409, herald: { code: 'CONFLICT', reason: 'x.y' } });
    expect(errorText(newer, zh)).toBe(zh('errors.server.CONFLICT'));
  });

  it('a text whose param the answer lacks says only that the value is invalid', () => {
    expect(issueText({ code: 'text.too_long' }, zh)).toBe('该值无效。');
  });

  it('reads a zod issue from the browser’s own check the same way', () => {
    expect(issueText({ code: 'too_big', origin: 'string', maximum: 64, message: 'at most 64 characters' }, zh)).toBe(
      '最多 64 个字符。',
    );
  });

  it('a fetch that never got an answer reads as a network problem; a bare 502 as unavailable', () => {
    const offline = new TRPCClientError('Failed to fetch', { cause: new TypeError('Failed to fetch') });
    expect(errorText(offline, zh)).toBe('无法连接到 Herald，请检查网络后重试。');
    const gateway = new TRPCClientError('Unexpected token <', {
      meta: { response: new Response('<html>', { status: 502 }) },
    });
    expect(errorText(gateway, zh)).toBe(zh('errors.server.UNAVAILABLE'));
  });
});
