import { describe, expect, it } from 'vitest';
import { discordSender } from '../../src/senders/discord.ts';
import { DISCORD_RATE_LIMITS, type DiscordMessage, pingsOf, startFakeDiscord } from './discord.ts';
import { asResponse, ctx, every, NOW, post, render, useFakes } from './support.ts';

const fake = useFakes();
const THREAD = '1234567890123456789';
const USER = '123456789012345678';
const ROLE = '234567890123456789';

/** The request Herald's sender makes for a body, posted to the fake. */
async function send(url: string, body: unknown, thread?: string) {
  const p = discordSender.prepare(
    { channel: 'discord', webhookUrl: url, ...(thread ? { discordThreadId: thread } : {}) },
    body as never,
    ctx(NOW),
  );
  return post(p.url, p.body);
}

const embed = (over: Record<string, unknown> = {}) => ({ embeds: [{ title: 't', ...over }] });

describe('Discord webhook', () => {
  it('accepts every rendered notification, answers 200 with the saved message, and pings nobody', async () => {
    const discord = await fake(startFakeDiscord());
    for (const [type, locale] of every) {
      const body = render('discord', type, locale);
      const r = await send(discord.webhookUrl, body);
      expect(r.status, `${type} ${locale}: ${r.text}`).toBe(200);
      expect(discordSender.judge(asResponse(r))).toEqual({ ok: true });
      expect(r.json).toMatchObject({
        type: 0,
        channel_id: discord.channelId,
        webhook_id: discord.webhookId,
        mentions: [],
        mention_roles: [],
        mention_everyone: false,
        embeds: [{ type: 'rich', ...(body.embeds as object[])[0] }],
      });
      expect(r.json).not.toHaveProperty('pinged');
    }
    expect(discord.messages).toHaveLength(every.length);
    expect(new Set(discord.messages.map((m) => m.id)).size).toBe(every.length);
  });

  it('posts into a known thread; an unknown thread is 10003, a malformed one 50035', async () => {
    const discord = await fake(startFakeDiscord({ threads: [THREAD] }));
    const ok = await send(discord.webhookUrl, render('discord'), THREAD);
    expect(ok.status).toBe(200);
    expect((ok.json as unknown as DiscordMessage).channel_id).toBe(THREAD);
    const unknown = await send(discord.webhookUrl, render('discord'), '1234567890123456780');
    expect([unknown.status, unknown.json]).toEqual([404, { message: 'Unknown Channel', code: 10003 }]);
    expect(discordSender.judge(asResponse(unknown))).toMatchObject({ class: 'permanent', code: 10003 });
    const bad = await post(`${discord.webhookUrl}?thread_id=abc`, render('discord'));
    expect(bad.json).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: { thread_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value "abc" is not snowflake.' }] } },
    });
    expect(discord.messages.map((m) => m.channel_id)).toEqual([THREAD]);
  });

  it('without wait answers 204 and still saves the message', async () => {
    const discord = await fake(startFakeDiscord());
    const r = await post(discord.webhookUrl, render('discord'));
    expect([r.status, r.text]).toEqual([204, '']);
    expect(discordSender.judge(asResponse(r))).toEqual({ ok: true });
    expect(discord.messages).toHaveLength(1);
  });

  it('refuses a wrong webhook id (10015) and a wrong token (50027), as Discord words them', async () => {
    const discord = await fake(startFakeDiscord({ webhookId: '111111111111111111', token: 'right' }));
    const id = await post(`${discord.url}/api/webhooks/222222222222222222/right?wait=true`, embed());
    expect([id.status, id.json]).toEqual([404, { message: 'Unknown Webhook', code: 10015 }]);
    const token = await post(`${discord.url}/api/v10/webhooks/111111111111111111/wrong?wait=true`, embed());
    expect([token.status, token.json]).toEqual([401, { message: 'Invalid Webhook Token', code: 50027 }]);
    expect(discordSender.judge(asResponse(token))).toMatchObject({ class: 'permanent', code: 50027 });
    expect((await post(`${discord.url}/api/v10/webhooks/111111111111111111/right`, embed())).status).toBe(204);
    expect(discord.received.map((r) => r.accepted)).toEqual([false, false, true]);
  });

  it('refuses bad JSON (50109), a form body and an empty message (50006)', async () => {
    const discord = await fake(startFakeDiscord());
    expect((await post(discord.webhookUrl, '{"embeds":')).json).toEqual({
      message: 'The request body contains invalid JSON.',
      code: 50109,
    });
    const form = await post(discord.webhookUrl, 'content=hi', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.json).toEqual({ message: 'Cannot send an empty message', code: 50006 });
    expect((await post(discord.webhookUrl, { content: '  ', embeds: [] })).json.code).toBe(50006);
    expect((await post(discord.webhookUrl, null, { method: 'GET' })).status).toBe(405);
    expect(discord.accepted).toEqual([]);
  });

  it('checks each embed limit at its edge, naming the refused part', async () => {
    const discord = await fake(startFakeDiscord());
    const field = (name: string, value: string) => ({ name, value });
    const cases: Array<[body: unknown, ok: boolean, path?: string, message?: string]> = [
      [{ content: 'a'.repeat(2000) }, true],
      [{ content: 'a'.repeat(2001) }, false, 'content', 'Must be 2000 or fewer in length.'],
      [embed({ title: '😀'.repeat(128) }), true],
      [embed({ title: `${'😀'.repeat(128)}a` }), false, 'embeds.0.title', 'Must be 256 or fewer in length.'],
      [embed({ description: 'd'.repeat(4096) }), true],
      [embed({ description: 'd'.repeat(4097) }), false, 'embeds.0.description', 'Must be 4096 or fewer in length.'],
      [embed({ fields: Array.from({ length: 25 }, () => field('n', 'v')) }), true],
      [
        embed({ fields: Array.from({ length: 26 }, () => field('n', 'v')) }),
        false,
        'embeds.0.fields',
        'Must be 25 or fewer in length.',
      ],
      [
        embed({ fields: [field('n'.repeat(257), 'v')] }),
        false,
        'embeds.0.fields.0.name',
        'Must be 256 or fewer in length.',
      ],
      [
        embed({ fields: [field('n', 'v'.repeat(1025))] }),
        false,
        'embeds.0.fields.0.value',
        'Must be 1024 or fewer in length.',
      ],
      [embed({ fields: [field('n', '')] }), false, 'embeds.0.fields.0.value', 'This field is required'],
      [
        embed({ fields: [{ name: 'n', value: 'v', inline: 'yes' }] }),
        false,
        'embeds.0.fields.0.inline',
        'Must be either true or false.',
      ],
      [
        embed({ footer: { text: 'f'.repeat(2049) } }),
        false,
        'embeds.0.footer.text',
        'Must be 2048 or fewer in length.',
      ],
      [embed({ footer: {} }), false, 'embeds.0.footer.text', 'This field is required'],
      [embed({ color: 0xffffff }), true],
      [embed({ color: 0x1000000 }), false, 'embeds.0.color', 'int value should be less than or equal to 16777215.'],
      [embed({ color: '#ff0000' }), false, 'embeds.0.color', 'Value "#ff0000" is not int.'],
      [embed({ timestamp: 'yesterday' }), false, 'embeds.0.timestamp', 'Could not parse yesterday. Should be ISO8601.'],
      [embed({ url: 'https://herald.test/deliveries?notification=1' }), true],
      [embed({ url: 'herald.test/deliveries' }), false, 'embeds.0.url', 'Not a well formed URL.'],
      [
        embed({ url: 'ftp://herald.test/x' }),
        false,
        'embeds.0.url',
        "Scheme \"ftp\" is not supported. Scheme must be one of ('http', 'https').",
      ],
      [
        { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
        false,
        'embeds',
        'Must be 10 or fewer in length.',
      ],
      [{ embeds: [{ description: 'd'.repeat(4000), footer: { text: 'f'.repeat(2000) } }] }, true],
      [
        { embeds: [{ description: 'd'.repeat(4000), footer: { text: 'f'.repeat(2001) } }] },
        false,
        'embeds',
        'Embed size exceeds maximum size of 6000',
      ],
      // The 6,000 counts every embed of the message together.
      [
        { embeds: [{ description: 'd'.repeat(3000) }, { description: 'd'.repeat(3001) }] },
        false,
        'embeds',
        'Embed size exceeds maximum size of 6000',
      ],
    ];
    for (const [body, ok, path, message] of cases) {
      const r = await post(`${discord.webhookUrl}?wait=true`, body);
      if (ok) {
        expect(r.status, `${JSON.stringify(body).slice(0, 80)}: ${r.text}`).toBe(200);
        continue;
      }
      expect(r.status, path).toBe(400);
      expect(r.json).toMatchObject({ message: 'Invalid Form Body', code: 50035 });
      const verdict = discordSender.judge(asResponse(r));
      expect(verdict).toMatchObject({
        class: 'permanent',
        code: 50035,
        message: `50035: Invalid Form Body (${path}: ${message})`,
      });
    }
  });
});

