import {
  type Answer,
  type BusinessFailure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';
import { parseTelegramHtml, type TelegramEntity } from './telegram-html.ts';

/**
 * Telegram Bot API `POST /bot<token>/sendMessage`, the server TELEGRAM_API_BASE_URL points at.
 * Answers `{ok, result}` / `{ok:false, error_code, description[, parameters]}` with the HTTP status
 * equal to error_code (platforms-and-peers.md §3.5, [PB-T1..T3]). Descriptions are the Bot API's
 * own ("Bad Request: chat not found", "Bad Request: can't parse entities: …" with tdlib's parser
 * texts, see telegram-html.ts). The real API also takes GET; Herald only POSTs, so this fake
 * answers anything else with 405.
 */

/** Text limit after entity parsing, counted in UTF-16 code units [PB-T1]. */
export const TELEGRAM_MAX_TEXT = 4096;

/**
 * Per chat, as commonly cited (officially unspecified) [PB-T3]: about 1 message a second in a
 * private chat, 20 a minute in a group. Over them: 429 with `retry_after` (seconds to wait).
 */
export const TELEGRAM_RATE_LIMITS = {
  group: [{ max: 20, windowMs: 60_000 }],
  private: [{ max: 1, windowMs: 1_000 }],
} as const satisfies Record<string, readonly RateLimit[]>;

/** Private chats have positive ids; groups negative ones, and channels go by `@name` (as core's pacing reads them). */
export const telegramChatLimits = (chatId: string): readonly RateLimit[] =>
  /^\d/.test(chatId) ? TELEGRAM_RATE_LIMITS.private : TELEGRAM_RATE_LIMITS.group;

export type FakeTelegramChat = {
  type?: 'private' | 'group' | 'supergroup' | 'channel';
  /** Forum topics (message_thread_id values) that exist; when set, any other thread id is "not found". */
  topics?: number[];
};

export type FakeTelegramOptions = FakeServerOptions & {
  /** The bot token (default `123456789:TEST-herald-fake-token`); any other gets 401. */
  token?: string;
  /** The chats the bot is in, by chat_id as a string (default one supergroup `-1001234567890`). */
  chats?: Record<string, FakeTelegramChat>;
  /** Chats the bot was kicked from: 403. */
  forbiddenChats?: string[];
  /** Groups upgraded to supergroups: 400 with `parameters.migrate_to_chat_id` [PB-T3]. */
  migratedChats?: Record<string, number>;
};

/** A message as Telegram stored it (the `result` of sendMessage). */
export type TelegramMessage = {
  message_id: number;
  from: { id: number; is_bot: true; first_name: string; username: string };
  chat: { id: number | string; type: string };
  date: number;
  text: string;
  entities?: MessageEntity[];
  message_thread_id?: number;
  is_topic_message?: true;
};

/** An entity as sendMessage answers it: a text mention names its user. */
export type MessageEntity = TelegramEntity & { user?: { id: number; is_bot: false; first_name: string } };

const USER_LINK = /^tg:\/\/user\?id=(\d{1,15})$/;
/** A username mention Telegram finds in plain text: `@` and 5–32 of a–z, 0–9, _ (not inside a word). */
const USERNAME_MENTION = /(?<![A-Za-z0-9_])@([A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9])(?![A-Za-z0-9_])/g;
/** Entities inside which Telegram finds no mentions. */
const NO_MENTIONS_IN = new Set(['code', 'pre', 'text_link', 'text_mention']);

/**
 * The mentions Telegram makes of a parsed message: a `tg://user?id=` link becomes a text
 * mention of that user, and `@username` outside code and links becomes a mention entity.
 */
function withMentions(text: string, parsed: TelegramEntity[]): { entities: MessageEntity[]; mentioned: string[] } {
  const entities: MessageEntity[] = parsed.map((e) => {
    const id = e.type === 'text_link' ? USER_LINK.exec(e.url ?? '')?.[1] : undefined;
    if (!id) return e;
    const { url: _url, ...rest } = e;
    return {
      ...rest,
      type: 'text_mention',
      user: { id: Number(id), is_bot: false, first_name: text.slice(e.offset, e.offset + e.length) },
    };
  });
  const covered = (at: number) =>
    entities.some((e) => NO_MENTIONS_IN.has(e.type) && at >= e.offset && at < e.offset + e.length);
  for (const m of text.matchAll(USERNAME_MENTION)) {
    if (!covered(m.index)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  // Who was mentioned, in the order they appear.
  const mentioned = entities.flatMap((e) =>
    e.type === 'mention' ? [text.slice(e.offset, e.offset + e.length)] : e.user ? [String(e.user.id)] : [],
  );
  return { entities, mentioned };
}

export type FakeTelegram = FakePlatform & {
  token: string;
  /** What TELEGRAM_API_BASE_URL should be: `http://127.0.0.1:<port>`. */
  apiBaseUrl: string;
  /** `<apiBaseUrl>/bot<token>/sendMessage`. */
  sendMessageUrl: string;
  /** The messages delivered so far, as Telegram answered them. */
  readonly messages: TelegramMessage[];
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

export function telegramError(
  code: number,
  description: string,
  parameters?: Record<string, unknown>,
  status = code,
): Reply {
  return {
    status,
    body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
  };
}

const badRequest = (what: string) => telegramError(400, `Bad Request: ${what}`);

function chatType(id: string): string {
  if (id.startsWith('-100')) return 'supergroup';
  if (id.startsWith('-')) return 'group';
  return id.startsWith('@') ? 'channel' : 'private';
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? '123456789:TEST-herald-fake-token';
  const chats = options.chats ?? { '-1001234567890': {} };
  const botId = Number(token.split(':')[0]) || 1;
  const lastMessageId = new Map<string, number>();

  function sendMessage(req: IncomingRequest): Reply {
    if (req.jsonError) return badRequest("can't parse request JSON object");
    const p = isObject(req.json) ? req.json : {};
    if (p.chat_id === undefined || p.chat_id === '') return badRequest('chat_id is empty');
    const chatId = String(p.chat_id);
    const migratedTo = options.migratedChats?.[chatId];
    if (migratedTo !== undefined) {
      return telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: migratedTo,
      });
    }
    if (options.forbiddenChats?.includes(chatId))
      return telegramError(403, 'Forbidden: bot was kicked from the group chat');
    const chat = chats[chatId];
    if (!chat) return badRequest('chat not found');
    if (typeof p.text !== 'string') return badRequest('message text is empty');

    const mode = typeof p.parse_mode === 'string' ? p.parse_mode.toLowerCase() : '';
    let visible = p.text;
    let entities: TelegramEntity[] = [];
    if (mode === 'html') {
      const parsed = parseTelegramHtml(p.text);
      if (!parsed.ok) return badRequest(`can't parse entities: ${parsed.error}`);
      visible = parsed.text;
      entities = parsed.entities;
    } else if (mode !== '' && mode !== 'markdownv2' && mode !== 'markdown') {
      return badRequest('unsupported parse_mode');
    } // Markdown modes are taken unchecked: Herald sends HTML.

    // Telegram trims the text; entities move with it.
    const lead = visible.length - visible.trimStart().length;
    visible = visible.trim();
    if (visible.length === 0) return badRequest('message text is empty');
    if (visible.length > TELEGRAM_MAX_TEXT) return badRequest('message is too long');
    entities = entities
      .map((e) => {
        const start = Math.max(0, e.offset - lead);
        const end = Math.min(visible.length, e.offset - lead + e.length);
        return { ...e, offset: start, length: end - start };
      })
      .filter((e) => e.length > 0);
    const found = withMentions(visible, entities);

    const thread = p.message_thread_id;
    if (
      thread !== undefined &&
      (!Number.isInteger(thread) || (chat.topics && !chat.topics.includes(thread as number)))
    ) {
      return badRequest('message thread not found');
    }
    const messageId = (lastMessageId.get(chatId) ?? 0) + 1;
    const result: TelegramMessage = {
      message_id: messageId,
      from: { id: botId, is_bot: true, first_name: 'Herald Fake Bot', username: 'herald_fake_bot' },
      chat: { id: /^-?\d+$/.test(chatId) ? Number(chatId) : chatId, type: chat.type ?? chatType(chatId) },
      date: Math.floor(req.now / 1000),
      text: visible,
      ...(found.entities.length > 0 ? { entities: found.entities } : {}),
      ...(thread !== undefined ? { message_thread_id: thread as number, is_topic_message: true as const } : {}),
    };
    return {
      status: 200,
      body: { ok: true, result },
      accepted: true,
      mentioned: found.mentioned,
      commit: () => lastMessageId.set(chatId, messageId),
    };
  }

  const handle = (req: IncomingRequest): Reply => {
    const m = /^\/bot([^/]+)\/([^/]+)$/.exec(req.path);
    if (!m) return telegramError(404, 'Not Found');
    if (decodeURIComponent(m[1] ?? '') !== token) return telegramError(401, 'Unauthorized');
    if ((m[2] ?? '').toLowerCase() !== 'sendmessage') return telegramError(404, 'Not Found');
    return sendMessage(req);
  };
  const scripted = (f: BusinessFailure): Reply => {
    if (f.kind === 'rateLimit') {
      const wait = f.retryAfterSeconds ?? 1;
      return telegramError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    }
    const status = f.code >= 400 && f.code < 600 ? f.code : 400;
    return telegramError(f.code, f.message ?? STATUS_TEXT[status] ?? 'Bad Request', undefined, status);
  };
  const fake = await startFakeServer(
    {
      handle,
      scripted,
      // Only sends that passed the checks are counted, so chat_id is there.
      rateKey: (req) => String((req.json as { chat_id: unknown }).chat_id),
      platformLimits: telegramChatLimits,
    },
    options,
  );
  return Object.defineProperties(
    Object.assign(fake, { token, apiBaseUrl: fake.url, sendMessageUrl: `${fake.url}/bot${token}/sendMessage` }),
    {
      messages: {
        get: () => fake.accepted.map((r) => ((r.answer as Answer).json as { result: TelegramMessage }).result),
      },
    },
  ) as FakeTelegram;
}
