import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  createRateWindows,
  type RateLimit,
  type RateLimitOption,
  type RateWindows,
  rateLimitsOf,
} from './rate-limit.ts';

export type { RateLimit, RateLimitOption } from './rate-limit.ts';

/** An HTTP answer a fake gave, as sent. */
export type Answer = { status: number; headers: Record<string, string>; body: string; json: unknown };

/** One request a fake received, whatever it answered. */
export type ReceivedRequest = {
  /** When it arrived, on the fake's clock (`now()`), in ms. */
  at: number;
  method: string;
  /** The request target exactly as sent (percent-encoding intact). */
  url: string;
  path: string;
  /** Decoded query parameters (the last one wins when a name repeats). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed body; undefined when the body is empty or not JSON. */
  json: unknown;
  /** The platform took it: the message a user would see. */
  accepted: boolean;
  /** Who an accepted message notified (user ids, mobiles, `all`…), for platforms that mention people. */
  mentioned?: string[];
  /** Answered by a `failNext` script instead of the platform's own checks. */
  scripted: boolean;
  /** Refused by the enforced rate limit (`rateLimit` option), not by a script. */
  rateLimited: boolean;
  /** `timeout`: held open and never answered; `reset`: socket destroyed before any answer. */
  answer: Answer | 'timeout' | 'reset';
};

/** Scripted failures, consumed one per request in the order given. */
export type Failure =
  /** This HTTP status with an optional body; `retryAfterSeconds` adds a `Retry-After` header. */
  | { kind: 'status'; status: number; body?: string; retryAfterSeconds?: number }
  /** The platform's business error in its own answer shape (WeCom/DingTalk errcode, Feishu code, Telegram error_code). */
  | { kind: 'errcode'; code: number; message?: string }
  /** Read the request, never answer; the connection stays open until `close()`. */
  | { kind: 'timeout' }
  /** Read the request, then destroy the socket. */
  | { kind: 'reset' }
  /** The platform's own rate-limit answer; `code` picks a variant where it has several. */
  | { kind: 'rateLimit'; retryAfterSeconds?: number; code?: number };

export type BusinessFailure = Extract<Failure, { kind: 'errcode' | 'rateLimit' }>;

/** What a platform decided: `body` objects are sent as JSON, strings as text. */
export type Reply = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  accepted?: boolean;
  /** Who the message notifies, as the platform reads its mentions (recorded once accepted). */
  mentioned?: string[];
  /** A delivery's side effects (message ids), run only once the rate limit lets it through. */
  commit?: () => void;
};

/** A request as a platform sees it. */
export type IncomingRequest = {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  bodyBytes: number;
  /** undefined when the body is empty or not JSON (`jsonError` tells which). */
  json: unknown;
  jsonError: boolean;
  /** The fake's clock at arrival, ms. */
  now: number;
};

/** How one platform checks requests and phrases its answers. */
export type PlatformSpec = {
  /** Checks a POST the way the platform does; `accepted: true` only for a delivered message. */
  handle(req: IncomingRequest): Reply;
  /** The platform's own answer for a scripted business error or rate limit. */
  scripted(failure: BusinessFailure, req: IncomingRequest): Reply;
  /** Its answer to anything but POST (default: 405 with `Allow: POST`). */
  methodNotAllowed?(req: IncomingRequest): Reply;
  /** Whose windows a send counts in, e.g. Telegram's chat (default: one set for the whole fake). */
  rateKey?(req: IncomingRequest): string;
  /** Its real limits for a key, for `rateLimit: 'platform'` (default: none). */
  platformLimits?(key: string): readonly RateLimit[];
  /**
   * Its answer to a send over the limit, `waitMs` until one would pass. Default: its scripted
   * rate-limit answer with `retryAfterSeconds` = that wait rounded up (used where the platform gives one).
   */
  rateLimited?(req: IncomingRequest, waitMs: number): Reply;
};

export type FakeServerOptions = {
  /** The clock signature windows and `at` are read from (default `Date.now`). */
  now?: () => number;
  /**
   * Enforce rate limits for real, in sliding windows on `now()`: `'platform'` for the platform's
   * own (each exports them as `<PLATFORM>_RATE_LIMITS`), or limits of your own. Strict, like WeCom:
   * every POST that passes the platform's checks counts against every window, refused ones too;
   * over a limit comes the platform's rate-limit answer. Per fake, except Telegram (per chat). Off unless given.
   */
  rateLimit?: RateLimitOption;
  /** Listen on this port of 127.0.0.1 (default: any free one), for a server started before the fake. */
  port?: number;
};

export type WaitOptions = { timeoutMs?: number };

export type FakePlatform<F extends Failure = Failure> = {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request, rejected ones included, in arrival order. */
  readonly received: ReceivedRequest[];
  /** Only the requests the platform accepted (the messages a user would see). */
  readonly accepted: ReceivedRequest[];
  /** Only the requests the enforced rate limit refused (scripted rate limits are not among them). */
  readonly refused: ReceivedRequest[];
  /** Script the next `times` requests to fail this way (queued after earlier scripts). */
  failNext(failure: F, times?: number): void;
  clearFailures(): void;
  readonly pendingFailures: number;
  /** Resolves once `n` requests have arrived (all of them, rejected ones too). */
  waitForRequests(n: number, options?: WaitOptions): Promise<ReceivedRequest[]>;
  /** Resolves once `n` requests have been accepted. */
  waitForAccepted(n: number, options?: WaitOptions): Promise<ReceivedRequest[]>;
  /** Forget received requests, scripted failures and the rate-limit windows and penalties. */
  clear(): void;
  /** Stop listening and end every connection, hung ones included. */
  close(): Promise<void>;
};

