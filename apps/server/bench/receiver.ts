/**
 * The delivery benchmark's receiver: a plain node http server in its own process (so its CPU and
 * memory are not Herald's), answering 200 at once and noting when each body's `id` arrived.
 * Requests to `/hang…` are read and never answered: a receiver that hangs (sockets held open).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const RECEIVER_FLAG = '--delivery-bench-receiver';

export type Arrival = { id: string; at: number };
type ReceiverMessage = { port: number } | { count: number } | { arrivals: Arrival[] } | { hanging: number };

function runReceiver(): void {
  let count = 0;
  let hanging = 0;
  let arrivals: Arrival[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/hang')) {
        hanging++;
        res.on('close', () => hanging--);
        return;
      }
      const at = performance.timeOrigin + performance.now();
      count++;
      try {
        const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id?: string }).id;
        if (id) arrivals.push({ id: `${req.url}:${id}`, at });
      } catch {}
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 30_000;
  server.requestTimeout = 0; // hung requests stay hung
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd === 'count') process.send?.({ count });
    if (m.cmd === 'hanging') process.send?.({ hanging });
    if (m.cmd === 'arrivals') {
      process.send?.({ arrivals });
      arrivals = [];
    }
    if (m.cmd === 'reset') count = 0;
  });
  process.on('disconnect', () => process.exit(0));
}

export type Receiver = {
  url: string;
  pid: number | undefined;
  count(): Promise<number>;
  /** Requests to `/hang…` being held open right now. */
  hanging(): Promise<number>;
  arrivals(): Promise<Arrival[]>;
  reset(): void;
  close(): Promise<void>;
};

export async function startReceiver(): Promise<Receiver> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [RECEIVER_FLAG], { stdio: 'inherit' });
  const next = <K extends string>(key: K) =>
    new Promise<Record<K, unknown>>((resolve) => {
      const on = (m: ReceiverMessage) => {
        if (key in m) {
          child.off('message', on);
          resolve(m as unknown as Record<K, unknown>);
        }
      };
      child.on('message', on);
    });
  const ask = async <K extends string>(key: K) => {
    const p = next(key);
    child.send({ cmd: key });
    return (await p)[key];
  };
  const { port } = await next('port');
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    count: async () => (await ask('count')) as number,
    hanging: async () => (await ask('hanging')) as number,
    arrivals: async () => (await ask('arrivals')) as Arrival[],
    reset: () => child.send({ cmd: 'reset' }),
    close: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
}

if (process.argv.includes(RECEIVER_FLAG)) runReceiver();
