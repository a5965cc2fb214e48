import {
  type BusinessFailure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type RateLimit,
  type Reply,
  startFakeServer,
  utf8Bytes,
} from './base.ts';

/**
 * WeCom (企业微信) group robot, `POST /cgi-bin/webhook/send?key=…`.
 * Every answer is HTTP 200; the verdict is `errcode` (platforms-and-peers.md §3.2, [PB-W1..W4]).
 * Error texts carry WeCom's `hint`, `from ip` and `more info at …?e=<code>` tail, as observed
 * (wes-lin/Cloud189Checkin#175, dromara/domain-admin#82, ttttmr/Wechat2RSS#278).
 */
export const WECOM_CODES = {
  ok: 0,
  /** Bad or missing key: "invalid webhook url" [PB-W4]. */
  invalidKey: 93000,
  /** markdown.content over 4096 bytes [PB-W4]; used for text.content over 2048 bytes by analogy. */
  tooLong: 40058,
  /** msgtype missing or not one of WECOM_MSG_TYPES (Wechat2RSS#278, apache/hertzbeat#984). */
  invalidMessageType: 40008,
  /** Required content missing or empty (WeCom global code, "empty content"). */
  emptyContent: 44004,
  /**
   * Body is not JSON. Not observed on the robot endpoint; 40035 is WeCom's documented
   * "invalid parameter" code and its JSON complaints start "Warning: wrong json format.".
   */
  invalidJson: 40035,
  /** Over 20 messages a minute [PB-W3][PB-W4]. */
  rateLimited: 45009,
  /** System busy (WeCom global code; retryable in Herald's sender). */
  busy: -1,
} as const;

const MESSAGES: Record<number, string> = {
  [WECOM_CODES.invalidKey]: 'invalid webhook url',
  [WECOM_CODES.tooLong]: 'content exceed max length. invalid Request Parameter',
  [WECOM_CODES.invalidMessageType]: 'invalid message type',
  [WECOM_CODES.emptyContent]: 'empty content',
  [WECOM_CODES.invalidJson]: 'Warning: wrong json format. invalid parameter',
  [WECOM_CODES.rateLimited]: 'api freq out of limit',
  [WECOM_CODES.busy]: 'system busy',
};

/** Robot message types (doc 91770, 99110 incl. markdown_v2) [PB-W1][PB-W2]. */
export const WECOM_MSG_TYPES = [
  'text',
  'markdown',
  'markdown_v2',
  'image',
  'news',
  'file',
  'voice',
  'template_card',
] as const;

/** 20 messages a minute per robot [PB-W3]; over it, 45009 and no hint of the wait. */
export const WECOM_RATE_LIMITS: readonly RateLimit[] = [{ max: 20, windowMs: 60_000 }];

export const WECOM_TEXT_MAX_BYTES = 2048;
/** markdown (and, unverified, markdown_v2) content limit in UTF-8 bytes. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

export type FakeWecomOptions = FakeServerOptions & {
  /** The robot's key (default `good-key`); any other key gets 93000. */
  key?: string;
};

export type FakeWecom = FakePlatform & {
  key: string;
  /** `http://127.0.0.1:<port>/cgi-bin/webhook/send?key=<key>`. */
  webhookUrl: string;
};

let hints = 0;

/** WeCom's error answer, HTTP 200, with its usual diagnostic tail. */
export function wecomError(code: number, message: string | undefined, now: number): Reply {
  if (code === 0) return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  hints += 1;
  const hint = `${now}${String(hints).padStart(9, '0')}`;
  const text = message ?? MESSAGES[code] ?? 'unknown error';
  return {
    status: 200,
    body: {
      errcode: code,
      errmsg: `${text}, hint: [${hint}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${code}`,
    },
  };
}

const isStringList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * Who a message notifies: only the text type carries `mentioned_list` (userids, `@all`) and
 * `mentioned_mobile_list` (mobiles, `@all`); markdown ignores both and pings only `<@userid>`
 * written in its content. Everyone is recorded as `all`.
 */
function mentionedBy(type: string, part: Record<string, unknown>): string[] {
  const out = new Set<string>();
  if (type === 'text') {
    for (const id of [
      ...((part.mentioned_list as string[]) ?? []),
      ...((part.mentioned_mobile_list as string[]) ?? []),
    ]) {
      if (id !== '') out.add(id === '@all' ? 'all' : id);
    }
  } else if (type === 'markdown') {
    for (const m of String(part.content).matchAll(/<@([^>\s]+)>/g)) out.add(m[1] as string);
  }
  return [...out];
}

function checkMessage(json: Record<string, unknown>, now: number): Reply | null {
  const type = json.msgtype;
  if (typeof type !== 'string' || !(WECOM_MSG_TYPES as readonly string[]).includes(type)) {
    return wecomError(WECOM_CODES.invalidMessageType, undefined, now);
  }
  const part = json[type];
  const content = isObject(part) ? part.content : undefined;
  if (type === 'text' || type === 'markdown' || type === 'markdown_v2') {
    if (typeof content !== 'string' || content.length === 0)
      return wecomError(WECOM_CODES.emptyContent, undefined, now);
    const max = type === 'text' ? WECOM_TEXT_MAX_BYTES : WECOM_MARKDOWN_MAX_BYTES;
    if (utf8Bytes(content) > max) {
      const msg = `${type}.content exceed max length ${max}. invalid Request Parameter`;
      return wecomError(WECOM_CODES.tooLong, msg, now);
    }
    const lists = part as Record<string, unknown>;
    if (type === 'text' && !(isStringList(lists.mentioned_list) && isStringList(lists.mentioned_mobile_list))) {
      return wecomError(
        WECOM_CODES.invalidJson,
        'Warning: wrong json format. mentioned_list must be a string array',
        now,
      );
    }
    return null;
  }
  // Other types: only that their object is there.
  return isObject(part) ? null : wecomError(WECOM_CODES.emptyContent, undefined, now);
}

export async function startFakeWecom(options: FakeWecomOptions = {}): Promise<FakeWecom> {
  const key = options.key ?? 'good-key';
  const handle = (req: IncomingRequest): Reply => {
    if (req.path !== '/cgi-bin/webhook/send' || req.query.key !== key) {
      return wecomError(WECOM_CODES.invalidKey, undefined, req.now);
    }
    if (req.bodyBytes === 0) return wecomError(WECOM_CODES.emptyContent, undefined, req.now);
    if (req.jsonError || !isObject(req.json)) return wecomError(WECOM_CODES.invalidJson, undefined, req.now);
    const problem = checkMessage(req.json, req.now);
    if (problem) return problem;
    const type = req.json.msgtype as string;
    const mentioned = mentionedBy(type, req.json[type] as Record<string, unknown>);
    return { status: 200, body: { errcode: 0, errmsg: 'ok' }, accepted: true, mentioned };
  };
  const scripted = (f: BusinessFailure, req: IncomingRequest): Reply =>
    f.kind === 'rateLimit'
      ? wecomError(f.code ?? WECOM_CODES.rateLimited, undefined, req.now)
      : wecomError(f.code, f.message, req.now);
  const fake = await startFakeServer({ handle, scripted, platformLimits: () => WECOM_RATE_LIMITS }, options);
  return Object.assign(fake, { key, webhookUrl: `${fake.url}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}` });
}
