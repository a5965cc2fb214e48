import { describe, expect, it } from 'vitest';
import { SenderConfigError } from './sender.ts';
import { teamsSender } from './teams.ts';

const ctx = { messageId: 'msg_1', now: new Date('2026-01-15T06:30:00.000Z'), telegramApiBaseUrl: '' };
const url =
  'https://prod-01.westeurope.logic.azure.com/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=S1GnAtUrE';
const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const error = (code: string, message: string) => ({ error: { code, message } });

describe('teams sender', () => {
  it('posts the card to the trigger URL as is, as UTF-8 JSON', () => {
    const card = { type: 'message', attachments: [] };
    expect(teamsSender.prepare({ channel: 'teams', webhookUrl: ` ${url} ` }, card, ctx)).toEqual({
      url,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(card),
    });
  });

  it('names the missing webhook URL', () => {
    expect(() => teamsSender.prepare({ channel: 'teams', webhookUrl: null }, {}, ctx)).toThrow(
      new SenderConfigError('webhookUrl: required for a teams target'),
    );
  });

  it('masks the URL and its signature', () => {
    expect(teamsSender.secretsOf({ channel: 'teams', webhookUrl: url })).toEqual([url, 'S1GnAtUrE']);
    expect(teamsSender.secretsOf({ channel: 'teams', webhookUrl: 'not a url' })).toEqual(['not a url', '']);
  });

  it('takes 202 Accepted and 200 as delivered', () => {
    expect(teamsSender.judge(res(202, ''))).toEqual({ ok: true });
    expect(teamsSender.judge(res(200, ''))).toEqual({ ok: true });
  });

  it('gives up on refusals with the Workflows code and message', () => {
    const cases = [
      [400, 'InvalidRequestContent', 'The request content is not valid and could not be deserialized.'],
      [400, 'TriggerInputSchemaMismatch', "The input body for trigger 'manual' of type 'Request' did not match."],
      [401, 'DirectApiAuthorizationRequired', 'The request must be authenticated only by Shared Access scheme.'],
      [403, 'AuthorizationFailed', 'The authentication credentials are not valid.'],
      [404, 'WorkflowNotFound', "The workflow 'abc123' could not be found."],
      [413, 'RequestEntityTooLarge', 'Request Entity Too Large'],
    ] as const;
    for (const [status, code, message] of cases) {
      expect(teamsSender.judge(res(status, error(code, message)))).toEqual({
        ok: false,
        class: 'permanent',
        code,
        message: `${code}: ${message}`,
      });
    }
    expect(teamsSender.judge(res(413, 'Request Entity Too Large'))).toEqual({
      ok: false,
      class: 'permanent',
      code: 413,
      message: 'HTTP 413: Request Entity Too Large',
    });
  });

  it('waits out throttling for as long as Retry-After says', () => {
    const throttled = error('WorkflowTriggerIsThrottled', 'The trigger is throttled.');
    expect(teamsSender.judge(res(429, throttled, { 'retry-after': '7' }))).toEqual({
      ok: false,
      class: 'retryable',
      rateLimited: true,
      retryAfterMs: 7000,
      code: 'WorkflowTriggerIsThrottled',
      message: 'WorkflowTriggerIsThrottled: The trigger is throttled.',
    });
    expect(teamsSender.judge(res(429, ''))).toMatchObject({ class: 'retryable', rateLimited: true, code: 429 });
  });

  it('retries server errors', () => {
    expect(teamsSender.judge(res(502, 'Bad Gateway'))).toMatchObject({ ok: false, class: 'retryable', code: 502 });
    expect(teamsSender.judge(res(500, error('InternalServerError', 'Encountered internal server error.')))).toEqual({
      ok: false,
      class: 'retryable',
      code: 'InternalServerError',
      message: 'InternalServerError: Encountered internal server error.',
    });
  });
});
