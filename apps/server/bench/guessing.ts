/**
 * Part of `pnpm bench`: how many admin tokens one address can try (loopback only).
 * Wrong `Authorization: Bearer` tokens on settings.get at concurrency 32 for a few seconds,
 * while a hub with a valid key calls hub.ping from the same address: the guesses actually
 * compared (401) against the goal of 10 a minute, the refusals (429), and the hub's answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { CREDENTIAL_FAILURE_LIMIT } from '../src/auth/credential-limit.ts';
import { loadConfig } from '../src/config.ts';
import { type Herald, startHerald } from '../src/herald.ts';
import { createLogger } from '../src/logger.ts';

const SECONDS = Number(process.env.BENCH_GUESS_SECONDS ?? 5);
const CONCURRENCY = 32;
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Calls `url` from CONCURRENCY connections until the deadline; answers counted by status. */
async function hammer(url: string, headers: () => Record<string, string>, until: number) {
  const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });
  const byStatus: Record<number, number> = {};
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const res = await request(url, { dispatcher: agent, headers: headers() });
        await res.body.text();
        byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
      }
    }),
  );
  await agent.close();
  return byStatus;
}

export async function runGuessingBench(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN, LOG_LEVEL: 'silent' });
  let herald: Herald | undefined;
  try {
    herald = await startHerald(config, {
      logger: createLogger('silent'),
      announce: () => {},
      webDistDir: path.join(dataDir, 'no-web'),
    });
    const create = await request(`${herald.url}/trpc/apiKeys.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });
    const key = ((await create.body.json()) as { result: { data: { key: string } } }).result.data.key;

    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    const [guesses, hub] = await Promise.all([
      hammer(`${herald.url}/trpc/settings.get`, () => ({ authorization: `Bearer guess-${n++}` }), until),
      hammer(`${herald.url}/trpc/hub.ping`, () => ({ authorization: `Bearer ${key}` }), until),
    ]);
    const seconds = (performance.now() - started) / 1000;
    const checked = guesses[401] ?? 0;
    const perMinute = Math.round((checked / Math.max(seconds, 60)) * 60);
    console.log(
      `wrong admin bearer tokens from one address for ${seconds.toFixed(1)} s: ${checked} compared ` +
        `(${perMinute}/min in the first minute; goal ≤ ${CREDENTIAL_FAILURE_LIMIT.max}/min), ` +
        `${guesses[429] ?? 0} refused unchecked (429), other answers ${JSON.stringify(omit(guesses, [401, 429]))}`,
    );
    const hubTotal = Object.values(hub).reduce((a, b) => a + b, 0);
    console.log(
      `valid hub key from the same address meanwhile: ${Math.round(hubTotal / seconds)} req/s, ` +
        `answers ${JSON.stringify(hub)} (goal: all 200)`,
    );
    if (checked > CREDENTIAL_FAILURE_LIMIT.max || hubTotal !== (hub[200] ?? 0)) process.exitCode = 1;
  } finally {
    await herald?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const omit = (o: Record<number, number>, keys: number[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(Number(k))));

if (process.argv[1] === fileURLToPath(import.meta.url)) await runGuessingBench();
