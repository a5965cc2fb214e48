import { describe, expect, it } from 'vitest';
import { DISCORD_CODES, discordSender, firstFormError } from './discord.ts';
import type { PlatformResponse, Verdict } from './sender.ts';

const ctx = { messageId: 'msg_1', now: new Date('2026-01-15T06:30:00.000Z'), telegramApiBaseUrl: 'http://127.0.0.1:9' };
const HOOK = 'https://discord.com/api/webhooks/112233445566778899/tok-EN_secret';
const res = (status: number, body: unknown, headers: Record<string, string> = {}): PlatformResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const judge = (r: PlatformResponse): Verdict => discordSender.judge(r);

describe('discord sender: the request', () => {
  it('asks Discord to wait and confirm, and keeps the body as rendered', () => {
    const p = discordSender.prepare({ channel: 'discord', webhookUrl: HOOK }, { embeds: [] }, ctx);
    expect(p.url).toBe(`${HOOK}?wait=true`);
    expect(JSON.parse(p.body)).toEqual({ embeds: [] });
  });

  it('posts into a thread by its id, keeping the URL’s own query', () => {
    const p = discordSender.prepare(
      { channel: 'discord', webhookUrl: `${HOOK}?with_components=true`, discordThreadId: ' 1234567890123456789 ' },
      {},
      ctx,
    );
    const url = new URL(p.url);
    expect(url.pathname).toBe('/api/webhooks/112233445566778899/tok-EN_secret');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      with_components: 'true',
      wait: 'true',
      thread_id: '1234567890123456789',
    });
  });

  it('names the missing webhook URL', () => {
    expect(() => discordSender.prepare({ channel: 'discord', webhookUrl: ' ' }, {}, ctx)).toThrow(
      'webhookUrl: required for a discord target',
    );
  });

  it('lists the URL and its token as secrets', () => {
    expect(discordSender.secretsOf({ channel: 'discord', webhookUrl: `${HOOK}?x=1` })).toEqual([
      `${HOOK}?x=1`,
      'tok-EN_secret',
    ]);
  });
});

describe('discord sender: judging Discord’s answers', () => {
  it('200 with the message (wait) and 204 (no wait) are success', () => {
    expect(judge(res(200, { id: '1', channel_id: '2' }))).toEqual({ ok: true });
    expect(judge(res(204, ''))).toEqual({ ok: true });
  });

  it('a 429 waits as long as retry_after says (seconds, fractional), and says when it is global', () => {
    expect(judge(res(429, { message: 'You are being rate limited.', retry_after: 1.234, global: false }))).toEqual({
      ok: false,
      class: 'retryable',
      code: 429,
      message: 'You are being rate limited.',
      rateLimited: true,
      retryAfterMs: 1234,
    });
    const global = judge(
      res(429, { message: 'You are being rate limited.', retry_after: 0.5, global: true }, { 'retry-after': '1' }),
    );
    expect(global).toMatchObject({ message: 'You are being rate limited. (global)', retryAfterMs: 500 });
  });

  it('a 429 without JSON (Cloudflare) falls back to Retry-After, and the wait is bounded', () => {
    expect(judge(res(429, '<html>1015</html>', { 'retry-after': '7' }))).toMatchObject({
      rateLimited: true,
      retryAfterMs: 7000,
    });
    expect(judge(res(429, { retry_after: 86_400, global: false }))).toMatchObject({ retryAfterMs: 300_000 });
  });

  it.each([
    [400, DISCORD_CODES.invalidFormBody, 'Invalid Form Body'],
    [400, DISCORD_CODES.cannotSendEmpty, 'Cannot send an empty message'],
    [400, DISCORD_CODES.invalidJson, 'The request body contains invalid JSON.'],
    [401, DISCORD_CODES.invalidWebhookToken, 'Invalid Webhook Token'],
    [403, DISCORD_CODES.missingPermissions, 'Missing Permissions'],
    [403, DISCORD_CODES.missingAccess, 'Missing Access'],
    [404, DISCORD_CODES.unknownWebhook, 'Unknown Webhook'],
    [404, DISCORD_CODES.unknownChannel, 'Unknown Channel'],
  ])('%i %i %s is permanent, with Discord’s code and words', (status, code, message) => {
    expect(judge(res(status, { message, code }))).toEqual({
      ok: false,
      class: 'permanent',
      code,
      message: `${code}: ${message}`,
    });
  });

  it('says which part of the form Discord refused', () => {
    const body = {
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        embeds: {
          0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } },
        },
      },
    };
    expect(judge(res(400, body))).toMatchObject({
      class: 'permanent',
      code: 50035,
      message: '50035: Invalid Form Body (embeds.0.title: Must be 256 or fewer in length.)',
    });
    expect(
      firstFormError({
        embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] },
      }),
    ).toBe('embeds: Embed size exceeds maximum size of 6000');
    expect(firstFormError(undefined)).toBeNull();
  });

  it('5xx and Discord’s "overloaded" are retried; other answers without a code go by status', () => {
    expect(judge(res(502, 'Bad Gateway'))).toMatchObject({ class: 'retryable', code: 502 });
    expect(judge(res(500, { message: '500: Internal Server Error', code: 0 }))).toMatchObject({
      class: 'retryable',
      code: 0,
    });
    expect(judge(res(503, { message: 'API resource is currently overloaded.', code: 130000 }))).toMatchObject({
      class: 'retryable',
      code: 130000,
    });
    expect(judge(res(405, '405: Method Not Allowed'))).toMatchObject({ class: 'permanent', code: 405 });
  });
});
