import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type BusinessFailure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';
import { checkFeishuCard } from './feishu-card.ts';

/**
 * Feishu / Lark custom bot, `POST /open-apis/bot/v2/hook/<id>`. Answers `{code, msg, data}`
 * (platforms-and-peers.md §3.3, [PB-F1..F5]). HTTP 200 except for 9499, which Feishu's gateway
 * sends with HTTP 400 (ccfos/nightingale#1437); 11232 is only known by its code, so it gets 200 too.
 */
export const FEISHU_CODES = {
  ok: 0,
  /** Unknown hook id: "param invalid: incoming webhook access token invalid" (widely observed, HTTP 200). */
  invalidHook: 19001,
  /** msg_type missing or unknown: "params error, msg_type need" (observed). */
  paramsError: 19002,
  /** Signature wrong or timestamp outside ±1 h [PB-F2] (PrometheusAlert#422). */
  signFailed: 19021,
  /** Keyword security: the message holds none of the keywords. */
  keywordsNotFound: 19024,
  /**
   * Body over the size limit. The only observed answer is 19036 "The message exceeds the size
   * limit of 30KB" (XUJiahua/alertmanager-webhook-feishu#3); the documented body limit is 20 KB
   * [PB-F1], which this fake enforces, answering with that code and text.
   */
  tooLarge: 19036,
  /** Card JSON refused; the card service's code is inside msg (see feishu-card.ts). */
  badCard: 11246,
  /**
   * Gateway "Bad Request" for a body that is not JSON (official guide's example) and also
   * "too many request" for rate limiting [PB-F2]: the same code, two meanings.
   */
  badRequestOrTooMany: 9499,
  /** Flow control, e.g. at :00/:30 peaks [PB-F1]. */
  frequencyLimited: 11232,
  /** Internal error, retryable [PB-F2]. */
  internal: 2200,
} as const;

const MESSAGES: Record<number, string> = {
  [FEISHU_CODES.invalidHook]: 'param invalid: incoming webhook access token invalid',
  [FEISHU_CODES.paramsError]: 'params error, msg_type need',
  [FEISHU_CODES.signFailed]: 'sign match fail or timestamp is not within one hour from current time',
  [FEISHU_CODES.keywordsNotFound]: 'Key Words Not Found',
  [FEISHU_CODES.tooLarge]: 'The message exceeds the size limit of 30KB',
  [FEISHU_CODES.badCard]: 'card json is invalid',
  [FEISHU_CODES.badRequestOrTooMany]: 'Bad Request',
  [FEISHU_CODES.frequencyLimited]: 'frequency limited',
  [FEISHU_CODES.internal]: 'internal error',
};

/** 100 requests a minute and 5 a second per bot [PB-F1]; over either, 11232 and no hint of the wait. */
export const FEISHU_RATE_LIMITS: readonly RateLimit[] = [
  { max: 100, windowMs: 60_000 },
  { max: 5, windowMs: 1_000 },
];

export const FEISHU_MAX_BODY_BYTES = 20 * 1024;
/** `timestamp` (seconds) must be within one hour of Feishu's clock [PB-F2]. */
export const FEISHU_SIGN_WINDOW_SECONDS = 60 * 60;

/** Message types and what their `content` needs [PB-F4]; interactive carries `card` instead. */
const CONTENT_FIELD: Record<string, string> = {
  text: 'text',
  post: 'post',
  image: 'image_key',
  share_chat: 'share_chat_id',
};

export type FakeFeishuOptions = FakeServerOptions & {
  /** The bot's hook id (default `good-hook`). */
  hookId?: string;
  /** 签名校验 secret: when set, top-level `timestamp` and `sign` must be valid. */
  secret?: string;
  /** 自定义关键词: when set, the message must contain one of them. */
  keywords?: string[];
  /** Default 20 KB. */
  maxBodyBytes?: number;
};

export type FakeFeishu = FakePlatform & {
  hookId: string;
  /** `http://127.0.0.1:<port>/open-apis/bot/v2/hook/<id>`. */
  webhookUrl: string;
};

export function feishuError(code: number, message?: string): Reply {
  return {
    status: code === FEISHU_CODES.badRequestOrTooMany ? 400 : 200,
    body: { code, msg: message ?? MESSAGES[code] ?? 'unknown error', data: {} },
  };
}

