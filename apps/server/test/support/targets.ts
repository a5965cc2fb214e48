import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type SeenRequest = {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The TLS SNI name, for https targets. */
  servername?: string | false | undefined;
};

export type Answer = { status?: number; headers?: Record<string, string>; body?: string };
/** Return an Answer, or 'hang' to never answer, or 'destroy' to drop the connection. */
export type Respond = (req: SeenRequest) => Answer | 'hang' | 'destroy';

export type Target = {
  url: string;
  port: number;
  host: string;
  requests: SeenRequest[];
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than requests). */
  connections: () => number;
  nextRequest: () => Promise<SeenRequest>;
  close: () => Promise<void>;
};

/** A plain node http(s) server on loopback that records what it receives. */
export async function startTarget(
  respond: Respond = () => ({ status: 200, body: '{"ok":true}' }),
  o: { host?: string; tls?: { key: string; cert: string } } = {},
): Promise<Target> {
  const host = o.host ?? '127.0.0.1';
  const requests: SeenRequest[] = [];
  const waiters: ((r: SeenRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const servername = (req.socket as { servername?: string | false }).servername;
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        servername,
      };
      requests.push(seen);
      for (const w of waiters.splice(0)) w(seen);
      const answer = respond(seen);
      if (answer === 'hang') return;
      if (answer === 'destroy') {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body ?? '');
    });
  };

  const server = o.tls
    ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, onRequest)
    : http.createServer(onRequest);
  server.on(o.tls ? 'secureConnection' : 'connection', () => {
    connections += 1;
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${o.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    host,
    requests,
    connections: () => connections,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => closeServer(server, sockets),
  };
}

export function closeServer(server: { close(cb: () => void): unknown }, sockets: Set<{ destroy(): void }>) {
  for (const s of sockets) s.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A loopback port with nothing listening: connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether this machine has the address (some CI sandboxes have no IPv6 loopback). */
export async function canListenOn(host: string): Promise<boolean> {
  const server = http.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}
