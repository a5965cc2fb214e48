import {
  type Failure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';

/**
 * Discord `POST /api[/v10]/webhooks/{id}/{token}[?wait=true][&thread_id=…]` (developer docs,
 * "Execute Webhook", "Embed Limits", "Rate Limits"). Errors are Discord's JSON
 * `{message, code[, errors]}`: 50035 "Invalid Form Body" names each refused part the way Discord
 * nests it (`errors.embeds.0.title._errors`). Lengths are counted in UTF-16 units. Unknown keys
 * are ignored, as Discord does. Pings are worked out from `content` and `allowed_mentions` only
 * (embeds never ping) and recorded on each message.
 */

export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownWebhook: 10015,
  missingAccess: 50001,
  cannotSendEmpty: 50006,
  missingPermissions: 50013,
  invalidWebhookToken: 50027,
  invalidFormBody: 50035,
  invalidJson: 50109,
  overloaded: 130000,
} as const;

const MESSAGES: Record<number, [status: number, message: string]> = {
  [DISCORD_CODES.unknownChannel]: [404, 'Unknown Channel'],
  [DISCORD_CODES.unknownWebhook]: [404, 'Unknown Webhook'],
  [DISCORD_CODES.missingAccess]: [403, 'Missing Access'],
  [DISCORD_CODES.cannotSendEmpty]: [400, 'Cannot send an empty message'],
  [DISCORD_CODES.missingPermissions]: [403, 'Missing Permissions'],
  [DISCORD_CODES.invalidWebhookToken]: [401, 'Invalid Webhook Token'],
  [DISCORD_CODES.invalidFormBody]: [400, 'Invalid Form Body'],
  [DISCORD_CODES.invalidJson]: [400, 'The request body contains invalid JSON.'],
  [DISCORD_CODES.overloaded]: [503, 'API resource is currently overloaded. Try again a little later.'],
};

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  allowedMentionIds: 100,
  color: 0xffffff,
} as const;

/** A webhook: 5 requests per 2 s; its channel: 30 messages a minute. Over them: 429 with `retry_after`. */
export const DISCORD_RATE_LIMITS: readonly RateLimit[] = [
  { max: 5, windowMs: 2_000 },
  { max: 30, windowMs: 60_000 },
];

/** A scripted rate limit may be Discord's global one. */
export type DiscordFailure =
  | Exclude<Failure, { kind: 'rateLimit' }>
  | { kind: 'rateLimit'; retryAfterSeconds?: number; global?: boolean };

/** Who a message pinged, as Discord works it out. */
export type DiscordPings = { users: string[]; roles: string[]; everyone: boolean; here: boolean };

export type DiscordMessage = {
  id: string;
  type: 0;
  channel_id: string;
  content: string;
  embeds: Record<string, unknown>[];
  mentions: Array<{ id: string; username: string; bot: false }>;
  mention_roles: string[];
  mention_everyone: boolean;
  timestamp: string;
  webhook_id: string;
  author: { id: string; username: string; bot: true };
  /** Not Discord's: who was pinged (`@here` included), for the tests. */
  pinged: DiscordPings;
};

export type FakeDiscordOptions = FakeServerOptions & {
  /** Webhook id (default `112233445566778899`); another id is 10015 Unknown Webhook. */
  webhookId?: string;
  /** Webhook token (default `fake-discord-token`); another is 50027 Invalid Webhook Token. */
  token?: string;
  /** Threads of the webhook's channel; any other `thread_id` is 10003 Unknown Channel. */
  threads?: string[];
};

export type FakeDiscord = FakePlatform<DiscordFailure> & {
  webhookId: string;
  token: string;
  channelId: string;
  /** `http://127.0.0.1:<port>/api/webhooks/<id>/<token>`. */
  webhookUrl: string;
  /** Every message Discord saved, in order, with who it pinged. */
  readonly messages: DiscordMessage[];
};

const SNOWFLAKE = /^\d{17,20}$/;

type Problems = Record<string, unknown>;