function checkSignature(json: Record<string, unknown>, secret: string, nowMs: number): boolean {
  const ts = json.timestamp;
  if (typeof ts !== 'string' && typeof ts !== 'number') return false;
  if (!/^\d+$/.test(String(ts)) || Math.abs(nowMs / 1000 - Number(ts)) > FEISHU_SIGN_WINDOW_SECONDS) return false;
  const expected = Buffer.from(createHmac('sha256', `${ts}\n${secret}`).update('').digest('base64'));
  const given = Buffer.from(typeof json.sign === 'string' ? json.sign : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Every string inside a value: what the keyword check reads. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  return isObject(v) ? Object.values(v).flatMap(strings) : [];
}

/** The `content` of every markdown element in a card (body, columns, any depth). */
function markdownContents(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(markdownContents);
  if (!isObject(v)) return [];
  const own = v.tag === 'markdown' && typeof v.content === 'string' ? [v.content] : [];
  return [...own, ...Object.values(v).flatMap(markdownContents)];
}

/**
 * Who a card pings: `<at id=…></at>` / `<at ids=a,b></at>` in card markdown (`all` for everyone).
 * A custom bot can't mention by email, so `<at email=…>` pings nobody.
 */
function cardMentions(card: unknown): string[] {
  const out = new Set<string>();
  for (const content of markdownContents(card)) {
    for (const m of content.matchAll(/<at\s+(ids?)=["']?([^"'>\s]+)["']?\s*>[^<]*<\/at>/g)) {
      for (const id of (m[2] as string).split(',')) if (id) out.add(id);
    }
  }
  return [...out];
}

function checkMessage(json: Record<string, unknown>): Reply | null {
  const type = json.msg_type;
  if (type === 'interactive') {
    const problem = checkFeishuCard(json.card);
    return problem ? feishuError(FEISHU_CODES.badCard, problem) : null;
  }
  const field = typeof type === 'string' ? CONTENT_FIELD[type] : undefined;
  if (!field) return feishuError(FEISHU_CODES.paramsError);
  const content = json.content;
  return isObject(content) && content[field] !== undefined && content[field] !== ''
    ? null
    : feishuError(FEISHU_CODES.badRequestOrTooMany);
}

export async function startFakeFeishu(options: FakeFeishuOptions = {}): Promise<FakeFeishu> {
  const hookId = options.hookId ?? 'good-hook';
  const maxBytes = options.maxBodyBytes ?? FEISHU_MAX_BODY_BYTES;
  const handle = (req: IncomingRequest): Reply => {
    if (req.path !== `/open-apis/bot/v2/hook/${encodeURIComponent(hookId)}`)
      return feishuError(FEISHU_CODES.invalidHook);
    if (req.bodyBytes > maxBytes) return feishuError(FEISHU_CODES.tooLarge);
    if (req.jsonError || !isObject(req.json)) return feishuError(FEISHU_CODES.badRequestOrTooMany);
    const json = req.json;
    if (options.secret && !checkSignature(json, options.secret, req.now)) return feishuError(FEISHU_CODES.signFailed);
    const problem = checkMessage(json);
    if (problem) return problem;
    const said = strings([json.content, json.card]).join('\n');
    if (options.keywords?.length && !options.keywords.some((k) => said.includes(k))) {
      return feishuError(FEISHU_CODES.keywordsNotFound);
    }
    const mentioned = json.msg_type === 'interactive' ? cardMentions(json.card) : [];
    return { status: 200, body: { code: 0, msg: 'success', data: {} }, accepted: true, mentioned };
  };
  const scripted = (f: BusinessFailure): Reply => {
    if (f.kind === 'errcode') return feishuError(f.code, f.message);
    const code = f.code ?? FEISHU_CODES.badRequestOrTooMany;
    return feishuError(code, code === FEISHU_CODES.badRequestOrTooMany ? 'too many request' : undefined);
  };
  const fake = await startFakeServer(
    {
      handle,
      scripted,
      platformLimits: () => FEISHU_RATE_LIMITS,
      rateLimited: () => feishuError(FEISHU_CODES.frequencyLimited),
    },
    options,
  );
  return Object.assign(fake, { hookId, webhookUrl: `${fake.url}/open-apis/bot/v2/hook/${encodeURIComponent(hookId)}` });
}
