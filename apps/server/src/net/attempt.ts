import type { Dispatcher } from 'undici';
import { redactText } from '../logger.ts';
import { ConnectFailure, errorCode, TransportError, type TransportErrorKind, type Via } from './errors.ts';

export type ResponseHeaders = Record<string, string | string[]>;

export type HttpResponse = {
  status: number;
  headers: ResponseHeaders;
  /** UTF-8 text, cut at maxResponseBytes. */
  body: string;
  truncated: boolean;
  latencyMs: number;
  via: Via;
};

export type AttemptOptions = {
  dispatcher: Dispatcher;
  url: URL;
  /** POST (the default) with a body, or GET without one. */
  method?: 'POST' | 'GET';
  body?: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxResponseBytes: number;
  via: Via;
  /** Strings to mask in any message (the URL, its token-bearing parts, proxy credentials). */
  secrets: readonly string[];
  /** Ends the attempt at once (the socket is dropped): the caller is stopping. */
  signal?: AbortSignal | undefined;
};

/**
 * One request (a POST, or a GET) through one dispatcher. A raw dispatch handler rather than undici's `request()`
 * because `onRequestStart` marks the exact moment before the first byte is written: a failure
 * before it is certainly undelivered, one after it may have reached the platform.
 */
export function attempt(o: AttemptOptions): Promise<HttpResponse> {
  const where = o.url.host;
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let controller: Dispatcher.DispatchController | null = null;
    let written = false;
    let settled = false;
    let status = 0;
    let headers: ResponseHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;

    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', aborted);
      finish();
      // Stop whatever is still running; its late callbacks are ignored.
      controller?.abort(new Error('herald: attempt settled'));
    };
    const fail = (err: TransportError) => settle(() => reject(redacted(err, o.secrets)));
    const succeed = (truncated: boolean) => {
      const latencyMs = Math.round(performance.now() - startedAt);
      const body = Buffer.concat(chunks).toString('utf8');
      if (!truncated) controller = null; // finished cleanly: keep the connection alive
      settle(() => resolve({ status, headers, body, truncated, latencyMs, via: o.via }));
    };

    const timer = setTimeout(() => {
      const message = written
        ? `no complete answer from ${where} within ${o.timeoutMs} ms`
        : `could not send to ${where} within ${o.timeoutMs} ms`;
      const stage = written ? 'target' : o.via === 'proxy' ? 'proxy' : 'target';
      fail(new TransportError({ kind: 'timeout', stage, message, delivered: written, via: o.via, code: 'ETIMEDOUT' }));
    }, o.timeoutMs);
    function aborted() {
      const message = `the send to ${where} was stopped before an answer came`;
      fail(
        new TransportError({
          kind: 'timeout',
          stage: 'target',
          message,
          delivered: written,
          via: o.via,
          code: 'ABORT_ERR',
        }),
      );
    }
    if (o.signal?.aborted) queueMicrotask(aborted);
    else o.signal?.addEventListener('abort', aborted, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        if (settled) {
          c.abort(new Error('herald: attempt settled'));
          return;
        }
        controller = c;
        written = true;
      },
      onResponseStart(_c, statusCode, responseHeaders) {
        if (settled || statusCode < 200) return;
        status = statusCode;
        headers = definedOnly(responseHeaders);
        const location = headers.location;
        if (statusCode >= 300 && statusCode < 400 && typeof location === 'string') {
          fail(redirectError(o.url, statusCode, location, o.via));
        }
      },
      onResponseData(_c, chunk) {
        if (settled) return;
        const room = o.maxResponseBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size = o.maxResponseBytes;
          // Stop reading: a huge or endless body costs the connection, not memory.
          succeed(true);
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd() {
        if (!settled) succeed(false);
      },
      onResponseError(_c, err) {
        if (!settled) fail(classify(err, written, where, o.via));
      },
    };

    try {
      const path = `${o.url.pathname}${o.url.search}`;
      const method = o.method ?? 'POST';
      o.dispatcher.dispatch(
        { origin: o.url.origin, path, method, headers: o.headers, ...(method === 'POST' ? { body: o.body } : {}) },
        handler,
      );
    } catch (err) {
      fail(classify(err, false, where, o.via));
    }
  });
}

function classify(err: unknown, written: boolean, where: string, via: Via): TransportError {
  if (err instanceof TransportError) return err;
  if (err instanceof ConnectFailure) {
    const { kind, stage, message, sysCode } = err;
    return new TransportError({ kind, stage, message, delivered: false, via, code: sysCode });
  }
  const code = errorCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (!written) {
    const kind: TransportErrorKind = code === 'UND_ERR_INVALID_ARG' ? 'request' : 'connect';
    const stage = kind === 'request' ? 'local' : 'target';
    return new TransportError({
      kind,
      stage,
      message: `could not send to ${where}: ${detail}`,
      delivered: false,
      via,
      code,
    });
  }
  const kind: TransportErrorKind =
    code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
      ? 'timeout'
      : code?.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'
        ? 'protocol'
        : 'reset';
  const message =
    kind === 'protocol'
      ? `${where} sent an invalid HTTP answer: ${detail}`
      : `the connection to ${where} failed after the request was sent: ${detail}`;
  return new TransportError({ kind, stage: 'target', message, delivered: true, via, code });
}

function redirectError(url: URL, status: number, location: string, via: Via): TransportError {
  let message: string;
  try {
    const to = new URL(location, url);
    // Only the origin: a Location may carry the same kind of token the webhook URL does.
    message =
      to.host === url.host && to.protocol === url.protocol
        ? `${url.host} answered ${status} with a redirect within the same host, which is not followed: update the webhook URL`
        : `${url.host} answered ${status} with a redirect to ${to.origin}, which is never followed`;
  } catch {
    message = `${url.host} answered ${status} with an invalid redirect, which is not followed`;
  }
  return new TransportError({ kind: 'redirect', stage: 'target', message, delivered: true, via, status });
}

function definedOnly(h: Record<string, string | string[] | undefined>): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = v;
  return out;
}

function redacted(err: TransportError, secrets: readonly string[]): TransportError {
  const message = redactText(err.message, secrets);
  if (message === err.message) return err;
  return new TransportError({ ...err, message });
}
