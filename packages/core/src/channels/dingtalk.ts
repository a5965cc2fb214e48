import { escapeHtml } from '../message/escape.ts';
import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import type { Block, Message, Section } from '../message/model.ts';
import { HttpUrl, SecretText } from '../schemas/common.ts';
import { mobileOrUserId } from './mention-entries.ts';
import type { Mention, MentionSpec } from './mentions.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/** DingTalk custom robot: the request body at most 20,000 bytes (errcode 460101 beyond). */
export const DINGTALK_MAX_BODY_BYTES = 20_000;

export const dingtalkMentions: MentionSpec = {
  examples: ['13800138000', 'manager4521', 'all'],
  parse: (entry) =>
    mobileOrUserId(entry, 'use a mobile number (13800138000), a DingTalk userId (manager4521) or all (everyone)'),
};

const e = (s: string) => escapeHtml(s);

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [e(b.text)];
    case 'quote':
      return [`> ${e(b.text)}`];
    case 'fields':
      return b.fields.map((f) => `- ${e(f.label)}: ${e(f.value)}`);
    case 'list':
      return b.items.flatMap((i, n) => [
        `${b.ordered ? `${n + 1}.` : '-'} **${e(i.primary)}**`,
        ...(i.secondary ? [`  ${e(i.secondary)}`] : []),
      ]);
    case 'divider':
      return ['---'];
  }
}

const sectionLines = (s: Section) => [...(s.title ? [`**${e(s.title)}**`] : []), ...s.blocks.flatMap(blockLines), ''];

/**
 * DingTalk pings a person only when they are both in `at` and written as `@<mobile>` /
 * `@<userId>` in the text; everyone (`isAtAll`) needs no text.
 */
function atOf(mentions: Mention[]): { at: JsonObject; line: string } | null {
  if (mentions.length === 0) return null;
  const mobiles = mentions.flatMap((x) => (x.kind === 'mobile' ? [x.id] : []));
  const userIds = mentions.flatMap((x) => (x.kind === 'user' ? [x.id] : []));
  const at: JsonObject = { atMobiles: mobiles, atUserIds: userIds, isAtAll: mentions.some((x) => x.kind === 'all') };
  return { at, line: [...mobiles, ...userIds].map((id) => `@${id}`).join(' ') };
}

function body(m: Message, mentions: Mention[]): JsonObject {
  const lines = [`### ${e(m.title)}`, '', ...m.sections.flatMap(sectionLines)];
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  if (m.links?.length) lines.push(m.links.map((l) => `[${e(l.label)}](${l.url})`).join(' · '), '');
  lines.push(formatLocalTime(m.timestamp, m.timezone));
  const at = atOf(mentions);
  if (at?.line) lines.push('', at.line);
  const out: JsonObject = { msgtype: 'markdown', markdown: { title: e(m.title), text: lines.join('\n') } };
  if (at) out.at = at.at;
  return out;
}

const size = (b: JsonObject) => utf8Bytes(JSON.stringify(b));

export const dingtalk = defineChannel({
  type: 'dingtalk',
  fields: {
    webhookUrl: { kind: 'url', schema: HttpUrl },
    dingtalkSecret: { kind: 'secret', schema: SecretText.nullish() },
  },
  // Beyond 20 a minute DingTalk refuses the robot for 10 minutes.
  pace: () => ({ limits: [{ max: 20, windowMs: MINUTE_MS }], penaltyMs: 10 * MINUTE_MS }),
  previewConfig: {},
  mentions: dingtalkMentions,
  limit: { max: DINGTALK_MAX_BODY_BYTES, unit: 'bytes', appliesTo: 'request body', measure: size },
  render(message, { locale, mentions = [] }) {
    const { output, truncated } = fitMessage(
      message,
      locale,
      (m) => body(m, mentions),
      (b) => size(b) <= DINGTALK_MAX_BODY_BYTES,
    );
    return { body: output, truncated };
  },
});