describe('Discord mentions', () => {
  it('pings only who allowed_mentions names, from content only, and records it', async () => {
    const discord = await fake(startFakeDiscord());
    const mentions = { people: [USER, `role:${ROLE}`, 'everyone'], levels: null };
    const body = render('discord', 'circuit_breaker', 'en', { mentions });
    expect(body.content).toBe(`<@${USER}> <@&${ROLE}> @everyone`);
    const r = await send(discord.webhookUrl, body);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      mentions: [{ id: USER }],
      mention_roles: [ROLE],
      mention_everyone: true,
    });
    expect(discord.messages[0]?.pinged).toEqual({ users: [USER], roles: [ROLE], everyone: true, here: false });
  });

  it('a mention in an embed, or one not allowed, pings nobody', async () => {
    const discord = await fake(startFakeDiscord());
    const other = '345678901234567890';
    await post(discord.webhookUrl, {
      content: `<@${USER}> <@${other}> @here <@&${ROLE}>`,
      embeds: [{ description: `<@${other}> @everyone` }],
      allowed_mentions: { parse: [], users: [USER] },
    });
    expect(discord.messages[0]?.pinged).toEqual({ users: [USER], roles: [], everyone: false, here: false });
    // Without allowed_mentions every mention in content pings: what Herald must never send.
    await post(discord.webhookUrl, { content: `<@${other}> @here` });
    expect(discord.messages[1]?.pinged).toEqual({ users: [other], roles: [], everyone: false, here: true });
  });

  it('refuses allowed_mentions Discord refuses', async () => {
    const discord = await fake(startFakeDiscord());
    const both = await post(discord.webhookUrl, {
      content: 'x',
      allowed_mentions: { parse: ['users'], users: [USER] },
    });
    expect(both.json).toEqual({
      message: 'Invalid Form Body',
      code: 50035,
      errors: {
        allowed_mentions: {
          _errors: [
            {
              code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
              message: 'parse:["users"] and users: [ids...] are mutually exclusive.',
            },
          ],
        },
      },
    });
    const bad = await post(discord.webhookUrl, { content: 'x', allowed_mentions: { parse: ['here'] } });
    expect(bad.json.errors).toEqual({
      allowed_mentions: {
        parse: { 0: { _errors: [{ code: 'ENUM_TYPE_COERCE', message: 'Value "here" is not a valid enum value.' }] } },
      },
    });
    const many = Array.from({ length: 101 }, (_, i) => String(10n ** 17n + BigInt(i)));
    const tooMany = await post(discord.webhookUrl, { content: 'x', allowed_mentions: { users: many } });
    expect(tooMany.json.errors).toEqual({
      allowed_mentions: {
        users: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] },
      },
    });
    expect(discord.accepted).toEqual([]);
  });

  it('pingsOf follows Discord’s rules for parse and the id lists', () => {
    expect(pingsOf(`<@!${USER}> <@&${ROLE}>`, { parse: ['users', 'roles'], users: null, roles: null })).toEqual({
      users: [USER],
      roles: [ROLE],
      everyone: false,
      here: false,
    });
    expect(pingsOf(`<@${USER}> @everyone`, { parse: [], users: [], roles: [ROLE] })).toEqual({
      users: [],
      roles: [],
      everyone: false,
      here: false,
    });
  });
});

