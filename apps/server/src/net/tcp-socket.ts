import type { Socket } from 'node:net';
import { redactText } from '../logger.ts';
import type { AddressPolicy } from './address-policy.ts';
import { createConnector } from './connector.ts';
import { ConnectFailure, TransportError, type Via } from './errors.ts';
import { parseProxyUrl } from './proxy-url.ts';
import type { Lookup } from './resolve.ts';
import type { TlsTrust } from './tcp-tls.ts';

export type OpenSocketOptions = {
  host: string;
  port: number;
  /** socks5(h):// or socks4(a):// only: an HTTP proxy's CONNECT is usually limited to port 443. */
  proxyUrl?: string | null | undefined;
  /** When the proxy itself fails (nothing was sent yet), connect once directly. */
  proxyFallbackToDirect?: boolean | undefined;
  /** DNS + TCP + proxy handshake. */
  connectTimeoutMs: number;
};

/** A plain TCP connection to the checked address; `tls` is the trust for a TLS layer the caller adds. */
export type OpenedSocket = { socket: Socket; via: Via; tls: TlsTrust };

export type SocketDeps = { policy: AddressPolicy; lookup?: Lookup | undefined; tls?: TlsTrust | undefined };

/**
 * A TCP socket to host:port for a protocol that is not HTTP (SMTP), made by the same connector
 * as webhooks: resolved, checked against the outbound policy, connected to the checked IP,
 * directly or through the target's SOCKS proxy. Rejects with TransportError (never delivered).
 */
export async function openCheckedSocket(deps: SocketDeps, o: OpenSocketOptions): Promise<OpenedSocket> {
  const proxyUrl = o.proxyUrl?.trim() || undefined;
  const secrets = proxySecrets(proxyUrl);
  const tls = deps.tls ?? {};
  if (!proxyUrl) return { socket: await connect(deps, o, undefined, secrets), via: 'direct', tls };
  try {
    return { socket: await connect(deps, o, proxyUrl, secrets), via: 'proxy', tls };
  } catch (err) {
    const failure = err as TransportError;
    if (!o.proxyFallbackToDirect || failure.stage !== 'proxy') throw failure;
    try {
      return { socket: await connect(deps, o, undefined, secrets), via: 'direct', tls };
    } catch (directErr) {
      const direct = directErr as TransportError;
      const message = `${direct.message} (direct, after the proxy failed: ${failure.message})`;
      throw new TransportError({ ...direct, message, proxyError: failure });
    }
  }
}

function connect(deps: SocketDeps, o: OpenSocketOptions, proxyUrl: string | undefined, secrets: string[]) {
  const via: Via = proxyUrl ? 'proxy' : 'direct';
  return new Promise<Socket>((resolve, reject) => {
    const fail = (err: unknown) => reject(asTransportError(err, via, secrets));
    let connector: ReturnType<typeof createConnector>;
    try {
      const proxy = proxyUrl ? parseProxyUrl(proxyUrl) : undefined;
      if (proxy && !proxy.protocol.startsWith('socks')) {
        const why = `${proxy.label} is an HTTP proxy: mail goes through SOCKS proxies only (socks5://, socks5h://, socks4://, socks4a://)`;
        throw new ConnectFailure('request', 'local', why);
      }
      connector = createConnector({ ...deps, connectTimeoutMs: o.connectTimeoutMs, proxy });
    } catch (err) {
      fail(err);
      return;
    }
    // `http:`: the connector adds no TLS; the caller speaks its protocol (and STARTTLS) itself.
    const host = o.host.includes(':') ? `[${o.host}]` : o.host;
    connector({ hostname: host, host, protocol: 'http:', port: String(o.port) }, (err, socket) => {
      if (err || !socket) fail(err);
      else resolve(socket as Socket);
    });
  });
}

function asTransportError(err: unknown, via: Via, secrets: readonly string[]): TransportError {
  if (err instanceof TransportError) return err;
  const message = redactText(err instanceof Error ? err.message : String(err), secrets);
  if (err instanceof ConnectFailure) {
    return new TransportError({ kind: err.kind, stage: err.stage, message, delivered: false, via, code: err.sysCode });
  }
  return new TransportError({ kind: 'request', stage: 'local', message, delivered: false, via });
}

function proxySecrets(proxyUrl: string | undefined): string[] {
  if (!proxyUrl) return [];
  try {
    const p = new URL(proxyUrl);
    return [p.password, decodeURIComponent(p.password)].filter((s) => s.length >= 4);
  } catch {
    return [];
  }
}
