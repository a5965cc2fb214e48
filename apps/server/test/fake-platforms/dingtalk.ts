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

/**
 * DingTalk custom robot, `POST /robot/send?access_token=…[&timestamp=&sign=]`.
 * Every answer is HTTP 200 with `errcode` (platforms-and-peers.md §3.4, [PB-D1..D4]).
 */
export const DINGTALK_CODES = {
  ok: 0,
  /**
   * Unknown access_token. Live probes of the official endpoint (2024–2026) answer 300005
   * "token is not exist"; older answers used 300001 with the same text.
   */
  tokenNotExist: 300005,
  /** Security check failed: sign / timestamp / keyword / IP, told apart by errmsg [PB-D4]. */
  securityFailed: 310000,
  /** Body over 20000 bytes [PB-D4]; text as in feiyu563/PrometheusAlert#318. */
  tooLarge: 460101,
  /** Over 20 messages a minute [PB-D3][PB-D4]. */
  tooFast: 130101,
  /** The robot error table's other throttling code ("发送速度太快而限流"). */
  throttled: 410100,
  /** Body missing or not JSON (robot error table: "缺少参数 json"). */
  missingJson: 40035,
  /** Content-Type not JSON (robot error table). */
  badContentType: 43004,
  /** msgtype not supported (robot error table). */
  unsupportedType: 400105,
  /** A message type's required field missing ("param error", seen in the wild). */
  paramError: 300001,
  busy: -1,
} as const;

const MORE = ', more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]';

const MESSAGES: Record<number, string> = {
  [DINGTALK_CODES.tokenNotExist]: 'token is not exist',
  [DINGTALK_CODES.securityFailed]: `sign not match${MORE}`,
  [DINGTALK_CODES.tooLarge]: 'description: body 大小不合法;solution:请保持大小在 20000bytes 以内;',
  [DINGTALK_CODES.tooFast]: 'send too fast, exceed 20 times per minute',
  [DINGTALK_CODES.throttled]: '发送速度太快而限流',
  [DINGTALK_CODES.missingJson]: '缺少参数 json',
  [DINGTALK_CODES.badContentType]: '无效的HTTP HEADER Content-Type',
  [DINGTALK_CODES.unsupportedType]: '不支持的消息类型',
  [DINGTALK_CODES.paramError]: 'param error',
  [DINGTALK_CODES.busy]: '系统繁忙',
};

/** 20 messages a minute per robot, then throttled for 10 minutes [PB-D3]; 130101, no hint of the wait. */
export const DINGTALK_RATE_LIMITS: readonly RateLimit[] = [{ max: 20, windowMs: 60_000, penaltyMs: 10 * 60_000 }];

export const DINGTALK_MAX_BODY_BYTES = 20_000;
/** The signed timestamp (ms) must be within one hour of DingTalk's clock [PB-D1]. */
export const DINGTALK_SIGN_WINDOW_MS = 60 * 60 * 1000;

/** Message types and the fields each needs [PB-D3]. */
const REQUIRED: Record<string, string[]> = {
  text: ['content'],
  link: ['title', 'text', 'messageUrl'],
  markdown: ['title', 'text'],
  actionCard: ['title', 'text'],
  feedCard: ['links'],
};

export type FakeDingtalkOptions = FakeServerOptions & {
  /** The robot's access_token (default `good-token`). */
  accessToken?: string;
  /** 加签 secret (`SEC…`): when set, `timestamp` and `sign` must be valid. */
  secret?: string;
  /** 自定义关键词 (≤ 10): when set, the message must contain one of them. */
  keywords?: string[];
};

export type FakeDingtalk = FakePlatform & {
  accessToken: string;
  /** `http://127.0.0.1:<port>/robot/send?access_token=<token>` (unsigned; the sender adds timestamp and sign). */
  webhookUrl: string;
};

export function dingtalkError(code: number, message?: string): Reply {
  return { status: 200, body: { errcode: code, errmsg: message ?? MESSAGES[code] ?? 'unknown error' } };
}

const security = (why: string) => dingtalkError(DINGTALK_CODES.securityFailed, `${why}${MORE}`);

