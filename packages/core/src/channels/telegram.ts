import { escapeHtml } from '../message/escape.ts';
import { fitMessage } from '../message/fit.ts';
import { formatDateTime } from '../message/format.ts';
import type { Block, Message, Section } from '../message/model.ts';
import type { ChannelDefinition, JsonObject } from './types.ts';

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

export const telegram: ChannelDefinition = {
  type: 'telegram',
  limit: {
    max: TELEGRAM_MAX_TEXT,
    unit: 'characters',
    appliesTo: 'text after entity parsing',
    measure: (b) => telegramVisibleLength(b.text as string),
  },
  render(message, { locale, telegram: target }) {
    if (!target?.chatId) throw new Error('a Telegram target needs a chat id');
    const { output, truncated } = fitMessage(
      message,
      locale,
      telegramHtml,
      (html) => telegramVisibleLength(html) <= TELEGRAM_MAX_TEXT,
    );
    const body: JsonObject = {
      chat_id: target.chatId,
      text: output,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    };
    if (target.topicId != null) body.message_thread_id = target.topicId;
    return { body, truncated };
  },
};
