import { describe, expect, it } from 'vitest';
import { REDACTED, redactText } from '../logger.ts';
import { secretsOf } from './http-client.ts';

const mask = (text: string, url: string, proxyUrl?: string) => redactText(text, secretsOf(url, proxyUrl));

describe('masking what a webhook URL carries', () => {
  it('keeps the words of a message that also name a path segment', () => {
    const url = 'https://hooks.test/redirect/sendMessage/open-apis/location_path';
    const text = 'hooks.test answered 302 with a redirect to https://x.test; sendMessage open-apis location_path';
    expect(mask(text, url)).toBe(text);
  });

  it('masks a word-like segment where it appears as a path part, and the whole path', () => {
    const url = 'https://hooks.test/alerts/redirect?key=k3y-0123456789';
    expect(mask('POST /alerts/redirect?key=k3y-0123456789 failed', url)).toBe(`POST ${REDACTED} failed`);
    expect(mask('went to /redirect and back', url)).toBe(`went to ${REDACTED} and back`);
  });

  it('masks a token-like segment wherever it appears', () => {
    const url = 'https://open.feishu.test/open-apis/bot/v2/hook/Zq8vRtLmNx4';
    expect(mask('hook Zq8vRtLmNx4 is gone', url)).toBe(`hook ${REDACTED} is gone`);
    expect(mask('token ZqvRTLmNxwq rejected', 'https://h.test/ZqvRTLmNxwq')).toBe(`token ${REDACTED} rejected`);
  });

  it('leaves short segments alone and masks the query and the proxy password, raw and decoded', () => {
    expect(secretsOf('https://h.test/bot/v2?key=1', undefined)).toEqual(['/bot/v2?key=1', 'key=1']);
    expect(secretsOf('https://h.test/', 'http://user:p%40ss-word@127.0.0.1:8080')).toEqual([
      'p%40ss-word',
      'p@ss-word',
    ]);
    expect(secretsOf('not a url', 'not a url either')).toEqual([]);
  });
});
