import { detectChannel, type LegacyChannel, type UrlProblem } from './detect.ts';

export type LegacyWebhook =
  | { channel: Exclude<LegacyChannel, 'telegram'>; url: string }
  | { channel: 'telegram'; url: string; botToken: string; chatId: string; topicId: number | null };

/**
 * A legacy (one URL per type) webhook: the platform from its host; for Telegram the bot token
 * from the path and the chat (and topic) from the query, e.g.
 * `https://api.telegram.org/bot<token>/sendMessage?chat_id=-100123&message_thread_id=7`.
 */
export function parseLegacyWebhook(url: string): { ok: true; value: LegacyWebhook } | UrlProblem {
  const detected = detectChannel(url);
  if (!detected.ok) return detected;
  if (detected.channel !== 'telegram') return { ok: true, value: { channel: detected.channel, url } };
  const u = new URL(url);
  const token = u.pathname.match(/^\/bot(\d+:[\w-]+)\//)?.[1];
  const chatId = u.searchParams.get('chat_id');
  if (!token || !chatId) {
    return {
      ok: false,
      error: 'a Telegram URL needs /bot<token>/sendMessage and ?chat_id=<chat>',
      issue: 'url.telegram_chat',
      params: {},
    };
  }
  const topic = u.searchParams.get('message_thread_id');
  return {
    ok: true,
    value: {
      channel: 'telegram',
      url,
      botToken: token,
      chatId,
      topicId: topic && /^\d+$/.test(topic) ? Number(topic) : null,
    },
  };
}
