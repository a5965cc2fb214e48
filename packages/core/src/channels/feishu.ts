import { escapeHtml } from '../message/escape.ts';
import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import type { Block, Level, Message, Section } from '../message/model.ts';
import type { JsonValue } from '../notifications/types.ts';
import { HttpUrl, SecretText } from '../schemas/common.ts';
import type { Mention, MentionParse, MentionSpec } from './mentions.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/** Feishu custom bot: request body at most 20 KB; room is kept for `timestamp` and `sign`. */
export const FEISHU_MAX_BODY_BYTES = 20 * 1024;
export const FEISHU_SIGNATURE_RESERVE_BYTES = 128;

const FEISHU_VALID = 'use an open_id (ou_…), a user_id (e.g. 5d9bdxxx) or all (everyone)';

/** A custom bot mentions by open_id or user_id only (not by email), or everyone. */
function parseFeishuMention(entry: string): MentionParse {
  const e = entry.trim().replace(/^@/, '');
  if (e.toLowerCase() === 'all') return { ok: true, mention: { kind: 'all' } };
  if (e.includes('@')) return { ok: false, error: `"${entry}": a custom bot can't mention by email; ${FEISHU_VALID}` };
  if (/^[A-Za-z0-9_-]{1,64}$/.test(e)) return { ok: true, mention: { kind: 'user', id: e } };
  return { ok: false, error: `"${entry}" is not an open_id or user_id (letters, digits, _ -); ${FEISHU_VALID}` };
}

export const feishuMentions: MentionSpec = {
  examples: ['ou_7d8a6e6df7621556ce0d21922b676706', 'all'],
  parse: parseFeishuMention,
};

/** Card markdown's mention tags (card JSON 2.0 rich text: `<at id=…></at>`, `<at id=all></at>`). */
const atTags = (mentions: Mention[]) =>
  mentions
    .flatMap((x) => (x.kind === 'all' ? ['all'] : x.kind === 'user' ? [x.id] : []))
    .map((id) => `<at id=${id}></at>`)
    .join(' ');

const HEADER_COLOUR: Record<Level, string> = { error: 'red', warning: 'orange', info: 'blue' };

// Card markdown reads <…> as tags (<at>, <font>): values are escaped so they show as typed.
const e = (s: string) => escapeHtml(s);
const md = (content: string): JsonObject => ({ tag: 'markdown', content });

function fieldRows(fields: { label: string; value: string }[]): JsonObject[] {
  const rows: JsonObject[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    rows.push({
      tag: 'column_set',
      flex_mode: 'bisect',
      columns: fields.slice(i, i + 2).map((f) => ({
        tag: 'column',
        width: 'weighted',
        weight: 1,
        elements: [md(`**${e(f.label)}**\n${e(f.value)}`)],
      })),
    });
  }
  return rows;
}

function blockElements(b: Block): JsonObject[] {
  switch (b.type) {
    case 'text':
      return [md(e(b.text))];
    case 'quote':
      return [md(`> ${e(b.text)}`)];
    case 'fields':
      return fieldRows(b.fields);
    case 'list':
      return [
        md(
          b.items
            .map(
              // A rank keeps its number where no icon (a medal) stands for it.
              (i, n) =>
                `${i.icon ?? (b.ordered ? `${n + 1}.` : '-')} **${e(i.primary)}**${i.secondary ? `\n${e(i.secondary)}` : ''}`,
            )
            .join('\n\n'),
        ),
      ];
    case 'divider':
      return [{ tag: 'hr' }];
  }
}

const sectionElements = (s: Section): JsonObject[] => [
  ...(s.title ? [md(`**${e(s.title)}**`)] : []),
  ...s.blocks.flatMap(blockElements),
];

function body(m: Message, mentions: Mention[]): JsonObject {
  const tags = atTags(mentions);
  const elements: JsonValue[] = [...(tags ? [md(tags)] : []), ...m.sections.flatMap(sectionElements)];
  if (m.footer?.length) elements.push({ tag: 'hr' }, ...m.footer.flatMap(sectionElements));
  // Card markdown links: [text](url).
  if (m.links?.length) elements.push(md(m.links.map((l) => `[${e(l.label)}](${l.url})`).join(' · ')));
  elements.push({ tag: 'markdown', content: formatLocalTime(m.timestamp, m.timezone), text_size: 'notation' });
  return {
    msg_type: 'interactive',
    card: {
      schema: '2.0',
      header: {
        title: { tag: 'plain_text', content: m.icon ? `${m.icon} ${m.title}` : m.title },
        template: HEADER_COLOUR[m.level],
      },
      body: { elements },
    },
  };
}

const size = (b: JsonObject) => utf8Bytes(JSON.stringify(b));

export const feishu = defineChannel({
  type: 'feishu',
  fields: {
    webhookUrl: { kind: 'url', schema: HttpUrl },
    feishuSecret: { kind: 'secret', schema: SecretText.nullish() },
  },
  pace: () => ({
    limits: [
      { max: 100, windowMs: MINUTE_MS },
      { max: 5, windowMs: 1_000 },
    ],
    avoidTopOfHour: true,
  }),
  previewConfig: {},
  mentions: feishuMentions,
  limit: { max: FEISHU_MAX_BODY_BYTES, unit: 'bytes', appliesTo: 'request body', measure: size },
  render(message, { locale, mentions = [] }) {
    const max = FEISHU_MAX_BODY_BYTES - FEISHU_SIGNATURE_RESERVE_BYTES;
    const { output, truncated } = fitMessage(
      message,
      locale,
      (m) => body(m, mentions),
      (b) => size(b) <= max,
    );
    return { body: output, truncated };
  },
});
