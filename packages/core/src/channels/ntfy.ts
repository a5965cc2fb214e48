import { z } from 'zod';
import { fitMessage, truncateGraphemes, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import { primaryLink } from '../message/links.ts';
import { type Block, LEVEL_ICON, type Level, type Message, type Section } from '../message/model.ts';
import { HttpUrl } from '../schemas/common.ts';
import { defineChannel, type JsonObject } from './types.ts';

/**
 * ntfy (docs.ntfy.sh). Herald publishes as JSON: a POST of `{topic, title, message, priority,
 * tags, markdown}` to the server's root URL ("Publish as JSON"). The other way, a POST to the
 * topic URL with X-Title/X-Priority/X-Tags headers, would put the message in the body as plain
 * text and the title in a header (UTF-8 in headers is not safe with every proxy): JSON keeps the
 * body a JSON object like every other channel's, and the rendered body is the whole message.
 * The topic lives in the (secret) topic URL, so the sender adds `topic` when it sends.
 */

/** "Each message can be up to 4,096 bytes long" (publish.md, Limitations); longer becomes an attachment. */
export const NTFY_MESSAGE_MAX_BYTES = 4096;
/** ntfy shows the title on one line and keeps no documented cap: Herald keeps it short. */
export const NTFY_TITLE_MAX_CHARS = 250;

/** publish.md, "Picking a topic": letters, digits, `_` and `-`, up to 64 characters. */
export const NTFY_TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
/** Paths ntfy keeps for itself (server.go `disallowedTopics`): publishing to them answers 40010. */
export const NTFY_RESERVED_TOPICS = [
  'docs',
  'static',
  'file',
  'app',
  'metrics',
  'account',
  'settings',
  'signup',
  'login',
  'v1',
] as const;

/**
 * Priority by level (publish.md, "Message priority"): an error is something broken now (a breaker
 * open, a budget blown), so it is urgent (5: long vibration bursts, pop-over), as ntfy's own
 * "Unauthorized access detected" example; a warning is high (4), like its "Low disk space" example;
 * information is the default (3), which makes no pop-over.
 */
export const NTFY_PRIORITY: Record<Level, 1 | 2 | 3 | 4 | 5> = { error: 5, warning: 4, info: 3 };

/** Emoji short codes ntfy shows before the title (publish.md, "Tags & emojis"), by level and by icon. */
const LEVEL_TAG: Partial<Record<Level, string>> = { error: 'rotating_light', warning: 'warning' };
const ICON_TAG: Record<string, string> = {
  '🚨': 'rotating_light',
  '⚠️': 'warning',
  '📊': 'bar_chart',
  '💰': 'moneybag',
  '🔌': 'electric_plug',
  '✅': 'white_check_mark',
  '🔁': 'repeat',
  '🧊': 'ice_cube',
};

/** The topic a topic URL names: its last path segment. */
export function ntfyTopicOf(topicUrl: string): string | null {
  if (!URL.canParse(topicUrl)) return null;
  const segment = new URL(topicUrl).pathname.split('/').pop() ?? '';
  return NTFY_TOPIC.test(segment) ? segment : null;
}

/** Where JSON is published: the topic URL without its topic (and any query), ending in `/`. */
export function ntfyRootOf(topicUrl: string): string {
  const u = new URL(topicUrl);
  return `${u.origin}${u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1)}`;
}

export const NtfyTopicUrl = HttpUrl.refine(
  (v) => !URL.canParse(v) || ntfyTopicOf(v) !== null,
  'must be a topic URL such as https://ntfy.example.com/herald-alerts (the topic: 1–64 letters, digits, _ or -)',
)
  .refine(
    (v) => !URL.canParse(v) || !(NTFY_RESERVED_TOPICS as readonly string[]).includes(ntfyTopicOf(v) ?? ''),
    `the topic must not be one of ntfy's own paths (${NTFY_RESERVED_TOPICS.join(', ')})`,
  )
  .refine((v) => !URL.canParse(v) || (!new URL(v).search && !new URL(v).hash), 'must have no ?query or #fragment');

/** An access token (`ntfy token add`): `tk_` and 29 characters; sent as `Authorization: Bearer`. */
export const NtfyToken = z
  .string()
  .trim()
  .regex(/^tk_[-_A-Za-z0-9]{29}$/, 'must be an ntfy access token: tk_ followed by 29 letters or digits');

// CommonMark: what is markup anywhere in a line, and what starts a block at a line's beginning.
const INLINE = /[\\`*_~|[\]<>&]/g;
// A list item, heading or number needs a space (or the end) after its marker: `42.50` stays as it is.
const LINE_START = /^([ \t]*)(?:([>=]|[#+-](?=[ \t#+-]|$))|(\d{1,9})([.)])(?=[ \t]|$))/gm;

/** A value shown as typed in ntfy's Markdown; its line breaks stay line breaks. */
export function escapeNtfyMarkdown(s: string): string {
  return s
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    )
    .replace(/\n+/g, '\\\n');
}

const e = escapeNtfyMarkdown;

function blockText(b: Block): string {
  switch (b.type) {
    case 'text':
      return e(b.text);
    case 'quote':
      return e(b.text)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'fields':
      return b.fields.map((f) => `- **${e(f.label)}**: ${e(f.value)}`).join('\n');
    case 'list':
      return b.items
        .map((i, n) => {
          const mark = b.ordered ? `${n + 1}.` : '-';
          const head = `${mark} ${i.icon ? `${i.icon} ` : ''}**${e(i.primary)}**`;
          // A hard break (a backslash) keeps the second line inside the list item.
          return i.secondary ? `${head}\\\n   ${e(i.secondary)}` : head;
        })
        .join('\n');
    case 'divider':
      return '---';
  }
}

const sectionText = (s: Section) => [...(s.title ? [`**${e(s.title)}**`] : []), ...s.blocks.map(blockText)];

/** The `message`: Markdown blocks apart by blank lines (a `---` right under text would make it a heading). */
export function ntfyMarkdown(m: Message): string {
  const parts = m.sections.flatMap(sectionText);
  if (m.footer?.length) parts.push('---', ...m.footer.flatMap(sectionText));
  parts.push(`_${e(formatLocalTime(m.timestamp, m.timezone))}_`);
  return parts.join('\n\n');
}

/** Emoji tags: the level's alarm (errors and warnings) and the message's own icon. */
export function ntfyTags(m: Message): string[] {
  const icon = m.icon ?? LEVEL_ICON[m.level];
  const tags = [LEVEL_TAG[m.level], ICON_TAG[icon]].filter((t): t is string => t !== undefined);
  return [...new Set(tags)];
}

/** ntfy takes at most three action buttons (publish.md, "Action buttons"). */
export const NTFY_MAX_ACTIONS = 3;

/** Tapping the notification opens this message's delivery log; each link is also a "view" button. */
function ntfyLinks(m: Message): JsonObject {
  const links = m.links ?? [];
  const primary = primaryLink(links);
  if (!primary) return {};
  return {
    click: primary.url,
    actions: links.slice(0, NTFY_MAX_ACTIONS).map((l) => ({ action: 'view', label: l.label, url: l.url })),
  };
}

/** The title as ntfy shows it; an icon with no short code is kept in front of it. */
function title(m: Message): string {
  const icon = m.icon ?? LEVEL_ICON[m.level];
  const text = ICON_TAG[icon] ? m.title : `${icon} ${m.title}`;
  return truncateGraphemes(text, NTFY_TITLE_MAX_CHARS);
}

const messageOf = (body: JsonObject) => (typeof body.message === 'string' ? body.message : '');

export const ntfy = defineChannel({
  type: 'ntfy',
  fields: {
    webhookUrl: { kind: 'url', schema: NtfyTopicUrl },
    ntfyToken: { kind: 'secret', schema: NtfyToken.nullish() },
  },
  // ntfy.sh (and every server's default, config.md "Request limits"): a bucket of 60 requests per
  // visitor, refilled one every 5 s. Sending at the refill rate never drains it.
  pace: () => ({ limits: [{ max: 1, windowMs: 5_000 }] }),
  previewConfig: {},
  mentions: null,
  limit: {
    max: NTFY_MESSAGE_MAX_BYTES,
    unit: 'bytes',
    appliesTo: 'message',
    measure: (body) => utf8Bytes(messageOf(body)),
  },
  render(message, { locale }) {
    const { output, truncated } = fitMessage(
      message,
      locale,
      ntfyMarkdown,
      (text) => utf8Bytes(text) <= NTFY_MESSAGE_MAX_BYTES,
    );
    const body: JsonObject = {
      title: title(message),
      message: output,
      priority: NTFY_PRIORITY[message.level],
      tags: ntfyTags(message),
      markdown: true,
      ...ntfyLinks(message),
    };
    return { body, truncated };
  },
});
