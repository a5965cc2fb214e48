/**
 * Part of `pnpm bench`: measures Herald's own request path on this machine (loopback only).
 * - start-up: first start (initdb) and warm start on the embedded database
 * - API throughput and latency at concurrency 32 for a public call, an admin call and a
 *   hub call (API key lookup), using undici with keep-alive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config.ts';
import { type Herald, startHerald } from '../src/herald.ts';
import { createLogger } from '../src/logger.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONCURRENCY = 32;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function load(url: string, headers: Record<string, string>) {
  const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await request(url, { dispatcher: agent, headers });
        await res.body.text();
        if (res.statusCode !== 200) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / seconds),
    p50: quantile(latencies, 0.5).toFixed(1),
    p99: quantile(latencies, 0.99).toFixed(1),
    failures,
  };
}

export async function runApiBench(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN, LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const opts = { logger, announce: () => {}, webDistDir: path.join(dataDir, 'no-web') };
  let herald: Herald | undefined;
  try {
    const [cold, coldMs] = await timed(() => startHerald(config, opts));
    await cold.stop();
    const [warm, warmMs] = await timed(() => startHerald(config, opts));
    herald = warm;
    const [, stopMs] = await timed(() => warm.stop());
    herald = await startHerald(config, opts);
    console.log(
      `start-up: first start ${coldMs.toFixed(0)} ms (initdb), warm start ${warmMs.toFixed(0)} ms, stop ${stopMs.toFixed(0)} ms`,
    );

    const create = await request(`${herald.url}/trpc/apiKeys.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });
    const key = ((await create.body.json()) as { result: { data: { key: string } } }).result.data.key;

    const cases: Array<[string, string, Record<string, string>]> = [
      ['auth.session (public, no database)', '/trpc/auth.session', {}],
      ['apiKeys.list (admin bearer, one query)', '/trpc/apiKeys.list', { authorization: `Bearer ${ADMIN_TOKEN}` }],
      ['hub.ping (hub key lookup)', '/trpc/hub.ping', { authorization: `Bearer ${key}` }],
    ];
    console.log(`API at concurrency ${CONCURRENCY}, ${REQUESTS} requests each:`);
    for (const [name, p, headers] of cases) {
      await load(`${herald.url}${p}`, headers); // warm-up pass
      const r = await load(`${herald.url}${p}`, headers);
      console.log(`  ${name}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-200: ${r.failures}`);
    }
    console.log(
      `memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB after the runs (server and load in one process)`,
    );
  } finally {
    await herald?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runApiBench();
