import { Agent, type Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { createConnector } from './connector.ts';
import { parseProxyUrl } from './proxy-url.ts';
import type { Lookup } from './resolve.ts';
import type { TlsTrust } from './tcp-tls.ts';

export type DispatcherOptions = {
  policy: AddressPolicy;
  connectTimeoutMs: number;
  /** `http(s)://`, `socks5(h)://` or `socks4(a)://`, credentials allowed; none = direct. */
  proxyUrl?: string | undefined;
  lookup?: Lookup | undefined;
  tls?: TlsTrust | undefined;
};

/**
 * An undici Agent whose every connection goes through the policy-checking connector, direct
 * or through the proxy. Throws ConnectFailure (kind `request`) for a bad proxy URL.
 */
export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const proxy = o.proxyUrl ? parseProxyUrl(o.proxyUrl) : undefined;
  const connect = createConnector({
    policy: o.policy,
    connectTimeoutMs: o.connectTimeoutMs,
    proxy,
    lookup: o.lookup,
    tls: o.tls,
  });
  // HTTP/1.1 only: the connector offers ALPN http/1.1 and hands undici a finished socket.
  return new Agent({ connect, allowH2: false });
}

export type DispatcherCache = {
  /** The shared dispatcher for this proxy (or direct) and connect timeout, so keep-alive works. */
  get(proxyUrl: string | undefined, connectTimeoutMs: number): Dispatcher;
  closeAll(): Promise<void>;
};

// Proxy URLs come from a handful of targets; the bound only guards against churn.
const MAX_CACHED = 64;

/** One cache per policy: dispatchers built for one allowlist never serve another. */
export function createDispatcherCache(o: Omit<DispatcherOptions, 'proxyUrl' | 'connectTimeoutMs'>): DispatcherCache {
  const cache = new Map<string, Dispatcher>();
  return {
    get(proxyUrl, connectTimeoutMs) {
      // Holds credentials: the key stays in memory and is never logged.
      const key = `${proxyUrl?.trim() || 'direct'}\n${connectTimeoutMs}`;
      let dispatcher = cache.get(key);
      if (!dispatcher) {
        dispatcher = createDispatcher({ ...o, proxyUrl: proxyUrl?.trim() || undefined, connectTimeoutMs });
        cache.set(key, dispatcher);
        if (cache.size > MAX_CACHED) {
          const [oldestKey, oldest] = cache.entries().next().value as [string, Dispatcher];
          cache.delete(oldestKey);
          // Graceful: requests still running on it finish.
          oldest.close().catch(() => {});
        }
      }
      return dispatcher;
    },
    async closeAll() {
      const all = [...cache.values()];
      cache.clear();
      await Promise.all(all.map((d) => d.close()));
    },
  };
}