describe('Discord rate limits', () => {
  it('enforces 5 per 2 s per webhook with Discord’s 429, which the sender waits out', async () => {
    let now = 0;
    const discord = await fake(startFakeDiscord({ rateLimit: 'platform', now: () => now }));
    expect(DISCORD_RATE_LIMITS).toEqual([
      { max: 5, windowMs: 2_000 },
      { max: 30, windowMs: 60_000 },
    ]);
    for (let i = 0; i < 5; i++) expect((await post(discord.webhookUrl, embed())).status).toBe(204);
    now = 750;
    const over = await send(discord.webhookUrl, embed());
    expect(over.status).toBe(429);
    expect(over.json).toEqual({ message: 'You are being rate limited.', retry_after: 1.25, global: false });
    expect(over.headers).toMatchObject({
      'retry-after': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-scope': 'shared',
    });
    expect(discordSender.judge(asResponse(over))).toEqual({
      ok: false,
      class: 'retryable',
      code: 429,
      message: 'You are being rate limited.',
      rateLimited: true,
      retryAfterMs: 1250,
    });
    expect(discord.refused).toHaveLength(1);
  });

  it('enforces 30 a minute even when spaced within the 2-second windows', async () => {
    let now = 0;
    const discord = await fake(startFakeDiscord({ rateLimit: 'platform', now: () => now }));
    for (let i = 0; i < 30; i++) {
      now = i * 500;
      expect((await post(discord.webhookUrl, embed())).status, `send ${i}`).toBe(204);
    }
    now = 30 * 500;
    const over = await post(discord.webhookUrl, embed());
    expect(over.status).toBe(429);
    // The refused send counts too, so the second send (at 0.5 s) is the one to outlive.
    expect(over.json.retry_after).toBe(45.5);
  });

  it('scripts a global rate limit, 5xx and Discord’s error codes', async () => {
    const discord = await fake(startFakeDiscord());
    discord.failNext({ kind: 'rateLimit', retryAfterSeconds: 0.4, global: true });
    discord.failNext({ kind: 'errcode', code: 50013 });
    discord.failNext({ kind: 'status', status: 502 });
    const global = await send(discord.webhookUrl, render('discord'));
    expect(global.json).toEqual({ message: 'You are being rate limited.', retry_after: 0.4, global: true });
    expect(global.headers).toMatchObject({ 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    expect(discordSender.judge(asResponse(global))).toMatchObject({
      rateLimited: true,
      retryAfterMs: 400,
      message: 'You are being rate limited. (global)',
    });
    const perms = await send(discord.webhookUrl, render('discord'));
    expect([perms.status, perms.json]).toEqual([403, { message: 'Missing Permissions', code: 50013 }]);
    expect(discordSender.judge(asResponse(perms))).toMatchObject({ class: 'permanent', code: 50013 });
    const gateway = await send(discord.webhookUrl, render('discord'));
    expect(discordSender.judge(asResponse(gateway))).toMatchObject({ class: 'retryable', code: 502 });
    expect((await send(discord.webhookUrl, render('discord'))).status).toBe(200);
    expect(discord.received.map((r) => r.scripted)).toEqual([true, true, true, false]);
  });
});
