import { describe, expect, it } from 'vitest';
import { SenderConfigError } from './sender.ts';
import { SLACK_ERRORS, slackSender } from './slack.ts';

const ctx = { messageId: 'msg_1', now: new Date('2026-01-15T06:30:00.000Z'), telegramApiBaseUrl: 'http://127.0.0.1:9' };
const HOOK = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
const res = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, headers, body });

describe('slack sender', () => {
  it('posts the rendered body as JSON to the webhook URL, unchanged', () => {
    const body = { text: 'hi', blocks: [{ type: 'divider' }] };
    const p = slackSender.prepare({ channel: 'slack', webhookUrl: ` ${HOOK} ` }, body, ctx);
    expect(p).toEqual({ url: HOOK, headers: {}, body: JSON.stringify(body) });
  });

  it('names the missing webhook URL', () => {
    expect(() => slackSender.prepare({ channel: 'slack', webhookUrl: ' ' }, {}, ctx)).toThrow(
      new SenderConfigError('webhookUrl: required for a slack target'),
    );
  });

  it('masks the URL and its secret path part', () => {
    expect(slackSender.secretsOf({ channel: 'slack', webhookUrl: HOOK })).toEqual([HOOK, 'XXXXXXXXXXXXXXXXXXXXXXXX']);
    expect(slackSender.secretsOf({ channel: 'slack' })).toEqual(['']);
  });

  it('HTTP 200 with `ok` is success; any other 2xx answer is no proof of delivery', () => {
    expect(slackSender.judge(res(200, 'ok'))).toEqual({ ok: true });
    expect(slackSender.judge(res(200, '<html>portal</html>'))).toEqual({
      ok: false,
      class: 'permanent',
      message: 'unexpected answer: <html>portal</html>',
    });
    expect(slackSender.judge(res(204, ''))).toMatchObject({ ok: false, class: 'permanent' });
  });

  it('429 waits for Retry-After as a rate limit', () => {
    expect(slackSender.judge(res(429, 'rate_limited', { 'retry-after': '30' }))).toEqual({
      ok: false,
      class: 'retryable',
      code: 429,
      message: 'HTTP 429: rate_limited',
      rateLimited: true,
      retryAfterMs: 30_000,
    });
    expect(slackSender.judge(res(429, ''))).toMatchObject({ rateLimited: true, class: 'retryable' });
  });

  it('Slack’s error words: payload, channel and hook problems are permanent, with the word as the code', () => {
    const cases: Array<[number, string]> = [
      [400, 'invalid_payload'],
      [400, 'no_text'],
      [400, 'invalid_blocks'],
      [400, 'too_many_attachments'],
      [400, 'user_not_found'],
      [403, 'action_prohibited'],
      [403, 'posting_to_general_channel_denied'],
      [403, 'invalid_token'],
      [404, 'channel_not_found'],
      [404, 'no_service'],
      [410, 'channel_is_archived'],
    ];
    for (const [status, word] of cases) {
      expect(slackSender.judge(res(status, `${word}\n`)), word).toEqual({
        ok: false,
        class: 'permanent',
        code: word,
        message: `${word} (HTTP ${status})`,
      });
    }
    expect(SLACK_ERRORS.permanent).toEqual(expect.arrayContaining(cases.map(([, w]) => w)));
  });

  it('rollup_error and 5xx are Slack’s trouble: retried', () => {
    expect(slackSender.judge(res(500, 'rollup_error'))).toEqual({
      ok: false,
      class: 'retryable',
      code: 'rollup_error',
      message: 'rollup_error (HTTP 500)',
    });
    expect(slackSender.judge(res(503, '<html>down</html>'))).toEqual({
      ok: false,
      class: 'retryable',
      code: 503,
      message: 'HTTP 503: <html>down</html>',
    });
  });

  it('an undocumented error word keeps the word, and its status decides', () => {
    expect(slackSender.judge(res(400, 'something_new'))).toEqual({
      ok: false,
      class: 'permanent',
      code: 'something_new',
      message: 'something_new (HTTP 400)',
    });
    expect(slackSender.judge(res(502, 'upstream_trouble'))).toMatchObject({
      class: 'retryable',
      code: 'upstream_trouble',
    });
  });
});
