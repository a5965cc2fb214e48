import {
  type Answer,
  type BusinessFailure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type ReceivedRequest,
  type Reply,
  startFakeServer,
  utf8Bytes,
} from './base.ts';

/**
 * ntfy "Publish as JSON" (docs.ntfy.sh/publish): `POST /` with `{topic, message, title, tags,
 * priority, markdown, …}`. Answers are ntfy's own: the stored message on success, and
 * `{code, http, error, link}` on failure with the codes and texts of server/errors.go.
 */

/** publish.md "Limitations": a message is at most 4,096 bytes; longer ones become an attachment. */
export const NTFY_MESSAGE_MAX_BYTES = 4096;
/** ntfy reads a JSON body up to twice the message limit (41303 beyond). */
export const NTFY_JSON_MAX_BYTES = 2 * NTFY_MESSAGE_MAX_BYTES;
/** config.md "Request limits": a bucket of 60 requests per visitor, one more every 5 s. */
export const NTFY_REQUEST_LIMIT = { burst: 60, refillMs: 5_000 } as const;
/** ntfy's default cache-duration: `expires` is 12 h after `time`. */
const CACHE_SECONDS = 12 * 3600;

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
const RESERVED = ['docs', 'static', 'file', 'app', 'metrics', 'account', 'settings', 'signup', 'login', 'v1'];
/** The fields ntfy's JSON publishing takes (publish.md, the table under "Publish as JSON"). */
const FIELDS = new Set([
  'topic',
  'message',
  'title',
  'tags',
  'priority',
  'actions',
  'click',
  'attach',
  'markdown',
  'icon',
  'filename',
  'delay',
  'email',
  'call',
  'sequence_id',
]);

/** server/errors.go, the ones a publish can meet. */
export const NTFY_ERRORS = {
  40007: [400, 'invalid priority parameter'],
  40009: [400, 'invalid request: topic invalid'],
  40010: [400, 'invalid request: topic name is disallowed'],
  40014: [400, 'invalid request: attachments not allowed'],
  40017: [400, 'invalid request: request body must be message JSON'],
  40018: [400, 'invalid request: actions invalid'],
  40101: [401, 'unauthorized'],
  40301: [403, 'forbidden'],
  40401: [404, 'page not found'],
  41301: [413, 'attachment too large, or bandwidth limit reached'],
  41303: [413, 'JSON body too large'],
  42901: [429, 'limit reached: too many requests, please be nice'],
  42908: [429, 'limit reached: too many messages'],
  50001: [500, 'internal server error'],
} as const satisfies Record<number, readonly [number, string]>;
export type NtfyCode = keyof typeof NTFY_ERRORS;

/** ntfy's error answer; `detail` is appended the way ntfy wraps errors (`…, detail`). */
export function ntfyError(code: number, detail?: string): Reply {
  const known = NTFY_ERRORS[code as NtfyCode] as readonly [number, string] | undefined;
  const http = known?.[0] ?? Math.floor(code / 100);
  const text = known?.[1] ?? 'error';
  return {
    status: http,
    body: { code, http, error: detail ? `${text}, ${detail}` : text, link: 'https://ntfy.sh/docs/publish/' },
  };
}

/** A message as ntfy stored it (its answer to a publish). */
export type NtfyMessage = {
  id: string;
  time: number;
  expires: number;
  event: 'message';
  topic: string;
  title?: string;
  message: string;
  priority?: number;
  tags?: string[];
  content_type?: 'text/markdown';
  click?: string;
  actions?: NtfyAction[];
};

/** An action button as ntfy stores it (server/actions.go; the id is ntfy's own). */
export type NtfyAction = { id: string; action: string; label: string; url?: string; clear: boolean };

/** ntfy's own checks of `actions` (server/actions.go): at most 3, a known action, a label, a URL where one opens. */
function checkActions(v: unknown): { ok: true; actions: NtfyAction[] } | { ok: false; detail: string } {
  if (!Array.isArray(v)) return { ok: false, detail: 'actions must be a JSON array' };
  if (v.length > 3) return { ok: false, detail: 'only 3 actions allowed' };
  const actions: NtfyAction[] = [];
  for (const [i, a] of v.entries()) {
    if (!isObject(a)) return { ok: false, detail: `action ${i} must be an object` };
    const action = String(a.action ?? '').toLowerCase();
    if (!['view', 'broadcast', 'http'].includes(action)) return { ok: false, detail: `action '${action}' unknown` };
    if (typeof a.label !== 'string' || a.label === '') return { ok: false, detail: "parameter 'label' is required" };
    if (action !== 'broadcast' && (typeof a.url !== 'string' || a.url === '')) {
      return { ok: false, detail: `parameter 'url' is required for action '${action}'` };
    }
    actions.push({
      id: `act${i}`,
      action,
      label: a.label,
      ...(typeof a.url === 'string' ? { url: a.url } : {}),
      clear: a.clear === true,
    });
  }
  return { ok: true, actions };
}

export type FakeNtfyOptions = FakeServerOptions & {
  /** The topic Herald publishes to (default `herald-alerts`). */
  topic?: string;
  /**
   * An access token that alone may write the topic (ntfy with `auth-default-access: deny-all`):
   * no token answers 40301, another one 40101. Unset: the topic is open, as on ntfy.sh.
   */
  token?: string;
};

export type FakeNtfy = FakePlatform & {
  topic: string;
  token: string | null;
  /** `http://127.0.0.1:<port>/<topic>`: what a target's webhookUrl is. */
  topicUrl: string;
  /** The messages delivered so far, as ntfy answered them. */
  readonly messages: NtfyMessage[];
};

type Checked = { ok: true; message: NtfyMessage } | { ok: false; reply: Reply };

