import { z } from 'zod';
import { escapeHtml } from '../message/escape.ts';
import { fitMessage } from '../message/fit.ts';
import { formatDateTime } from '../message/format.ts';
import type { Block, Message, Section } from '../message/model.ts';
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

export function telegramHtml(m: Message): string {
  const lines = [`<b>${e(m.title)}</b>`, '', ...m.sections.flatMap(sectionLines)];
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  lines.push(formatDateTime(m.timestamp, m.timezone));
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
  mentions: null,
  limit: {
    max: TELEGRAM_MAX_TEXT,
    unit: 'characters',
    appliesTo: 'text after entity parsing',
    measure: (b) => telegramVisibleLength(b.text as string),
  },
  render(message, { locale, config }) {
    const chatId = config?.telegramChatId;
    if (!chatId) throw new Error('a Telegram target needs a chat id');
    const { output, truncated } = fitMessage(
      message,
      locale,
      telegramHtml,
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
