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
  const held: Array<{ id: string; answer: () => void }> = [];
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
      else held.push({ id, answer });
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
    /** Answers the held requests of deliveries `which` picks (all by default), and every later one at once. */
    open(which: (deliveryId: string) => boolean = () => true) {
      isOpen = true;
      for (let i = held.length - 1; i >= 0; i--) {
        const h = held[i] as { id: string; answer: () => void };
        if (!which(h.id)) continue;
        held.splice(i, 1);
        h.answer();
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