function checkSignature(query: Record<string, string>, secret: string, now: number): Reply | null {
  const ts = query.timestamp ?? '';
  if (!/^\d+$/.test(ts) || Math.abs(now - Number(ts)) > DINGTALK_SIGN_WINDOW_MS) return security('invalid timestamp');
  // URLSearchParams already decoded the percent-encoding; an unencoded `+` arrives as a space, as on DingTalk.
  const expected = Buffer.from(createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'));
  const given = Buffer.from(query.sign ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : security('sign not match');
}

/** The text DingTalk's keyword check reads. */
function messageText(type: string, part: Record<string, unknown>): string {
  if (type === 'feedCard' && Array.isArray(part.links)) {
    return part.links.map((l) => (isObject(l) ? String(l.title ?? '') : '')).join('\n');
  }
  return ['content', 'title', 'text'].map((k) => (typeof part[k] === 'string' ? part[k] : '')).join('\n');
}

/**
 * `at` as DingTalk reads it: `atMobiles` / `atUserIds` string lists and a boolean `isAtAll`;
 * null when malformed.
 */
function atOf(json: Record<string, unknown>): { mobiles: string[]; userIds: string[]; all: boolean } | null {
  if (json.at === undefined) return { mobiles: [], userIds: [], all: false };
  const at = json.at;
  if (!isObject(at)) return null;
  const list = (v: unknown) =>
    v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
  const mobiles = list(at.atMobiles);
  const userIds = list(at.atUserIds);
  if (!mobiles || !userIds || (at.isAtAll !== undefined && typeof at.isAtAll !== 'boolean')) return null;
  return { mobiles, userIds, all: at.isAtAll === true };
}

/**
 * Who DingTalk pings: everyone for `isAtAll`, otherwise a mobile or userId only when it is in
 * `at` AND written as `@<it>` in the text (markdown `text`, text `content`); a listed person not
 * written in the text gets no ping (only text and markdown messages mention at all).
 */
function pinged(type: string, part: Record<string, unknown>, at: NonNullable<ReturnType<typeof atOf>>): string[] {
  if (type !== 'text' && type !== 'markdown') return [];
  const text = String(type === 'text' ? part.content : part.text);
  // `@138…` followed by another digit or letter is someone else.
  const written = (id: string) =>
    [...text.matchAll(/@([0-9A-Za-z_.@-]+)/g)].some((m) => m[1] === id || m[1]?.replace(/[.@-]+$/, '') === id);
  return [...(at.all ? ['all'] : []), ...[...at.mobiles, ...at.userIds].filter((id) => id !== '' && written(id))];
}

export async function startFakeDingtalk(options: FakeDingtalkOptions = {}): Promise<FakeDingtalk> {
  const accessToken = options.accessToken ?? 'good-token';
  const handle = (req: IncomingRequest): Reply => {
    if (req.path !== '/robot/send' || req.query.access_token !== accessToken) {
      return dingtalkError(DINGTALK_CODES.tokenNotExist);
    }
    if (options.secret) {
      const problem = checkSignature(req.query, options.secret, req.now);
      if (problem) return problem;
    }
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return dingtalkError(DINGTALK_CODES.badContentType);
    }
    if (req.bodyBytes > DINGTALK_MAX_BODY_BYTES) return dingtalkError(DINGTALK_CODES.tooLarge);
    if (req.jsonError || !isObject(req.json)) return dingtalkError(DINGTALK_CODES.missingJson);
    const type = req.json.msgtype;
    const fields = typeof type === 'string' ? REQUIRED[type] : undefined;
    if (typeof type !== 'string' || !fields) return dingtalkError(DINGTALK_CODES.unsupportedType);
    const part = req.json[type];
    if (!isObject(part) || fields.some((f) => part[f] === undefined || part[f] === '')) {
      return dingtalkError(DINGTALK_CODES.paramError);
    }
    if (options.keywords?.length && !options.keywords.some((k) => messageText(type, part).includes(k))) {
      return security('keywords not in content');
    }
    const at = atOf(req.json);
    if (!at) return dingtalkError(DINGTALK_CODES.paramError);
    return { status: 200, body: { errcode: 0, errmsg: 'ok' }, accepted: true, mentioned: pinged(type, part, at) };
  };
  const scripted = (f: BusinessFailure): Reply =>
    f.kind === 'rateLimit' ? dingtalkError(f.code ?? DINGTALK_CODES.tooFast) : dingtalkError(f.code, f.message);
  const fake = await startFakeServer({ handle, scripted, platformLimits: () => DINGTALK_RATE_LIMITS }, options);
  return Object.assign(fake, {
    accessToken,
    webhookUrl: `${fake.url}/robot/send?access_token=${encodeURIComponent(accessToken)}`,
  });
}