const DEFAULT_WAIT_MS = 10_000;

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Waiter = {
  n: number;
  which: 'received' | 'accepted';
  resolve: () => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
};

/** An HTTP server on 127.0.0.1 (port chosen by the OS) that answers as `spec` says, records and fails on script. */
export async function startFakeServer<F extends Failure>(
  spec: PlatformSpec,
  options: FakeServerOptions = {},
): Promise<FakePlatform<F>> {
  const now = options.now ?? Date.now;
  const received: ReceivedRequest[] = [];
  const script: Failure[] = [];
  const given = options.rateLimit;
  const ownLimits = given === undefined || given === 'platform' ? null : rateLimitsOf(given);
  const windows = new Map<string, RateWindows>();
  const sockets = new Set<Socket>();
  const waiters = new Set<Waiter>();
  let closed = false;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => {});
    req.on('end', () => respond(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_err, s) => s.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const count = (which: Waiter['which']) =>
    which === 'received' ? received.length : received.filter((r) => r.accepted).length;

  function notify() {
    for (const w of waiters) {
      if (count(w.which) >= w.n) {
        clearTimeout(w.timer);
        waiters.delete(w);
        w.resolve();
      }
    }
  }

  function waitFor(which: Waiter['which'], n: number, timeoutMs = DEFAULT_WAIT_MS): Promise<ReceivedRequest[]> {
    const result = () => (which === 'received' ? received.slice() : received.filter((r) => r.accepted));
    if (count(which) >= n) return Promise.resolve(result());
    if (closed) return Promise.reject(new Error('fake platform is closed'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        n,
        which,
        resolve: () => resolve(result()),
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`waited ${timeoutMs} ms for ${n} ${which} requests at ${url}, got ${count(which)}`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  /** Counts a send that passed the platform's checks; null when it may go through. */
  function overRateLimit(req: IncomingRequest): Reply | null {
    if (given === undefined) return null;
    const key = spec.rateKey?.(req) ?? '';
    let w = windows.get(key);
    if (!w) {
      w = createRateWindows(ownLimits ?? spec.platformLimits?.(key) ?? []);
      windows.set(key, w);
    }
    const verdict = w.take(req.now);
    if (verdict.ok) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.waitMs / 1000));
    return spec.rateLimited?.(req, verdict.waitMs) ?? spec.scripted({ kind: 'rateLimit', retryAfterSeconds }, req);
  }

  function respond(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const target = new URL(req.url ?? '/', url);
    const rawBody = body.toString('utf8');
    let json: unknown;
    let jsonError = false;
    if (rawBody.length > 0) {
      try {
        json = JSON.parse(rawBody);
      } catch {
        jsonError = true;
      }
    }
    const incoming: IncomingRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: req.headers,
      rawBody,
      bodyBytes: body.length,
      json,
      jsonError,
      now: now(),
    };
    const record = (
      accepted: boolean,
      scripted: boolean,
      answer: ReceivedRequest['answer'],
      rateLimited = false,
      mentioned?: string[],
    ) => {
      const { now: at, bodyBytes: _b, jsonError: _j, ...rest } = incoming;
      received.push({ at, ...rest, accepted, scripted, rateLimited, answer, ...(mentioned ? { mentioned } : {}) });
      notify();
    };

    const failure = script.shift();
    if (failure?.kind === 'timeout') return record(false, true, 'timeout');
    if (failure?.kind === 'reset') {
      record(false, true, 'reset');
      req.socket.destroy();
      return;
    }
    if (failure) {
      const reply = failure.kind === 'status' ? statusReply(failure) : spec.scripted(failure, incoming);
      return record(false, true, send(res, { ...reply, accepted: false }));
    }

    if (incoming.method !== 'POST') {
      const reply = spec.methodNotAllowed?.(incoming) ?? {
        status: 405,
        body: 'Method Not Allowed',
        headers: { allow: 'POST' },
      };
      return record(false, false, send(res, reply));
    }
    const reply = spec.handle(incoming);
    if (!reply.accepted) return record(false, false, send(res, reply));
    const refusal = overRateLimit(incoming);
    if (refusal) return record(false, false, send(res, { ...refusal, accepted: false }), true);
    reply.commit?.();
    record(true, false, send(res, reply), false, reply.mentioned);
  }

  const fake: FakePlatform<F> = {
    url,
    received,
    get accepted() {
      return received.filter((r) => r.accepted);
    },
    get refused() {
      return received.filter((r) => r.rateLimited);
    },
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) script.push(failure);
    },
    clearFailures() {
      script.length = 0;
    },
    get pendingFailures() {
      return script.length;
    },
    waitForRequests: (n, o) => waitFor('received', n, o?.timeoutMs),
    waitForAccepted: (n, o) => waitFor('accepted', n, o?.timeoutMs),
    clear() {
      received.length = 0;
      script.length = 0;
      windows.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake platform closed while waiting'));
      }
      waiters.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
    },
  };
  return fake;
}

function statusReply(f: Extract<Failure, { kind: 'status' }>): Reply {
  return {
    status: f.status,
    body: f.body ?? STATUS_CODES[f.status] ?? '',
    ...(f.retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(f.retryAfterSeconds) } } : {}),
  };
}

function send(res: ServerResponse, reply: Reply): Answer {
  const headers: Record<string, string> = { ...reply.headers };
  let body = '';
  let json: unknown;
  if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
    if (typeof reply.body === 'string') {
      body = reply.body;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else {
      body = JSON.stringify(reply.body);
      json = JSON.parse(body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
  }
  res.writeHead(reply.status, headers);
  res.end(body);
  return { status: reply.status, headers, body, json };
}