function checkMessage(p: Record<string, unknown>, topic: string): Checked {
  const fail = (code: number, detail?: string): Checked => ({ ok: false, reply: ntfyError(code, detail) });
  const unknown = Object.keys(p).filter((k) => !FIELDS.has(k));
  // ntfy ignores unknown keys; refusing them keeps a misspelt field from passing unseen.
  if (unknown.length > 0) return fail(40017, `unknown field(s) ${unknown.join(', ')}`);
  const { title, message, tags, priority, markdown, click } = p;
  if (click !== undefined && typeof click !== 'string') return fail(40017, 'click must be a string');
  const actions = p.actions === undefined ? null : checkActions(p.actions);
  if (actions && !actions.ok) return fail(40018, actions.detail);
  if (title !== undefined && typeof title !== 'string') return fail(40017, 'title must be a string');
  if (message !== undefined && typeof message !== 'string') return fail(40017, 'message must be a string');
  if (markdown !== undefined && typeof markdown !== 'boolean') return fail(40017, 'markdown must be a boolean');
  if (tags !== undefined && (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string' && t.trim() !== ''))) {
    return fail(40017, 'tags must be a list of non-empty strings');
  }
  if (
    priority !== undefined &&
    !(Number.isInteger(priority) && (priority as number) >= 1 && (priority as number) <= 5)
  ) {
    return fail(40007);
  }
  const text = (message as string | undefined) ?? '';
  // Longer text becomes attachment.txt where attachments are on; a user would not read it in the notification.
  if (utf8Bytes(text) > NTFY_MESSAGE_MAX_BYTES)
    return fail(40014, 'attachment-cache-dir must be configured for this feature');
  return {
    ok: true,
    message: {
      id: '',
      time: 0,
      expires: 0,
      event: 'message',
      topic,
      ...(title ? { title: title as string } : {}),
      message: text === '' ? 'triggered' : text,
      ...(priority !== undefined ? { priority: priority as number } : {}),
      ...(Array.isArray(tags) && tags.length > 0 ? { tags: tags as string[] } : {}),
      ...(markdown === true ? { content_type: 'text/markdown' as const } : {}),
      ...(typeof click === 'string' && click ? { click } : {}),
      ...(actions?.ok && actions.actions.length > 0 ? { actions: actions.actions } : {}),
    },
  };
}

export async function startFakeNtfy(options: FakeNtfyOptions = {}): Promise<FakeNtfy> {
  const ownTopic = options.topic ?? 'herald-alerts';
  const token = options.token ?? null;
  const platformLimit = options.rateLimit === 'platform';
  const now = options.now ?? Date.now;
  let bucket: { tokens: number; at: number } = { tokens: NTFY_REQUEST_LIMIT.burst, at: now() };
  let ids = 0;

  /** Go's rate.Limiter as ntfy uses it: a refused request takes no token. */
  function overLimit(at: number): boolean {
    if (!platformLimit) return false;
    const refill = (at - bucket.at) / NTFY_REQUEST_LIMIT.refillMs;
    bucket = { tokens: Math.min(NTFY_REQUEST_LIMIT.burst, bucket.tokens + refill), at };
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }

  function authorize(req: IncomingRequest, topic: string): Reply | null {
    if (token === null) return null;
    const auth = req.headers.authorization;
    if (auth === undefined) return ntfyError(40301);
    if (auth !== `Bearer ${token}`) return ntfyError(40101);
    return topic === ownTopic ? null : ntfyError(40301);
  }

  const handle = (req: IncomingRequest): Reply => {
    // The visitor's request limit comes before everything else (server.go limitRequests).
    if (overLimit(req.now)) return ntfyError(42901);
    if (req.path !== '/') {
      if (!TOPIC.test(req.path.slice(1))) return ntfyError(40401);
      // ntfy would publish the JSON as the message text: a user would read raw JSON.
      return {
        status: 200,
        body: { event: 'message', topic: req.path.slice(1), message: req.rawBody },
        accepted: false,
      };
    }
    if (req.bodyBytes > NTFY_JSON_MAX_BYTES) return ntfyError(41303);
    if (req.jsonError || !isObject(req.json)) return ntfyError(40017);
    const topic = req.json.topic;
    if (typeof topic !== 'string' || !TOPIC.test(topic)) return ntfyError(40009);
    if (RESERVED.includes(topic)) return ntfyError(40010);
    const denied = authorize(req, topic);
    if (denied) return denied;
    const checked = checkMessage(req.json, topic);
    if (!checked.ok) return checked.reply;
    const time = Math.floor(req.now / 1000);
    const id = `hrld${String(ids + 1).padStart(8, '0')}`;
    return {
      status: 200,
      body: { ...checked.message, id, time, expires: time + CACHE_SECONDS },
      accepted: true,
      commit: () => {
        ids += 1;
      },
    };
  };

  const scripted = (f: BusinessFailure): Reply =>
    f.kind === 'rateLimit' ? ntfyError(f.code ?? 42901) : ntfyError(f.code, f.message);

  const { rateLimit: _platform, ...rest } = options;
  const fake = await startFakeServer({ handle, scripted }, platformLimit ? rest : options);
  const answered429 = (r: ReceivedRequest) => !r.scripted && typeof r.answer === 'object' && r.answer.status === 429;
  return Object.defineProperties(Object.assign(fake, { topic: ownTopic, token, topicUrl: `${fake.url}/${ownTopic}` }), {
    // The bucket answers inside the platform's checks, so its refusals are found by their answer.
    refused: { get: () => fake.received.filter((r) => r.rateLimited || (platformLimit && answered429(r))) },
    messages: { get: () => fake.accepted.map((r) => (r.answer as Answer).json as NtfyMessage) },
  }) as FakeNtfy;
}
