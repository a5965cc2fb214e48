import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTRPCClient, httpLink } from '@trpc/client';
import { type AppRouter, appRouter } from '../src/api/router.ts';
import { loadConfig } from '../src/config.ts';
import { readSettings } from '../src/db/repos/settings.ts';
import { type Herald, type StartOptions, startHerald } from '../src/herald.ts';
import { createLogger } from '../src/logger.ts';
import { createTestDatabase } from './db.ts';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** An engine clock a test sets by hand; sleeps are real (the senders' short waits). */
export function manualClock(start: Date) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    set(d: Date) {
      t = d.getTime();
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export type LogLine = Record<string, unknown> & { msg?: string; action?: string };

/** Collects every JSON log line a server writes, so tests can assert on them. */
export function captureLogs() {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
      cb();
    },
  });
  return { lines, raw, stream };
}

export type TestHerald = Awaited<ReturnType<typeof startTestHerald>>;

/** A full Herald (HTTP, tRPC, pg-boss) in this process, on its own database and port. */
export type TestHeraldOptions = {
  webDistDir?: string;
  /** Time for the engines (see `manualClock`). */
  clock?: StartOptions['clock'];
  /** pg-boss's TestClock, to fire cron schedules on demand. */
  bossClock?: StartOptions['bossClock'];
  /** Another server process on the same database and key (several processes on one Postgres). */
  shareWith?: { databaseUrl: string; secretKeyHex: string };
  /**
   * Keep the default grouping wait (10 s for circuit breakers). Off by default in tests: they
   * expect an alert at once unless they test grouping.
   */
  groupWait?: boolean;
  /** Outbound name resolution and TLS trust (platform hosts served on loopback). */
  outbound?: StartOptions['outbound'];
};

export async function startTestHerald(env: Record<string, string> = {}, opts: TestHeraldOptions = {}) {
  const database = opts.shareWith
    ? { url: opts.shareWith.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const secretKeyHex = opts.shareWith?.secretKeyHex ?? randomBytes(32).toString('hex');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'herald-test-data-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    HERALD_SECRET_KEY: secretKeyHex,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logs = captureLogs();
  /** Every response body the raw API helper received: for "no secret in any response" checks. */
  const responses: string[] = [];
  const herald: Herald = await startHerald(config, {
    logger: createLogger(config.logLevel, logs.stream),
    webDistDir: opts.webDistDir ?? path.join(dataDir, 'no-web-build'),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.bossClock ? { bossClock: opts.bossClock } : {}),
    ...(opts.outbound ? { outbound: opts.outbound } : {}),
  });
  if (!opts.groupWait && !opts.shareWith) await noGroupWait(herald.deps.db);
  return {
    herald,
    databaseUrl: database.url,
    secretKeyHex,
    url: herald.url,
    db: herald.deps.db,
    logs,
    responses,
    api: httpApi(herald.url, responses),
    client: (token?: string) => typedClient(herald.url, token, responses),
    async close() {
      await herald.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function typedClient(url: string, token?: string, responses?: string[]) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          responses?.push(await res.clone().text());
          return res;
        },
      }),
    ],
  });
}

// biome-ignore lint/suspicious/noExplicitAny: raw JSON from the wire, asserted field by field in tests
export type ApiResponse = { status: number; body: any; headers: Headers };

/** Raw HTTP calls to any procedure, the way a hub in another language would make them. */
export function httpApi(base: string, responses: string[] = []) {
  return async function call(
    procedure: string,
    input?: unknown,
    auth: { token?: string; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const kind = procedureKind(procedure);
    const headers: Record<string, string> = { ...auth.headers };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    let res: Response;
    if (kind === 'query') {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      res = await fetch(`${base}/trpc/${procedure}${qs}`, { headers });
    } else {
      headers['content-type'] = 'application/json';
      res = await fetch(`${base}/trpc/${procedure}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? null),
      });
    }
    const text = await res.text();
    responses.push(text);
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
}

/** Every procedure path in the router with its kind: the list auth tests enumerate. */
export function allProcedures(): Array<{ path: string; kind: 'query' | 'mutation' | 'subscription' }> {
  const procs = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: 'query' | 'mutation' | 'subscription' } }
  >;
  return Object.entries(procs).map(([p, proc]) => ({ path: p, kind: proc._def.type }));
}

function procedureKind(procedure: string) {
  const found = allProcedures().find((p) => p.path === procedure);
  if (!found) throw new Error(`no procedure ${procedure}`);
  return found.kind;
}

/** Circuit-breaker alerts go at once (the 10 s grouping wait off), as tests that do not test grouping expect. */
export async function noGroupWait(db: Herald['deps']['db']) {
  await readSettings(db, 'UTC');
  await db.updateTable('settings').set({ circuit_breaker_group_wait: 0 }).execute();
}
