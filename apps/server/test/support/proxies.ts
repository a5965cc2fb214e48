import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { createServer as createSocksServer } from '@pondwader/socks5-server';
import { createProxy } from 'proxy';
import { closeServer } from './targets.ts';

// The test proxies forward only to loopback, whatever they are asked: no test traffic leaves the machine.
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || (net.isIPv4(h) && h.startsWith('127.'));
}

export type HttpProxy = {
  /** Without credentials: add them with `withAuth`. */
  url: string;
  port: number;
  /** `host:port` of every CONNECT the proxy accepted or refused. */
  connects: string[];
  /** Requests it forwarded in absolute form (never expected: every target is tunnelled). */
  forwarded: string[];
  close: () => Promise<void>;
};

/** TooTallNate's `proxy` (a real HTTP proxy with CONNECT), optionally requiring Basic auth, optionally over TLS. */
export async function startHttpProxy(
  o: { username?: string; password?: string; tls?: { key: string; cert: string } } = {},
): Promise<HttpProxy> {
  const base = o.tls ? https.createServer({ key: o.tls.key, cert: o.tls.cert }) : http.createServer();
  const server = createProxy(base);
  const connects: string[] = [];
  const forwarded: string[] = [];
  server.authenticate = (req) => {
    const target = req.method === 'CONNECT' ? (req.url ?? '') : new URL(req.url ?? '').host;
    if (req.method === 'CONNECT') connects.push(target);
    else forwarded.push(target);
    if (!isLoopback(target.slice(0, target.lastIndexOf(':')))) return false;
    if (o.username === undefined) return true;
    const expected = `Basic ${Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64')}`;
    return req.headers['proxy-authorization'] === expected;
  };
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    connects,
    forwarded,
    close: () => closeServer(server, sockets),
  };
}

export type SocksProxy = {
  port: number;
  /** `socks5://127.0.0.1:port` or `socks5h://...`, credentials added when given. */
  url: (scheme: 'socks5' | 'socks5h', creds?: string) => string;
  /** The destination of every CONNECT: an IP for socks5://, the name for socks5h://. */
  destinations: string[];
  close: () => Promise<void>;
};

/** @pondwader/socks5-server: a real SOCKS5 server, optionally requiring username/password. */
export async function startSocksProxy(o: { username?: string; password?: string } = {}): Promise<SocksProxy> {
  const auth = o.username !== undefined ? { username: o.username, password: o.password ?? '' } : undefined;
  const server = createSocksServer(auth ? { auth } : {});
  const destinations: string[] = [];
  server.setRulesetValidator((conn) => {
    destinations.push(`${conn.destAddress}:${conn.destPort}`);
    return isLoopback(conn.destAddress);
  });
  // The library keeps its net.Server private; we need its port and its sockets.
  const inner = (server as unknown as { server: net.Server }).server;
  const sockets = new Set<Socket>();
  inner.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = inner.address() as AddressInfo;
  return {
    port,
    url: (scheme, creds) => `${scheme}://${creds ? `${creds}@` : ''}127.0.0.1:${port}`,
    destinations,
    close: () => closeServer(inner, sockets),
  };
}

/** Accepts TCP and never says a word: a proxy (or TLS server) stuck before its handshake. */
export async function startSilentServer(): Promise<{
  port: number;
  accepted: () => number;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = net.createServer((s) => {
    accepted += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, accepted: () => accepted, close: () => closeServer(server, sockets) };
}
