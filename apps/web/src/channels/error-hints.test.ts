import { CHANNEL_TYPES } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/languages.ts';
import { errorCodesOf, errorHintOf } from './error-hints.ts';
import { TRANSPORT_ERROR_HINTS } from './hints/transport.ts';
import { channelUi } from './index.ts';

describe('errorCodesOf', () => {
  it('reads the platform code at the start of the logged error, then the status', () => {
    expect(errorCodesOf('310000: sign not match', 200)).toEqual(['310000', '200']);
    expect(errorCodesOf('-1: system busy', 200)).toEqual(['-1', '200']);
    expect(errorCodesOf('InvalidRequestContent: bad card', 400)).toEqual(['InvalidRequestContent', '400']);
    expect(errorCodesOf('channel_is_archived (HTTP 410)', 410)).toEqual(['channel_is_archived', '410']);
    // Telegram's 429 message is only the description: the status says it.
    expect(errorCodesOf('Too Many Requests: retry after 5', 429)).toEqual(['429']);
    expect(errorCodesOf('HTTP 502: <html>', 502)).toEqual(['502']);
    expect(errorCodesOf(null, null)).toEqual([]);
  });

  it('names the transport failure from the server’s messages', () => {
    expect(errorCodesOf('DNS lookup for hooks.example failed (ENOTFOUND)', null)).toEqual(['dns']);
    expect(errorCodesOf('could not connect to hooks.example:443: ECONNREFUSED', null)).toEqual(['connect']);
    expect(errorCodesOf('TLS handshake with hooks.example:443 failed: certificate has expired', null)).toEqual(['tls']);
    expect(errorCodesOf('TLS: self-signed certificate', null)).toEqual(['tls']);
    expect(errorCodesOf('connecting to hooks.example:443 timed out after 5000 ms (connecting)', null)).toEqual([
      'timeout',
    ]);
    expect(errorCodesOf('refused: 127.0.0.1 is loopback — never allowed', null)).toEqual(['policy']);
    expect(errorCodesOf('proxy http://proxy:8080 failed connecting for hooks.example: ECONNREFUSED', null)).toEqual([
      'proxy',
    ]);
  });
});

describe('errorHintOf', () => {
  it('explains a wrong DingTalk signing secret and offers to edit the target', () => {
    const found = errorHintOf('dingtalk', { error: '310000: sign not match', statusCode: 200 }, 'en');
    expect(found?.code).toBe('310000');
    expect(found?.fix).toBe('editTarget');
    expect(found?.text.meaning).toMatch(/signing secret/);
    expect(
      errorHintOf('dingtalk', { error: '310000: sign not match', statusCode: 200 }, 'zh-CN')?.text.meaning,
    ).toMatch(/签名密钥/);
  });

  it('falls back to the status when the message leads with no known code (SMTP, Telegram 429)', () => {
    expect(errorHintOf('email', { error: 'DATA: 535 5.7.8 auth failed', statusCode: 535 }, 'en')?.code).toBe('535');
    expect(errorHintOf('telegram', { error: 'Too Many Requests: retry after 5', statusCode: 429 }, 'en')?.fix).toBe(
      undefined,
    );
  });

  it('uses the transport hints for every channel, and knows nothing of an unknown code', () => {
    expect(
      errorHintOf('slack', { error: 'DNS lookup for hooks.slack.com failed (EAI_AGAIN)', statusCode: null }, 'ja')
        ?.code,
    ).toBe('dns');
    expect(errorHintOf('wechat', { error: '99999: something new', statusCode: 200 }, 'en')).toBeNull();
    // Codes are per channel: DingTalk's 310000 means nothing on WeCom.
    expect(errorHintOf('wechat', { error: '310000: sign not match', statusCode: 200 }, 'en')).toBeNull();
  });

  it('has a meaning and an action for every known code in every language', () => {
    const tables = [TRANSPORT_ERROR_HINTS, ...CHANNEL_TYPES.map((type) => channelUi(type).errorHints ?? {})];
    for (const table of tables) {
      for (const [code, hint] of Object.entries(table)) {
        for (const { code: language } of LANGUAGES) {
          expect(hint.text[language]?.meaning.trim(), `${code} ${language}`).toBeTruthy();
          expect(hint.text[language]?.action.trim(), `${code} ${language}`).toBeTruthy();
        }
      }
    }
  });

  it('covers the codes the issue names for each channel', () => {
    const expected: Record<string, string[]> = {
      wechat: ['93000', '40058', '45009'],
      dingtalk: ['310000', '130101', '460101'],
      feishu: ['19021', '9499', '11232'],
      telegram: ['400', '403', '429'],
      slack: ['invalid_payload', 'channel_is_archived', 'no_service'],
      discord: ['50035', '10015', '50027'],
      teams: ['InvalidRequestContent', 'DirectApiAuthorizationRequired'],
      ntfy: ['40101', '40301', '41301'],
      email: ['535', '550'],
    };
    for (const [channel, codes] of Object.entries(expected)) {
      const table = channelUi(channel as (typeof CHANNEL_TYPES)[number]).errorHints ?? {};
      expect(Object.keys(table), channel).toEqual(expect.arrayContaining(codes));
    }
    expect(Object.keys(TRANSPORT_ERROR_HINTS)).toEqual(
      expect.arrayContaining(['dns', 'connect', 'tls', 'timeout', 'policy']),
    );
  });
});
