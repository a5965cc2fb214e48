import net, { type AddressInfo, type Socket } from 'node:net';
import tls from 'node:tls';
import type { TestCert } from './net-helpers.ts';

export type TlsFront = { port: number; close: () => Promise<void> };

/**
 * HTTPS in front of a plain-HTTP fake on 127.0.0.1: terminates TLS with `cert` and pipes the
 * bytes to `upstreamPort`, so a URL with a platform's real host (resolved to loopback by a test
 * lookup) reaches the fake through Herald's ordinary TLS path.
 */
export async function startTlsFront(upstreamPort: number, cert: TestCert): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const server = tls.createServer({ key: cert.key, cert: cert.cert, ALPNProtocols: ['http/1.1'] }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
