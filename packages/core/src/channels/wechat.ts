import type { Locale } from '../domain.ts';
import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import { type Block, LEVEL_ICON, type Message, type Section } from '../message/model.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { HttpUrl } from '../schemas/common.ts';
import { mobileOrUserId } from './mention-entries.ts';
import type { Mention, MentionSpec } from './mentions.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject, type Rendered } from './types.ts';

/** WeCom group robot: markdown content at most 4096 bytes UTF-8 (errcode 40058 beyond). */
export const WECHAT_MARKDOWN_MAX_BYTES = 4096;
/** text content at most 2048 bytes UTF-8: the only type that carries mentioned_list / mentioned_mobile_list. */
export const WECHAT_TEXT_MAX_BYTES = 2048;

export const wechatMentions: MentionSpec = {
  examples: ['13800138000', 'zhangsan', 'all'],
  parse: (entry) =>
    mobileOrUserId(entry, 'use a mobile number (13800138000), a WeCom userid (zhangsan) or all (everyone)'),
};

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [b.text];
    case 'quote':
      return [`> ${b.text}`];
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      // A rank keeps its number where no icon (a medal) stands for it.
      return b.items.flatMap((i, n) => [
        `${i.icon ?? (b.ordered ? `${n + 1}.` : '-')} **${i.primary}**`,
        ...(i.secondary ? [i.secondary] : []),
        '',
      ]);
    case 'divider':
      return ['---'];
  }
}

const sectionLines = (s: Section) => [...(s.title ? [`**${s.title}**`] : []), ...s.blocks.flatMap(blockLines), ''];

export function wechatMarkdown(m: Message): string {
  const lines = [`## ${m.icon ?? LEVEL_ICON[m.level]} ${m.title}`, '', ...m.sections.flatMap(sectionLines)];
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  // WeCom markdown links: [text](url); labels are Herald's own, URLs percent-encoded.
  if (m.links?.length) lines.push(m.links.map((l) => `[${l.label}](${l.url})`).join(' · '));
  lines.push(formatLocalTime(m.timestamp, m.timezone));
  return lines.join('\n');
}

/** The message as plain text, for the text type (markdown can't mention anyone). */
export function wechatText(m: Message): string {
  const lines = [`${m.icon ?? LEVEL_ICON[m.level]} ${m.title}`, '', sectionsAsPlainText(m), ''];
  // Text shows no markup: a link is its URL, which WeCom makes clickable.
  for (const l of m.links ?? []) lines.push(`${l.label}: ${l.url}`);
  lines.push(formatLocalTime(m.timestamp, m.timezone));
  return lines.join('\n');
}

function renderText(message: Message, locale: Locale, mentions: Mention[]): Rendered {
  const { output, truncated } = fitMessage(
    message,
    locale,
    wechatText,
    (text) => utf8Bytes(text) <= WECHAT_TEXT_MAX_BYTES,
  );
  const users = mentions.flatMap((x) => (x.kind === 'user' ? [x.id] : x.kind === 'all' ? ['@all'] : []));
  const mobiles = mentions.flatMap((x) => (x.kind === 'mobile' ? [x.id] : []));
  const text: JsonObject = { content: output };
  if (users.length > 0) text.mentioned_list = users;
  if (mobiles.length > 0) text.mentioned_mobile_list = mobiles;
  return { body: { msgtype: 'text', text }, truncated };
}

/** The content the platform limits: markdown's, or with mentions text's (its own lower limit, met by the renderer). */
const contentOf = (body: JsonObject) =>
  (((body.msgtype === 'text' ? body.text : body.markdown) as JsonObject | undefined)?.content as string) ?? '';

export const wechat = defineChannel({
  type: 'wechat',
  fields: { webhookUrl: { kind: 'url', schema: HttpUrl } },
  pace: () => ({ limits: [{ max: 20, windowMs: MINUTE_MS }] }),
  previewConfig: {},
  mentions: wechatMentions,
  limit: {
    max: WECHAT_MARKDOWN_MAX_BYTES,
    unit: 'bytes',
    appliesTo: 'markdown.content',
    measure: (body) => utf8Bytes(contentOf(body)),
  },
  render(message, { locale, mentions }) {
    if (mentions?.length) return renderText(message, locale, mentions);
    const { output, truncated } = fitMessage(
      message,
      locale,
      wechatMarkdown,
      (text) => utf8Bytes(text) <= WECHAT_MARKDOWN_MAX_BYTES,
    );
    return { body: { msgtype: 'markdown', markdown: { content: output } }, truncated };
  },
});
