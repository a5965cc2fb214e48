import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { vi } from 'vitest';

export type GatedReceiver = Awaited<ReturnType<typeof startGatedReceiver>>;

/**
 * A webhook receiver on 127.0.0.1 that holds every request open (no answer) until `open()`,
 * then answers the held ones and every later one with 200. It counts the requests of each
 * delivery by its `webhook-id` header (signed custom targets carry the delivery id there).
 */
export async function startGatedReceiver() {
  const held: Array<() => void> = [];
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  let total = 0;
  let isOpen = false;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      total++;
      const id = String(req.headers['webhook-id'] ?? '');
      hits.set(id, (hits.get(id) ?? 0) + 1);
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      if (isOpen) answer();
      else held.push(answer);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    hits,
    get total() {
      return total;
    },
    get held() {
      return held.length;
    },
    /** Resolves once `n` requests are being held. */
    waitForHeld: (n: number, timeout = 30_000) =>
      vi.waitFor(
        () => {
          if (held.length < n) throw new Error(`${held.length} of ${n} requests held`);
        },
        { timeout, interval: 20 },
      ),
    /** Answers every held request, and every later one at once. */
    open() {
      isOpen = true;
      for (const answer of held.splice(0)) answer();
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
