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

export type Socks4Proxy = {
  port: number;
  /** `socks4://127.0.0.1:port` or `socks4a://...`, with `userId@` when given. */
  url: (scheme: 'socks4' | 'socks4a', userId?: string) => string;
  /** The destination of every request: an IP for socks4://, the name for socks4a://. */
  destinations: string[];
  /** The user id of every request, '' when none was sent. */
  userIds: string[];
  close: () => Promise<void>;
};

const SOCKS4_GRANTED = 0x5a;
const SOCKS4_FAILED = 0x5b;
const SOCKS4_IDENT_MISMATCH = 0x5d;

/**
 * A real SOCKS4/4a server (CONNECT only): parses the request, answers 0x5A and relays, or
 * answers 0x5B when the destination is off loopback or unreachable, 0x5D for another user id.
 */
export async function startSocks4Proxy(o: { userId?: string } = {}): Promise<Socks4Proxy> {
  const destinations: string[] = [];
  const userIds: string[] = [];
  const sockets = new Set<Socket>();
  const keep = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = net.createServer((client) => {
    keep(client);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const request = parseSocks4Request(buffered);
      if (request === 'incomplete') {
        if (buffered.length > 1024) client.destroy();
        return;
      }
      client.off('data', onData);
      client.pause();
      if (request === 'malformed') {
        client.end(socks4Reply(SOCKS4_FAILED));
        return;
      }
      destinations.push(`${request.host}:${request.port}`);
      userIds.push(request.userId);
      if (o.userId !== undefined && request.userId !== o.userId) {
        client.end(socks4Reply(SOCKS4_IDENT_MISMATCH));
        return;
      }
      if (!isLoopback(request.host)) {
        client.end(socks4Reply(SOCKS4_FAILED));
        return;
      }
      const host = request.host === 'localhost' ? '127.0.0.1' : request.host;
      const upstream = net.connect({ host, port: request.port });
      keep(upstream);
      let relaying = false;
      // Before the grant the failure is a reply; after it, a reply would corrupt the stream.
      upstream.once('error', () => (relaying ? client.destroy() : client.end(socks4Reply(SOCKS4_FAILED))));
      upstream.once('connect', () => {
        relaying = true;
        client.write(socks4Reply(SOCKS4_GRANTED));
        if (request.rest.length > 0) upstream.write(request.rest);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (scheme, userId) => `${scheme}://${userId ? `${userId}@` : ''}127.0.0.1:${port}`,
    destinations,
    userIds,
    close: () => closeServer(server, sockets),
  };
}

type Socks4Request = { host: string; port: number; userId: string; rest: Buffer };

/** VN=4 CD=1 DSTPORT DSTIP USERID\0, then HOST\0 when DSTIP is 0.0.0.x (SOCKS4a). */
function parseSocks4Request(b: Buffer): Socks4Request | 'incomplete' | 'malformed' {
  if (b.length < 9) return 'incomplete';
  if (b[0] !== 4 || b[1] !== 1) return 'malformed';
  const userEnd = b.indexOf(0, 8);
  if (userEnd < 0) return 'incomplete';
  const userId = b.subarray(8, userEnd).toString('latin1');
  const ip = [...b.subarray(4, 8)];
  const port = b.readUInt16BE(2);
  if (ip[0] !== 0 || ip[1] !== 0 || ip[2] !== 0 || ip[3] === 0) {
    return { host: ip.join('.'), port, userId, rest: b.subarray(userEnd + 1) };
  }
  const hostEnd = b.indexOf(0, userEnd + 1);
  if (hostEnd < 0) return 'incomplete';
  return { host: b.subarray(userEnd + 1, hostEnd).toString('latin1'), port, userId, rest: b.subarray(hostEnd + 1) };
}

function socks4Reply(code: number): Buffer {
  return Buffer.from([0, code, 0, 0, 0, 0, 0, 0]);
}
