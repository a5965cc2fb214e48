/**
 * Outbound HTTP for channel senders.
 *
 * - Every connection is resolved and checked against the address policy inside undici's
 *   connect hook, and made to the checked IP (TLS SNI and Host keep the name): DNS
 *   rebinding and IP-literal tricks meet the same check. Proxies are checked too.
 * - socks5:// and socks4:// resolve here and hand the proxy the checked IP. socks5h://,
 *   socks4a:// and HTTP(S) proxies resolve the name themselves: we refuse IP literals and names
 *   that resolve here to any refused address, but a name only the proxy can resolve passes
 *   unchecked (limit). The SOCKS handshakes are the `socks` package's, on our checked socket.
 * - HTTP proxies always get CONNECT, http targets too (a proxy's error page can then never
 *   pass for the platform's answer). Proxies that allow CONNECT only to 443 refuse http targets.
 * - Redirects are never followed. Any 3xx with a Location is a `redirect` TransportError.
 * - `delivered: false` only when the request bytes were certainly not sent; fallback from
 *   proxy to direct happens only then, and only for failures of the proxy itself.
 */
export { type AddressPolicy, type AddressVerdict, createAddressPolicy } from './address-policy.ts';
export { createDispatcher, createDispatcherCache, type DispatcherCache } from './dispatcher.ts';
export { TransportError, type TransportErrorKind, type TransportStage, type Via } from './errors.ts';
export {
  createHttpClient,
  type GetJsonOptions,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
  type PostJsonOptions,
  type PostJsonResult,
  type ResponseHeaders,
  USER_AGENT,
} from './http-client.ts';
export type { Lookup } from './resolve.ts';
export type { OpenedSocket, OpenSocketOptions } from './tcp-socket.ts';
export type { TlsTrust } from './tcp-tls.ts';
