import pkg from '../../package.json' with { type: 'json' };
import { redactText } from '../logger.ts';
import type { AddressPolicy } from './address-policy.ts';
import { attempt, type HttpResponse } from './attempt.ts';
import { createDispatcherCache } from './dispatcher.ts';
import { ConnectFailure, TransportError, type Via } from './errors.ts';
import { buildRequestHeaders } from './request-headers.ts';
import type { Lookup } from './resolve.ts';
import { type OpenedSocket, type OpenSocketOptions, openCheckedSocket } from './tcp-socket.ts';
import type { TlsTrust } from './tcp-tls.ts';

export type { HttpResponse, ResponseHeaders } from './attempt.ts';

export const USER_AGENT = `Herald/${pkg.version}`;

export type HttpClientOptions = {
  policy: AddressPolicy;
  /** Tests only: resolve names without DNS. */
  lookup?: Lookup | undefined;
  /** Tests only: trust a self-signed certificate. */
  tls?: TlsTrust | undefined;
  userAgent?: string | undefined;
};

export type PostJsonOptions = {
  url: string;
  /** Already-serialized JSON. */
  body: string;
  headers?: Readonly<Record<string, string>> | undefined;
  proxyUrl?: string | null | undefined;
  /** When the proxy itself fails before the request is sent, send once directly. */
  proxyFallbackToDirect?: boolean | undefined;
  /** DNS + TCP + proxy handshake + TLS. Default 5000. */
  connectTimeoutMs?: number | undefined;
  /** The whole call, fallback included. Default 10000. */
  totalTimeoutMs?: number | undefined;
  /** Default 64 KiB. */
  maxResponseBytes?: number | undefined;
  /** Aborts the request (and the connection it is on). */
  signal?: AbortSignal | undefined;
};

/** A GET for JSON (a health endpoint): no body, no proxy, the same checks and limits. */
export type GetJsonOptions = Pick<
  PostJsonOptions,
  'url' | 'headers' | 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxResponseBytes' | 'signal'
>;

export type PostJsonResult = HttpResponse & {
  /** Set when the proxy failed and the direct fallback answered. */
  proxyError?: TransportError;
};

