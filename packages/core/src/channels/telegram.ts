import { z } from 'zod';
import { escapeHtml } from '../message/escape.ts';
import { fitMessage } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import type { Block, Message, Section } from '../message/model.ts';
import type { Mention, MentionParse, MentionSpec } from './mentions.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/**
 * Telegram sendMessage: text 1–4096 characters after entity parsing. Counted here as
 * UTF-16 units of the visible text (tags removed, entities decoded), the stricter reading.
 */
export const TELEGRAM_MAX_TEXT = 4096;

const e = (s: string) => escapeHtml(s, true);

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [e(b.text)];
    case 'quote':
      return [`<blockquote>${e(b.text)}</blockquote>`];
    case 'fields':
      return b.fields.map((f) => `<b>${e(f.label)}</b>: ${e(f.value)}`);
    case 'list':
      return b.items.flatMap((i, n) => [
        `${b.ordered ? `${n + 1}.` : '•'} <b>${e(i.primary)}</b>`,
        ...(i.secondary ? [`  ${e(i.secondary)}`] : []),
      ]);
    case 'divider':
      return ['---'];
  }
}

const sectionLines = (s: Section) => [
  ...(s.title ? [`<b>${e(s.title)}</b>`] : []),
  ...s.blocks.flatMap(blockLines),
  '',
];

const TELEGRAM_VALID =
  'use @username (5–32 letters, digits or _) or a numeric user id, optionally with a name (123456789 Alice)';
/** Usernames: 5–32 of a–z, 0–9 and _, starting with a letter, not ending with _. */
const USERNAME = /^@([A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9])$/;
const USER_ID = /^(\d{1,15})(?:\s+(\S.{0,47}))?$/;

function parseTelegramMention(entry: string): MentionParse {
  const e = entry.trim();
  const name = USERNAME.exec(e.startsWith('@') ? e : `@${e}`);
  if (name) return { ok: true, mention: { kind: 'user', id: `@${name[1]}` } };
  const id = USER_ID.exec(e);
  if (id?.[1]) return { ok: true, mention: { kind: 'user', id: id[1], ...(id[2] ? { label: id[2].trim() } : {}) } };
  if (/^@?(all|everyone|here)$/i.test(e))
    return { ok: false, error: `Telegram can't mention everyone; ${TELEGRAM_VALID}` };
  return { ok: false, error: `"${entry}" is not a Telegram username or user id; ${TELEGRAM_VALID}` };
}

export const telegramMentions: MentionSpec = {
  examples: ['@oncall_alice', '123456789 Alice'],
  parse: parseTelegramMention,
};

/** `@username` is a mention Telegram finds itself; a user id becomes a text mention (a tg://user link). */
const mentionHtml = (x: Mention) =>
  x.kind !== 'user' ? '' : x.id.startsWith('@') ? x.id : `<a href="tg://user?id=${x.id}">${e(x.label ?? x.id)}</a>`;

export function telegramHtml(m: Message, mentions: Mention[] = []): string {
  const lines = [`<b>${e(m.title)}</b>`, '', ...m.sections.flatMap(sectionLines)];
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  if (m.links?.length) lines.push(m.links.map((l) => `<a href="${e(l.url)}">${e(l.label)}</a>`).join(' · '));
  lines.push(formatLocalTime(m.timestamp, m.timezone));
  const who = mentions.map(mentionHtml).filter(Boolean).join(' ');
  if (who) lines.push('', who);
  return lines.join('\n');
}

/** The text a Telegram user sees: what the 4096 limit counts. */
export function telegramVisibleLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;|&gt;|&amp;|&quot;/g, '_').length;
}

export const TelegramBotToken = z
  .string()
  .trim()
  .regex(/^\d{3,}:[\w-]{20,}$/, 'must look like 123456789:AA… (from @BotFather)');
export const TelegramChatId = z
  .string()
  .trim()
  .regex(/^(-?\d{1,20}|@[A-Za-z]\w{4,31})$/, 'must be a numeric chat id (e.g. -1001234567890) or @channelname');
const TopicId = z
  .number()
  .int('a topic id is a whole number')
  .positive('a topic id is a positive number')
  .max(2_147_483_647, 'a topic id is at most 2147483647');

/** A private chat (a positive id): about one message a second; groups and channels: 20 a minute. */
const isPrivateChat = (chatId: string | null | undefined) => /^\d/.test(chatId ?? '-');

export const telegram = defineChannel({
  type: 'telegram',
  fields: {
    telegramBotToken: { kind: 'secret', schema: TelegramBotToken },
    telegramChatId: { kind: 'text', schema: TelegramChatId },
    telegramTopicId: { kind: 'number', schema: TopicId.nullish() },
  },
  pace: ({ telegramChatId }) =>
    isPrivateChat(telegramChatId)
      ? { limits: [{ max: 1, windowMs: 1_000 }] }
      : { limits: [{ max: 20, windowMs: MINUTE_MS }] },
  previewConfig: { telegramChatId: '-1001234567890' },
  mentions: telegramMentions,
  limit: {
    max: TELEGRAM_MAX_TEXT,
    unit: 'characters',
    appliesTo: 'text after entity parsing',
    measure: (b) => telegramVisibleLength(b.text as string),
  },
  render(message, { locale, config, mentions = [] }) {
    const chatId = config?.telegramChatId;
    if (!chatId) throw new Error('a Telegram target needs a chat id');
    const { output, truncated } = fitMessage(
      message,
      locale,
      (m) => telegramHtml(m, mentions),
      (html) => telegramVisibleLength(html) <= TELEGRAM_MAX_TEXT,
    );
    const body: JsonObject = {
      chat_id: chatId,
      text: output,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    };
    if (config.telegramTopicId != null) body.message_thread_id = config.telegramTopicId;
    return { body, truncated };
  },
});
