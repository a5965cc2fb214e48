import net, { type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { ConnectFailure, errorCode, type TransportErrorKind, type TransportStage } from './errors.ts';
import { httpConnectTunnel } from './http-tunnel.ts';
import type { ProxyConfig } from './proxy-url.ts';
import { type Lookup, precheckProxiedTarget, resolveAllowed, systemLookup } from './resolve.ts';
import { type SocksProtocol, socksTunnel } from './socks-tunnel.ts';
import { connectAny, type TlsTrust, upgradeTls } from './tcp-tls.ts';

export type ConnectorOptions = {
  policy: AddressPolicy;
  /** Bounds everything before the request is written: DNS, TCP, proxy handshake, TLS. */
  connectTimeoutMs: number;
  proxy?: ProxyConfig | undefined;
  lookup?: Lookup | undefined;
  tls?: TlsTrust | undefined;
};

// What the connector is doing, so a raw error or the timeout can be named precisely.
type Step = 'resolve' | 'tcp' | 'tls' | 'proxy-resolve' | 'proxy-tcp' | 'proxy-tls' | 'proxy-handshake';

const STEPS: Record<Step, { stage: TransportStage; kind: TransportErrorKind; doing: string }> = {
  resolve: { stage: 'local', kind: 'dns', doing: 'resolving the host' },
  tcp: { stage: 'target', kind: 'connect', doing: 'connecting' },
  tls: { stage: 'target', kind: 'tls', doing: 'in the TLS handshake' },
  'proxy-resolve': { stage: 'proxy', kind: 'proxy', doing: 'resolving the proxy' },
  'proxy-tcp': { stage: 'proxy', kind: 'proxy', doing: 'connecting to the proxy' },
  'proxy-tls': { stage: 'proxy', kind: 'proxy', doing: 'in the TLS handshake with the proxy' },
  'proxy-handshake': { stage: 'proxy', kind: 'proxy', doing: 'waiting for the proxy to open the tunnel' },
};

/**
 * undici's `connect` hook: every new connection resolves, checks and connects here, so the
 * policy applies to the address actually connected to, on every connection, keep-alive or not.
 * Errors are ConnectFailure: undici passes them to the request before writing a byte.
 */
export function createConnector(o: ConnectorOptions): buildConnector.connector {
  const lookup = o.lookup ?? systemLookup;
  const trust = o.tls ?? {};
  const proxy = o.proxy;

  return (opts, callback) => {
    const host = opts.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const where = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    const sockets: Duplex[] = [];
    const track = (s: Duplex) => {
      // A step that was still running when the timeout fired must not leave a socket behind.
      if (done) s.destroy();
      else sockets.push(s);
    };
    let step: Step = 'resolve';
    let done = false;

    const finish = (err: ConnectFailure | null, socket?: Socket) => {
      if (done) {
        socket?.destroy();
        return;
      }
      done = true;
      clearTimeout(timer);
      if (err || !socket) {
        for (const s of sockets) s.destroy();
        callback(err ?? new ConnectFailure('connect', 'target', `no connection to ${where}`), null);
      } else {
        callback(null, socket);
      }
    };

    const timer = setTimeout(() => {
      const { stage, doing } = STEPS[step];
      const viaProxy = proxy && stage !== 'target' ? ` via ${proxy.label}` : '';
      const message = `connecting to ${where}${viaProxy} timed out after ${o.connectTimeoutMs} ms (${doing})`;
      finish(new ConnectFailure('timeout', stage, message, 'ETIMEDOUT'));
    }, o.connectTimeoutMs);

    const enter = (s: Step) => {
      // After the timeout, stop at the next step instead of connecting for nobody.
      if (done) throw new ConnectFailure('timeout', STEPS[step].stage, 'abandoned after the connect timeout');
      step = s;
    };

    const https = opts.protocol === 'https:';
    const timeoutMs = o.connectTimeoutMs;
    open({ host, port, https, enter, track, lookup, trust, policy: o.policy, proxy, timeoutMs }).then(
      (socket) => finish(null, socket),
      (err: unknown) => finish(toFailure(err, step, where, proxy)),
    );
  };
}

type OpenContext = {
  host: string;
  port: number;
  https: boolean;
  enter: (s: Step) => void;
  track: (s: Duplex) => void;
  lookup: Lookup;
  trust: TlsTrust;
  policy: AddressPolicy;
  proxy: ProxyConfig | undefined;
  timeoutMs: number;
};

async function open(c: OpenContext): Promise<Socket> {
  const { host, port, https, enter, track, lookup, trust, policy, proxy } = c;
  let socket: Socket;
  if (!proxy) {
    const ips = await resolveAllowed(host, policy, lookup, 'local');
    enter('tcp');
    socket = await connectAny(ips, port, track);
  } else {
    const dest = await proxiedHost(host, proxy, policy, lookup);
    enter('proxy-resolve');
    const proxyIps = await resolveAllowed(proxy.host, policy, lookup, 'proxy');
    enter('proxy-tcp');
    socket = await connectAny(proxyIps, proxy.port, track);
    if (proxy.protocol === 'https') {
      enter('proxy-tls');
      socket = await upgradeTls(socket, proxy.host, trust, track);
    }
    enter('proxy-handshake');
    if (isSocks(proxy)) await socksTunnel(socket, proxy, { host: dest, port }, c.timeoutMs);
    else {
      const tunnel = { host: dest, port, username: proxy.username, password: proxy.password, label: proxy.label };
      await httpConnectTunnel(socket, tunnel);
    }
  }
  if (https) {
    enter('tls');
    socket = await upgradeTls(socket, host, trust, track);
  }
  return socket;
}

function isSocks(proxy: ProxyConfig): proxy is ProxyConfig & { protocol: SocksProtocol } {
  return proxy.protocol.startsWith('socks');
}

/**
 * What the proxy is asked to connect to. socks5:// and socks4:// mean we resolve: the proxy is
 * handed the exact address we checked. The others let the proxy resolve; we check what we can.
 */
async function proxiedHost(host: string, proxy: ProxyConfig, policy: AddressPolicy, lookup: Lookup): Promise<string> {
  if (proxy.protocol === 'socks5') return (await resolveAllowed(host, policy, lookup, 'local'))[0] ?? host;
  if (proxy.protocol === 'socks4') {
    const v4 = (await resolveAllowed(host, policy, lookup, 'local')).find((ip) => net.isIPv4(ip));
    if (v4) return v4;
    const why = `SOCKS4 carries only IPv4 addresses and ${host} has no allowed one`;
    throw new ConnectFailure('request', 'local', `${why} (use socks5:// or socks5h://)`);
  }
  if (proxy.protocol === 'socks4a' && net.isIPv6(host)) {
    throw new ConnectFailure('request', 'local', `SOCKS4a cannot carry the IPv6 address ${host} (use socks5h://)`);
  }
  await precheckProxiedTarget(host, policy, lookup);
  return host;
}

function toFailure(err: unknown, step: Step, where: string, proxy: ProxyConfig | undefined): ConnectFailure {
  if (err instanceof ConnectFailure) return err;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  // System codes (ECONNREFUSED) say it all; TLS errors read better as their message.
  const detail = code && !step.endsWith('tls') ? code : message;
  const { stage, kind } = STEPS[step];
  if (stage === 'proxy' && proxy) {
    return new ConnectFailure(
      kind,
      stage,
      `proxy ${proxy.label} failed ${STEPS[step].doing} for ${where}: ${detail}`,
      code,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new ConnectFailure('reset', stage, `${where} dropped the connection ${STEPS[step].doing}`, code);
  }
  if (step === 'tls') return new ConnectFailure('tls', stage, `TLS handshake with ${where} failed: ${detail}`, code);
  return new ConnectFailure(kind, stage, `could not connect to ${where}: ${detail}`, code);
}