export type HttpClient = {
  /** Resolves with any HTTP answer (2xx or not); rejects with TransportError when there is none. */
  postJson(o: PostJsonOptions): Promise<PostJsonResult>;
  /** The same for a GET: resolves with any HTTP answer, rejects with TransportError when there is none. */
  getJson(o: GetJsonOptions): Promise<HttpResponse>;
  /** A checked TCP socket under the same policy, proxy rules and TLS trust, for SMTP. */
  openSocket(o: OpenSocketOptions): Promise<OpenedSocket>;
  /** Closes every pooled connection; running requests finish first. */
  close(): Promise<void>;
};

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const dispatchers = createDispatcherCache({ policy: options.policy, lookup: options.lookup, tls: options.tls });
  const userAgent = options.userAgent ?? USER_AGENT;

  async function getJson(o: GetJsonOptions): Promise<HttpResponse> {
    const connectTimeoutMs = o.connectTimeoutMs ?? 5_000;
    const totalTimeoutMs = o.totalTimeoutMs ?? 10_000;
    const secrets = secretsOf(o.url, undefined);
    try {
      const url = parseTargetUrl(o.url);
      const { 'content-type': _, ...headers } = buildRequestHeaders(o.headers, userAgent);
      return await attempt({
        dispatcher: dispatchers.get(undefined, Math.min(connectTimeoutMs, totalTimeoutMs)),
        url,
        method: 'GET',
        headers: { accept: 'application/json', ...headers },
        timeoutMs: totalTimeoutMs,
        maxResponseBytes: o.maxResponseBytes ?? 64 * 1024,
        via: 'direct',
        secrets,
        signal: o.signal,
      });
    } catch (err) {
      throw asTransportError(err, 'direct', secrets);
    }
  }

  async function postJson(o: PostJsonOptions): Promise<PostJsonResult> {
    const connectTimeoutMs = o.connectTimeoutMs ?? 5_000;
    const totalTimeoutMs = o.totalTimeoutMs ?? 10_000;
    const deadline = performance.now() + totalTimeoutMs;
    const proxyUrl = o.proxyUrl?.trim() || undefined;
    const secrets = secretsOf(o.url, proxyUrl);

    const send = (via: Via, url: URL, headers: Record<string, string>) => {
      const timeoutMs = Math.max(1, Math.round(deadline - performance.now()));
      // Clamped to the configured total, not to what is left of it: the value keys the dispatcher cache.
      const dispatcher = dispatchers.get(
        via === 'proxy' ? proxyUrl : undefined,
        Math.min(connectTimeoutMs, totalTimeoutMs),
      );
      const maxResponseBytes = o.maxResponseBytes ?? 64 * 1024;
      return attempt({
        dispatcher,
        url,
        body: o.body,
        headers,
        timeoutMs,
        maxResponseBytes,
        via,
        secrets,
        signal: o.signal,
      });
    };

    let url: URL;
    let headers: Record<string, string>;
    try {
      url = parseTargetUrl(o.url);
      headers = buildRequestHeaders(o.headers, userAgent);
      if (!proxyUrl) return await send('direct', url, headers);
      return await send('proxy', url, headers);
    } catch (err) {
      const failure = asTransportError(err, proxyUrl ? 'proxy' : 'direct', secrets);
      // Only a proxy that failed before the request left is safe to bypass: anything later could double-send.
      if (!o.proxyFallbackToDirect || failure.via !== 'proxy' || failure.delivered || failure.stage !== 'proxy') {
        throw failure;
      }
      if (performance.now() >= deadline) throw failure;
      try {
        const result = await send('direct', parseTargetUrl(o.url), buildRequestHeaders(o.headers, userAgent));
        return { ...result, proxyError: failure };
      } catch (directErr) {
        const direct = asTransportError(directErr, 'direct', secrets);
        const message = `${direct.message} (direct, after the proxy failed: ${failure.message})`;
        throw new TransportError({ ...direct, message, proxyError: failure });
      }
    }
  }

  const sockets = { policy: options.policy, lookup: options.lookup, tls: options.tls };
  return {
    postJson,
    getJson,
    openSocket: (o) => openCheckedSocket(sockets, o),
    close: () => dispatchers.closeAll(),
  };
}

function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectFailure('request', 'local', 'the webhook URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectFailure('request', 'local', `URL scheme "${url.protocol}" is not supported (use http or https)`);
  }
  if (url.username || url.password) {
    throw new ConnectFailure(
      'request',
      'local',
      'credentials in the webhook URL are not supported: send them in a header',
    );
  }
  return url;
}

function asTransportError(err: unknown, via: Via, secrets: readonly string[]): TransportError {
  if (err instanceof TransportError) return err;
  if (err instanceof ConnectFailure) {
    const message = redactText(err.message, secrets);
    return new TransportError({ kind: err.kind, stage: err.stage, message, delivered: false, via, code: err.sysCode });
  }
  const message = redactText(err instanceof Error ? err.message : String(err), secrets);
  return new TransportError({ kind: 'request', stage: 'local', message, delivered: false, via });
}

/** A path segment made of words (`redirect`, `sendMessage`, `open-apis`) rather than a token. */
const WORDS = /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*(?:[-_.][A-Za-z][a-z]*(?:[A-Z][a-z]+)*)*$/;

/**
 * Everything in a webhook or proxy URL that can carry a token, for masking in messages. A segment
 * of words is masked only as a path part (`/redirect`), so the same word in a message stays.
 */
export function secretsOf(url: string, proxyUrl: string | undefined): string[] {
  const secrets: string[] = [];
  try {
    const u = new URL(url);
    const segments = u.pathname.split('/').filter((s) => s.length >= 8);
    secrets.push(u.search.slice(1), ...segments.map((s) => (WORDS.test(s) ? `/${s}` : s)), `${u.pathname}${u.search}`);
  } catch {
    // An unparseable URL is never echoed anyway.
  }
  if (proxyUrl) {
    try {
      // The password; the user name and host:port are not secret and appear in messages.
      const p = new URL(proxyUrl);
      secrets.push(p.password, safeDecode(p.password));
    } catch {
      // Same.
    }
  }
  // Longest first, so a token is masked whole before any part of it.
  return secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
