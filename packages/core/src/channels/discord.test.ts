import { describe, expect, it } from 'vitest';
import { hasDigest, renderDigest } from '../digest/index.ts';
import { LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import type { Message } from '../message/model.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import {
  DISCORD_COLOUR,
  DISCORD_LIMITS,
  discord,
  discordEmbedChars,
  discordMentionSpec,
  discordMentions,
  escapeDiscord,
} from './discord.ts';
import { mentionsFor } from './mentions.ts';
import { paceIntervalMs } from './pace.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
type Field = { name: string; value: string; inline: boolean };
type Embed = {
  title: string;
  description?: string;
  color: number;
  fields?: Field[];
  footer?: { text: string };
  timestamp: string;
};
const embedOf = (body: Record<string, unknown>) => (body.embeds as Embed[])[0] as Embed;

/** Every limit Discord checks, measured independently of the renderer's own measure. */
function withinLimits(body: Record<string, unknown>) {
  const embeds = body.embeds as Embed[];
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(((body.content as string | undefined) ?? '').length).toBeLessThanOrEqual(2000);
  let total = 0;
  for (const x of embeds) {
    expect(x.title.length).toBeLessThanOrEqual(256);
    expect((x.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((x.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    expect((x.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of x.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      total += f.name.length + f.value.length;
    }
    total += x.title.length + (x.description ?? '').length + (x.footer?.text ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(discordEmbedChars(body as never)).toBe(total);
}

const message = (over: Partial<Message> = {}): Message => ({
  title: 'T',
  level: 'error',
  sections: [],
  timestamp: now.toISOString(),
  timezone: 'UTC',
  ...over,
});
const render = (m: Message, mentions?: Parameters<typeof discord.render>[1]['mentions']) =>
  discord.render(m, { locale: 'en', ...(mentions ? { mentions } : {}) });

describe('discord rendering', () => {
  it.each(NOTIFICATION_TYPES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
    '%s in %s: one embed, colour by level, ISO timestamp, nobody pinged, within every limit',
    (type, locale) => {
      const {
        body,
        truncated,
        message: m,
      } = renderNotification({
        type,
        data: NOTIFICATIONS[type].sample({ now }),
        channel: 'discord',
        locale,
        timezone: 'Asia/Shanghai',
        now,
      });
      expect(truncated).toBe(false);
      withinLimits(body);
      const x = embedOf(body);
      expect(x.color).toBe(DISCORD_COLOUR[m.level]);
      expect(x.timestamp).toBe(now.toISOString());
      expect(x.title).toContain(escapeDiscord(m.title));
      expect(body.content).toBeUndefined();
      expect(body.allowed_mentions).toEqual({ parse: [] });
    },
  );

  it('colours are integers Discord takes (0 to 0xFFFFFF), one per level', () => {
    const colours = Object.values(DISCORD_COLOUR);
    expect(new Set(colours).size).toBe(3);
    for (const c of colours) expect(Number.isInteger(c) && c >= 0 && c <= 0xffffff).toBe(true);
  });

  it('puts fields in embed fields, inline only when short, and text in the description in order', () => {
    const long = 'x'.repeat(41);
    const { body } = render(
      message({
        sections: [
          { blocks: [{ type: 'quote', text: 'first' }] },
          { title: 'A', blocks: [{ type: 'fields', fields: [{ label: 'k', value: 'v' }] }] },
          {
            title: 'B',
            blocks: [
              {
                type: 'fields',
                fields: [
                  { label: 'long', value: long },
                  { label: 'e', value: '' },
                ],
              },
            ],
          },
          { title: 'Later', blocks: [{ type: 'text', text: 'second' }] },
        ],
        footer: [{ blocks: [{ type: 'text', text: 'foot *not* markdown' }] }],
      }),
    );
    const x = embedOf(body);
    expect(x.description).toBe('> first\n\n**Later**\nsecond');
    expect(x.fields).toEqual([
      { name: 'A', value: '\u200b', inline: false },
      { name: 'k', value: 'v', inline: true },
      { name: 'B', value: '\u200b', inline: false },
      { name: 'long', value: long, inline: false },
      { name: 'e', value: '-', inline: true },
    ]);
    expect(x.footer).toEqual({ text: 'foot *not* markdown' });
  });

  it('escapes markdown, mentions and masked links in every value so they show as typed', () => {
    const evil = '**b** _i_ ~~s~~ `c` ||sp|| [x](http://e.test) <@123456789012345678> @everyone \\';
    const { body } = render(
      message({
        title: evil,
        sections: [
          { blocks: [{ type: 'text', text: `# head\n> q\n- l\n1. n\n-# sub\n${evil}` }] },
          { blocks: [{ type: 'fields', fields: [{ label: evil, value: evil }] }] },
        ],
      }),
    );
    const x = embedOf(body);
    const escaped =
      '\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[x\\](http://e.test) \\<@123456789012345678> @everyone \\\\';
    expect(x.title).toBe(escaped);
    expect(x.description).toBe(`\\# head\n\\> q\n\\- l\n1\\. n\n\\-# sub\n${escaped}`);
    expect(x.fields?.[0]).toEqual({ name: escaped, value: escaped, inline: false });
    // Numbers that are no list stay as they are.
    expect(escapeDiscord('5.0%\n-74.7%')).toBe('5.0%\n-74.7%');
    // Nothing in the embed can ping: only `content` does, and nothing is allowed to.
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('discord limits', () => {
  it('a description of exactly 4096 characters is sent whole; one more is shortened visibly', () => {
    const at = (n: number) => message({ sections: [{ blocks: [{ type: 'text', text: 'a'.repeat(n) }] }] });
    const exact = render(at(4096));
    expect(embedOf(exact.body).description).toHaveLength(4096);
    expect(exact.truncated).toBe(false);
    const over = render(at(4097));
    expect(over.truncated).toBe(true);
    withinLimits(over.body);
    expect(embedOf(over.body).footer?.text).toContain('Message too long, shortened');
  });

  it('a field value of 1024 fits, 1025 is cut; 25 fields fit, 26 are cut to 25 or fewer', () => {
    const value = (n: number) =>
      message({ sections: [{ blocks: [{ type: 'fields', fields: [{ label: 'k', value: 'v'.repeat(n) }] }] }] });
    expect(render(value(1024)).truncated).toBe(false);
    const cut = render(value(1025));
    expect(cut.truncated).toBe(true);
    withinLimits(cut.body);
    const fields = (n: number) =>
      message({
        sections: [
          {
            blocks: [{ type: 'fields', fields: Array.from({ length: n }, (_, i) => ({ label: `f${i}`, value: 'v' })) }],
          },
        ],
      });
    expect(embedOf(render(fields(25)).body).fields).toHaveLength(25);
    const many = render(fields(26));
    expect(many.truncated).toBe(true);
    withinLimits(many.body);
  });

  it('keeps the 6,000 total across description, fields and footer, counting UTF-16 units', () => {
    const big = '中😀'.repeat(1000); // 3,000 units
    const { body, truncated } = render(
      message({
        sections: [
          { blocks: [{ type: 'text', text: big }] },
          { blocks: [{ type: 'fields', fields: [{ label: 'a', value: big.slice(0, 1000) }] }] },
        ],
        footer: [{ blocks: [{ type: 'text', text: big.slice(0, 2000) }] }],
      }),
    );
    expect(truncated).toBe(true);
    withinLimits(body);
    expect(JSON.stringify(body).isWellFormed()).toBe(true);
  });

  it('digests of every type fit, split parts included', () => {
    for (const type of NOTIFICATION_TYPES.filter(hasDigest)) {
      for (const locale of LOCALES) {
        const items = Array.from({ length: 3 }, () => NOTIFICATIONS[type].sample({ now }));
        const r = renderDigest({ type, items, channel: 'discord', locale, timezone: 'UTC', now });
        expect(r.truncated).toBe(false);
        withinLimits(r.body);
      }
    }
  });

  it('paces to the stricter of 5 per 2 s per webhook and 30 a minute per channel', () => {
    const pace = discord.pace({});
    expect(pace.limits).toEqual([
      { max: 5, windowMs: 2_000 },
      { max: 30, windowMs: 60_000 },
    ]);
    // 30 a minute is the one that binds: about one message every 2.1 s.
    expect(paceIntervalMs(pace)).toBe(Math.ceil((60_000 / 29) * 1.02));
    expect(DISCORD_LIMITS).toMatchObject({ content: 2000, embedTotal: 6000, fields: 25, description: 4096 });
  });

  it('takes a thread id of 17 to 20 digits, or none', () => {
    const schema = discord.fields.discordThreadId.schema;
    expect(schema.parse(' 1234567890123456789 ')).toBe('1234567890123456789');
    expect(schema.safeParse(undefined).success).toBe(true);
    for (const bad of ['123', 'abc12345678901234567', '123456789012345678901']) {
      const r = schema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('must be a thread id: 17 to 20 digits');
    }
  });
});

describe('discord mentions', () => {
  const parse = (s: string) => discordMentionSpec.parse(s);

  it('reads user ids, roles, everyone and here, and Discord’s own <@…> forms', () => {
    expect(parse('123456789012345678')).toEqual({ ok: true, mention: { kind: 'user', id: '123456789012345678' } });
    expect(parse('<@!123456789012345678>')).toEqual({ ok: true, mention: { kind: 'user', id: '123456789012345678' } });
    for (const role of [
      'role:234567890123456789',
      '&234567890123456789',
      '<@&234567890123456789>',
      'ROLE:234567890123456789',
    ])
      expect(parse(role)).toEqual({ ok: true, mention: { kind: 'role', id: '234567890123456789' } });
    expect(parse(' @everyone ')).toEqual({ ok: true, mention: { kind: 'all' } });
    expect(parse('here')).toEqual({ ok: true, mention: { kind: 'here' } });
    for (const example of discordMentionSpec.examples) expect(parse(example).ok).toBe(true);
  });

  it('refuses anything else, saying what a valid entry looks like', () => {
    expect(parse('alice')).toEqual({
      ok: false,
      error: '"alice" is not a Discord mention; use a user id (17–20 digits), role:<role id>, everyone or here',
    });
    expect(parse('12345')).toEqual({ ok: false, error: '"12345": a Discord id has 17 to 20 digits' });
    expect(parse('role:12')).toEqual({ ok: false, error: '"role:12": a Discord id has 17 to 20 digits' });
  });

  it('puts mentions in content and allows exactly those to ping', () => {
    const people = ['123456789012345678', 'role:234567890123456789', 'here', '123456789012345678'];
    const mentions = mentionsFor(discordMentionSpec, { people, levels: null }, 'error');
    const { body } = render(message({ title: '<@999999999999999999> @everyone' }), mentions);
    expect(body.content).toBe('<@123456789012345678> <@&234567890123456789> @here');
    expect(body.allowed_mentions).toEqual({
      parse: ['everyone'],
      users: ['123456789012345678'],
      roles: ['234567890123456789'],
    });
    expect(embedOf(body).title).toBe('\\<@999999999999999999> @everyone');
  });

  it('without everyone or here, parse stays empty; only the levels asked for mention', () => {
    const binding = { people: ['123456789012345678'], levels: ['error' as const] };
    expect(discordMentions(mentionsFor(discordMentionSpec, binding, 'error'))).toEqual({
      content: '<@123456789012345678>',
      allowed: { parse: [], users: ['123456789012345678'] },
    });
    const info = renderNotification({
      type: 'daily_leaderboard',
      data: NOTIFICATIONS.daily_leaderboard.sample({ now }),
      channel: 'discord',
      locale: 'en',
      timezone: 'UTC',
      now,
      mentions: binding,
    });
    expect(info.body.content).toBeUndefined();
    expect(info.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps content within 2,000 characters and at most 100 users', () => {
    const users = Array.from({ length: 150 }, (_, i) => ({
      kind: 'user' as const,
      id: String(10n ** 17n + BigInt(i)),
    }));
    const { content, allowed } = discordMentions(users);
    expect(content.length).toBeLessThanOrEqual(2000);
    const ids = allowed.users as string[];
    expect(ids.length).toBeLessThanOrEqual(100);
    expect(content).toBe(ids.map((id) => `<@${id}>`).join(' '));
  });
});

describe('discord limit', () => {
  it('is described as the platform documents it', () => {
    const l = discord.limit;
    expect(l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }).toEqual({
      max: 6000,
      unit: 'characters',
      appliesTo: 'all embed text (title, description, field names and values, footer)',
    });
  });
});
