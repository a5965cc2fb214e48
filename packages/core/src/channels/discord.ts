import { z } from 'zod';
import { fitMessage } from '../message/fit.ts';
import { primaryLink } from '../message/links.ts';
import type { Block, Field, Level, Message, Section } from '../message/model.ts';
import { HttpUrl } from '../schemas/common.ts';
import type { Mention, MentionSpec } from './mentions.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/**
 * Discord execute-webhook limits (developer docs, "Embed Limits" and "Execute Webhook"), in
 * characters; counted here as UTF-16 units, the stricter reading of "characters".
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** title + description + field names and values + footer text + author name, over every embed. */
  embedTotal: 6000,
  /** allowed_mentions.users and .roles each. */
  allowedMentionIds: 100,
} as const;

/** A webhook takes 5 requests per 2 s; a channel takes 30 messages a minute (the stricter one paces). */
export const DISCORD_RATE_LIMITS = [
  { max: 5, windowMs: 2_000 },
  { max: 30, windowMs: MINUTE_MS },
] as const;

/** The embed's left bar (an integer RGB): Discord's red, orange and blurple. */
export const DISCORD_COLOUR: Record<Level, number> = { error: 0xed4245, warning: 0xe67e22, info: 0x5865f2 };

const SNOWFLAKE = /^\d{17,20}$/;

export const DiscordThreadId = z.string().trim().regex(SNOWFLAKE, 'must be a thread id: 17 to 20 digits');