/** Adds `{ _errors: [{ code, message }] }` at `path`, as Discord nests form errors. */
function complain(into: Problems, path: Array<string | number>, code: string, message: string) {
  let at = into;
  for (const key of path.map(String)) {
    at[key] ??= {};
    at = at[key] as Problems;
  }
  at._errors ??= [];
  (at._errors as unknown[]).push({ code, message });
}

export const discordError = (code: number, message?: string, errors?: Problems): Reply => {
  const [status, text] = MESSAGES[code] ?? [400, 'Unknown error'];
  return { status, body: { message: message ?? text, code, ...(errors ? { errors } : {}) } };
};

const tooLong = (max: number) => `Must be ${max} or fewer in length.`;

function checkString(p: Problems, path: Array<string | number>, v: unknown, max: number, required = false) {
  if (v === undefined || v === null) {
    if (required) complain(p, path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  if (typeof v !== 'string') {
    complain(p, path, 'BASE_TYPE_STRING', `Could not interpret "${JSON.stringify(v)}" as string.`);
    return 0;
  }
  if (required && v.trim() === '') complain(p, path, 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (v.length > max) complain(p, path, 'BASE_TYPE_MAX_LENGTH', tooLong(max));
  return v.length;
}

/** One embed's problems; returns the characters it counts toward the 6,000. */
function checkEmbed(p: Problems, i: number, x: unknown): number {
  const at = (...k: Array<string | number>) => ['embeds', i, ...k];
  if (!isObject(x)) {
    complain(p, at(), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return 0;
  }
  let chars = checkString(p, at('title'), x.title, DISCORD_LIMITS.title);
  chars += checkString(p, at('description'), x.description, DISCORD_LIMITS.description);
  if (x.color !== undefined && x.color !== null) {
    if (!Number.isInteger(x.color)) complain(p, at('color'), 'NUMBER_TYPE_COERCE', `Value "${x.color}" is not int.`);
    else if ((x.color as number) < 0 || (x.color as number) > DISCORD_LIMITS.color)
      complain(p, at('color'), 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${DISCORD_LIMITS.color}.`);
  }
  // The title's link: a well-formed http(s) URL (Discord's URL_TYPE_* errors).
  if (x.url !== undefined && x.url !== null) {
    const url = typeof x.url === 'string' && URL.canParse(x.url) ? new URL(x.url) : null;
    if (!url) complain(p, at('url'), 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    else if (url.protocol !== 'http:' && url.protocol !== 'https:')
      complain(
        p,
        at('url'),
        'URL_TYPE_INVALID_SCHEME',
        `Scheme "${url.protocol.slice(0, -1)}" is not supported. Scheme must be one of ('http', 'https').`,
      );
  }
  if (x.timestamp !== undefined && x.timestamp !== null) {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
    if (typeof x.timestamp !== 'string' || !iso.test(x.timestamp) || Number.isNaN(Date.parse(x.timestamp)))
      complain(
        p,
        at('timestamp'),
        'DATE_TIME_TYPE_PARSE',
        `Could not parse ${String(x.timestamp)}. Should be ISO8601.`,
      );
  }
  if (x.footer !== undefined && x.footer !== null) {
    if (!isObject(x.footer))
      complain(p, at('footer'), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else chars += checkString(p, at('footer', 'text'), x.footer.text, DISCORD_LIMITS.footerText, true);
  }
  if (x.author !== undefined && x.author !== null) {
    if (!isObject(x.author))
      complain(p, at('author'), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    else chars += checkString(p, at('author', 'name'), x.author.name, DISCORD_LIMITS.authorName, true);
  }
  if (x.fields !== undefined && x.fields !== null) {
    if (!Array.isArray(x.fields))
      complain(p, at('fields'), 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    else {
      if (x.fields.length > DISCORD_LIMITS.fields)
        complain(p, at('fields'), 'BASE_TYPE_MAX_LENGTH', tooLong(DISCORD_LIMITS.fields));
      x.fields.forEach((f, j) => {
        if (!isObject(f)) {
          complain(p, at('fields', j), 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
          return;
        }
        chars += checkString(p, at('fields', j, 'name'), f.name, DISCORD_LIMITS.fieldName, true);
        chars += checkString(p, at('fields', j, 'value'), f.value, DISCORD_LIMITS.fieldValue, true);
        if (f.inline !== undefined && f.inline !== null && typeof f.inline !== 'boolean')
          complain(p, at('fields', j, 'inline'), 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
      });
    }
  }
  return chars;
}

type Allowed = { parse: string[]; users: string[] | null; roles: string[] | null } | null;

function checkAllowedMentions(p: Problems, v: unknown): Allowed {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    complain(p, ['allowed_mentions'], 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return null;
  }
  const list = (key: 'parse' | 'users' | 'roles'): string[] | null => {
    const raw = v[key];
    if (raw === undefined || raw === null) return null;
    if (!Array.isArray(raw)) {
      complain(p, ['allowed_mentions', key], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return null;
    }
    if (key !== 'parse' && raw.length > DISCORD_LIMITS.allowedMentionIds)
      complain(p, ['allowed_mentions', key], 'BASE_TYPE_MAX_LENGTH', tooLong(DISCORD_LIMITS.allowedMentionIds));
    raw.forEach((item, i) => {
      const ok = key === 'parse' ? ['users', 'roles', 'everyone'].includes(item) : SNOWFLAKE.test(String(item));
      if (!ok)
        complain(
          p,
          ['allowed_mentions', key, i],
          key === 'parse' ? 'ENUM_TYPE_COERCE' : 'NUMBER_TYPE_COERCE',
          key === 'parse' ? `Value "${item}" is not a valid enum value.` : `Value "${item}" is not snowflake.`,
        );
    });
    return raw.map(String);
  };
  const allowed = { parse: list('parse') ?? [], users: list('users'), roles: list('roles') };
  for (const kind of ['users', 'roles'] as const) {
    if (allowed.parse.includes(kind) && (allowed[kind]?.length ?? 0) > 0) {
      complain(
        p,
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
  return allowed;
}

/** Who `content` pings under `allowed_mentions` (absent: every mention in the content pings). */
export function pingsOf(content: string, allowed: Allowed): DiscordPings {
  const parse = allowed?.parse ?? ['users', 'roles', 'everyone'];
  const pick = (re: RegExp, kind: 'users' | 'roles') => {
    const ids = [...new Set([...content.matchAll(re)].map((m) => m[1] as string))];
    return parse.includes(kind) ? ids : ids.filter((id) => allowed?.[kind]?.includes(id));
  };
  const everyone = parse.includes('everyone');
  return {
    users: pick(/<@!?(\d+)>/g, 'users'),
    roles: pick(/<@&(\d+)>/g, 'roles'),
    everyone: everyone && content.includes('@everyone'),
    here: everyone && content.includes('@here'),
  };
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const webhookId = options.webhookId ?? '112233445566778899';
  const token = options.token ?? 'fake-discord-token';
  const channelId = '998877665544332211';
  const threads = new Set(options.threads ?? []);
  const messages: DiscordMessage[] = [];
  let lastId = 1_300_000_000_000_000_000n;

  const handle = (req: IncomingRequest): Reply => {
    const m = /^\/api(?:\/v\d+)?\/webhooks\/([^/]+)\/([^/]+)\/?$/.exec(req.path);
    if (!m) return { status: 404, body: { message: '404: Not Found', code: 0 } };
    if (m[1] !== webhookId) return discordError(DISCORD_CODES.unknownWebhook);
    if (decodeURIComponent(m[2] ?? '') !== token) return discordError(DISCORD_CODES.invalidWebhookToken);

    const query: Problems = {};
    const wait = req.query.wait;
    if (wait !== undefined && !['true', 'false', 'True', 'False', '1', '0'].includes(wait))
      complain(query, ['wait'], 'BOOLEAN_TYPE_COERCE', `Value "${wait}" is not a valid boolean.`);
    const thread = req.query.thread_id;
    if (thread !== undefined && !SNOWFLAKE.test(thread))
      complain(query, ['thread_id'], 'NUMBER_TYPE_COERCE', `Value "${thread}" is not snowflake.`);
    if (Object.keys(query).length > 0) return discordError(DISCORD_CODES.invalidFormBody, undefined, query);
    if (thread !== undefined && !threads.has(thread)) return discordError(DISCORD_CODES.unknownChannel);

    // Without a JSON content type Discord reads a form, which has no message in it.
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/json')) return discordError(DISCORD_CODES.cannotSendEmpty);
    if (req.jsonError) return discordError(DISCORD_CODES.invalidJson);
    if (!isObject(req.json)) return discordError(DISCORD_CODES.cannotSendEmpty);
    const body = req.json;

    const p: Problems = {};
    checkString(p, ['content'], body.content, DISCORD_LIMITS.content);
    let total = 0;
    const embeds = body.embeds;
    if (embeds !== undefined && embeds !== null) {
      if (!Array.isArray(embeds))
        complain(p, ['embeds'], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      else {
        if (embeds.length > DISCORD_LIMITS.embeds)
          complain(p, ['embeds'], 'BASE_TYPE_MAX_LENGTH', tooLong(DISCORD_LIMITS.embeds));
        embeds.forEach((x, i) => {
          total += checkEmbed(p, i, x);
        });
        if (total > DISCORD_LIMITS.embedTotal)
          complain(
            p,
            ['embeds'],
            'MAX_EMBED_SIZE_EXCEEDED',
            `Embed size exceeds maximum size of ${DISCORD_LIMITS.embedTotal}`,
          );
      }
    }
    const allowed = checkAllowedMentions(p, body.allowed_mentions);
    if (Object.keys(p).length > 0) return discordError(DISCORD_CODES.invalidFormBody, undefined, p);

    const content = typeof body.content === 'string' ? body.content : '';
    const embedList = Array.isArray(embeds) ? (embeds as Record<string, unknown>[]) : [];
    if (content.trim() === '' && embedList.length === 0) return discordError(DISCORD_CODES.cannotSendEmpty);

    const pinged = pingsOf(content, allowed);
    const id = String(lastId + 1n);
    const message: DiscordMessage = {
      id,
      type: 0,
      channel_id: thread ?? channelId,
      content,
      // Discord gives each embed its type.
      embeds: embedList.map((x) => ({ type: 'rich', ...x })),
      mentions: pinged.users.map((u) => ({ id: u, username: `user${u.slice(-4)}`, bot: false })),
      mention_roles: pinged.roles,
      mention_everyone: pinged.everyone || pinged.here,
      timestamp: new Date(req.now).toISOString().replace('Z', '+00:00'),
      webhook_id: webhookId,
      author: { id: webhookId, username: 'Herald', bot: true },
      pinged,
    };
    const { pinged: _own, ...asDiscord } = message;
    const commit = () => {
      lastId += 1n;
      messages.push(message);
    };
    // wait=true: the saved message; otherwise Discord answers before saving, with nothing.
    return wait === 'true' || wait === 'True' || wait === '1'
      ? { status: 200, body: asDiscord, accepted: true, commit }
      : { status: 204, accepted: true, commit };
  };

  const rateLimitReply = (seconds: number, global: boolean): Reply => ({
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: seconds, global },
    headers: {
      'retry-after': String(Math.ceil(seconds)),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': seconds.toFixed(3),
      'x-ratelimit-bucket': 'fake-webhook-bucket',
      'x-ratelimit-scope': global ? 'global' : 'shared',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  });

  const fake = await startFakeServer<DiscordFailure>(
    {
      handle,
      scripted: (f) => {
        if (f.kind === 'rateLimit')
          return rateLimitReply(f.retryAfterSeconds ?? 1, (f as { global?: boolean }).global === true);
        return discordError(f.code, f.message);
      },
      methodNotAllowed: () => ({ status: 405, body: { message: '405: Method Not Allowed', code: 0 } }),
      platformLimits: () => DISCORD_RATE_LIMITS,
      // The wait to the millisecond, as Discord gives it.
      rateLimited: (_req, waitMs) => rateLimitReply(Math.round(waitMs) / 1000, false),
    },
    options,
  );
  return Object.defineProperty(
    Object.assign(fake, { webhookId, token, channelId, webhookUrl: `${fake.url}/api/webhooks/${webhookId}/${token}` }),
    'messages',
    { get: () => messages.slice() },
  ) as FakeDiscord;
}