// Markdown Discord reads anywhere in a line, and what starts a heading, quote or list at its beginning.
const INLINE = /[\\*_~`|[\]<]/g;
const LINE_START = /^(\s*)(?:(-#|#{1,3}|[>+-])(?=\s)|(\d+)\.(?=\s))/gm;

/** A value shown as typed in Discord markdown (title, description, field names and values). */
export const escapeDiscord = (s: string) =>
  s
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark?: string, n?: string) =>
      mark ? `${space}\\${mark}` : `${space}${n}\\.`,
    );

const e = escapeDiscord;
const INLINE_MAX = 40;
const isShort = (f: Field) => f.label.length <= INLINE_MAX && f.value.length <= INLINE_MAX && !/\n/.test(f.value);
// A field's name and value must not be empty: an empty value is shown as a dash.
const field = (name: string, value: string, inline: boolean): JsonObject => ({
  name: e(name) || '-',
  value: e(value) || '-',
  inline,
});

function blockLines(b: Exclude<Block, { type: 'fields' }>): string[] {
  switch (b.type) {
    case 'text':
      return [e(b.text)];
    case 'quote':
      return b.text.split('\n').map((l) => `> ${e(l)}`);
    case 'list':
      // A rank keeps its number where no icon (a medal) stands for it.
      return b.items.flatMap((i, n) => [
        `${i.icon ?? (b.ordered ? `${n + 1}\\.` : '•')} **${e(i.primary)}**`,
        ...(i.secondary ? i.secondary.split('\n').map((l) => e(l)) : []),
      ]);
    case 'divider':
      return ['───'];
  }
}

/** Text blocks go to the description in order; each `fields` block becomes embed fields. */
function layout(sections: Section[]) {
  const groups = sections.filter((s) => s.blocks.some((b) => b.type === 'fields')).length;
  const lines: string[] = [];
  const fields: JsonObject[] = [];
  for (const s of sections) {
    const text = s.blocks.filter((b) => b.type !== 'fields');
    if (s.title && text.length > 0) lines.push(`**${e(s.title)}**`);
    for (const b of s.blocks) {
      if (b.type !== 'fields') {
        lines.push(...blockLines(b));
        continue;
      }
      // Several groups of fields keep their section titles apart as full-width headings.
      if (groups > 1 && s.title && text.length === 0) fields.push(field(s.title, '\u200b', false));
      fields.push(...b.fields.map((f) => field(f.label, f.value, isShort(f))));
    }
    if (text.length > 0) lines.push('');
  }
  return { description: lines.join('\n').trim(), fields };
}

function plainBlock(b: Block): string[] {
  switch (b.type) {
    case 'text':
    case 'quote':
      return [b.text];
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.map((i) => (i.secondary ? `${i.primary} · ${i.secondary}` : i.primary));
    case 'divider':
      return [];
  }
}

/** Footer text is plain (Discord shows no markdown there): values go in as typed. */
const plainLines = (s: Section): string[] => [...(s.title ? [s.title] : []), ...s.blocks.flatMap(plainBlock)];

/** Masked links `[text](url)`, which embed descriptions show as links. */
const linkLine = (m: Message) => (m.links ?? []).map((l) => `[${e(l.label)}](${l.url})`).join(' · ');

function embedOf(m: Message): JsonObject {
  const body = layout(m.sections);
  const description = [body.description, linkLine(m)].filter(Boolean).join('\n\n');
  const footer = (m.footer ?? []).flatMap(plainLines).join('\n');
  const primary = primaryLink(m.links);
  return {
    title: e(m.icon ? `${m.icon} ${m.title}` : m.title),
    // The title opens this message's delivery log.
    ...(primary ? { url: primary.url } : {}),
    ...(description ? { description } : {}),
    color: DISCORD_COLOUR[m.level],
    ...(body.fields.length > 0 ? { fields: body.fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    // Discord shows it beside the footer, in each reader's own time zone.
    timestamp: m.timestamp,
  };
}

const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
type EmbedShape = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
};

/** The characters Discord counts toward the 6,000 of a message's embeds. */
export function discordEmbedChars(body: JsonObject): number {
  const embeds = (Array.isArray(body.embeds) ? body.embeds : []) as EmbedShape[];
  return embeds.reduce(
    (sum, x) =>
      sum +
      len(x.title) +
      len(x.description) +
      len(x.footer?.text) +
      len(x.author?.name) +
      (x.fields ?? []).reduce((s, f) => s + len(f.name) + len(f.value), 0),
    0,
  );
}

/** Whether one embed keeps every per-part limit and the message total. */
function embedFits(x: JsonObject): boolean {
  const fields = (x.fields ?? []) as { name: string; value: string }[];
  return (
    len(x.title) <= DISCORD_LIMITS.title &&
    len(x.description) <= DISCORD_LIMITS.description &&
    len((x.footer as { text?: string } | undefined)?.text) <= DISCORD_LIMITS.footerText &&
    fields.length <= DISCORD_LIMITS.fields &&
    fields.every((f) => f.name.length <= DISCORD_LIMITS.fieldName && f.value.length <= DISCORD_LIMITS.fieldValue) &&
    discordEmbedChars({ embeds: [x] }) <= DISCORD_LIMITS.embedTotal
  );
}

const tokenOf = (m: Mention): string | null => {
  switch (m.kind) {
    case 'user':
      return `<@${m.id}>`;
    case 'role':
      return `<@&${m.id}>`;
    case 'all':
      return '@everyone';
    case 'here':
      return '@here';
    case 'mobile':
      return null;
  }
};

/**
 * Mentions ping only from `content`; `allowed_mentions` names exactly who may be pinged, so no
 * other `<@…>` or `@everyone` in the message can ping anyone. Without mentions, nobody.
 */
export function discordMentions(mentions: Mention[] = []): { content: string; allowed: JsonObject } {
  const users: string[] = [];
  const roles: string[] = [];
  const tokens: string[] = [];
  let everyone = false;
  for (const m of mentions) {
    const token = tokenOf(m);
    if (!token || tokens.includes(token)) continue;
    const ids = m.kind === 'user' ? users : m.kind === 'role' ? roles : null;
    if (ids && ids.length >= DISCORD_LIMITS.allowedMentionIds) continue;
    // Mentions that would not fit the content are left out rather than cut in half.
    if ([...tokens, token].join(' ').length > DISCORD_LIMITS.content) break;
    tokens.push(token);
    if (m.kind === 'user' || m.kind === 'role') ids?.push(m.id);
    else everyone = true;
  }
  return {
    content: tokens.join(' '),
    allowed: {
      parse: everyone ? ['everyone'] : [],
      ...(users.length > 0 ? { users } : {}),
      ...(roles.length > 0 ? { roles } : {}),
    },
  };
}

const MENTION_HELP = 'use a user id (17–20 digits), role:<role id>, everyone or here';

/** `123…` a user, `role:123…` / `&123…` a role, `everyone`, `here`; Discord's `<@…>` forms are read too. */
export const discordMentionSpec: MentionSpec = {
  examples: ['123456789012345678', 'role:234567890123456789', 'everyone', 'here'],
  parse(entry) {
    const v = entry.trim();
    const lower = v.toLowerCase().replace(/^@/, '');
    if (lower === 'everyone') return { ok: true, mention: { kind: 'all' } };
    if (lower === 'here') return { ok: true, mention: { kind: 'here' } };
    const user = /^(?:<@!?)?(\d+)>?$/.exec(v);
    const role = /^(?:role:|&|<@&)(\d+)>?$/i.exec(v);
    const id = (role ?? user)?.[1];
    if (id === undefined) return { ok: false, error: `"${entry}" is not a Discord mention; ${MENTION_HELP}` };
    if (!SNOWFLAKE.test(id)) return { ok: false, error: `"${entry}": a Discord id has 17 to 20 digits` };
    return { ok: true, mention: role ? { kind: 'role', id } : { kind: 'user', id } };
  },
};

export const discord = defineChannel({
  type: 'discord',
  fields: {
    webhookUrl: { kind: 'url', schema: HttpUrl },
    discordThreadId: { kind: 'text', schema: DiscordThreadId.nullish() },
  },
  pace: () => ({ limits: DISCORD_RATE_LIMITS.map((l) => ({ ...l })) }),
  previewConfig: {},
  mentions: discordMentionSpec,
  limit: {
    max: DISCORD_LIMITS.embedTotal,
    unit: 'characters',
    appliesTo: 'all embed text (title, description, field names and values, footer)',
    measure: discordEmbedChars,
  },
  render(message, { locale, mentions }) {
    const { output, truncated } = fitMessage(message, locale, embedOf, embedFits);
    const { content, allowed } = discordMentions(mentions);
    const body: JsonObject = { ...(content ? { content } : {}), embeds: [output], allowed_mentions: allowed };
    return { body, truncated };
  },
});
