import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Clock as BossClock } from 'pg-boss';
import { startCchConnector } from './bridges/cch/schedule.ts';
import { type Config, decodeKey } from './config.ts';
import { resealSecrets } from './crypto/reseal.ts';
import { createSecretBox } from './crypto/secret-box.ts';
import { ensureDataDir, loadOrCreateSecret } from './data-dir.ts';
import { createDb } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { AppDeps } from './deps.ts';
import { startRetention } from './engine/retention.ts';
import { startScheduledWorkers } from './engine/scheduled-jobs.ts';
import { buildHttpServer } from './http/server.ts';
import { startBoss } from './jobs/boss.ts';
import { startWorkers, type WorkerOptions } from './jobs/workers.ts';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createAddressPolicy, createHttpClient, type HttpClientOptions } from './net/index.ts';
import { type Clock, systemClock } from './senders/clock.ts';
import { reconcileSchedules } from './services/reconcile-after-change.ts';
import { type Resources, shutdown } from './shutdown.ts';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const EMBEDDED_DATABASE = 'herald';

export type Herald = {
  url: string;
  deps: AppDeps;
  http: FastifyInstance;
  /**
   * Stops accepting, lets in-flight work finish within `timeoutMs` (SHUTDOWN_TIMEOUT_MS by
   * default; one deadline for every stage), then stops the embedded database.
   */
  stop(timeoutMs?: number): Promise<void>;
};

export type StartOptions = {
  logger: Logger;
  webDistDir?: string;
  /** Where the one-time notice of a generated admin token goes (stderr by default). */
  announce?: (text: string) => void;
  /** Time for the engines (dedup windows, cost periods); tests set it by hand. */
  clock?: Clock;
  /** pg-boss's own clock (its TestClock fires cron schedules on demand in tests); the engines follow it unless `clock` is given. */
  bossClock?: BossClock;
  /** Queue worker settings (tests: a fast sender clock, a small concurrency). */
  workers?: WorkerOptions;
  /** Tests only: resolve webhook hosts without DNS and trust a test certificate (platform hosts on loopback). */
  outbound?: Pick<HttpClientOptions, 'lookup' | 'tls'>;
};

/** Resolves the database: DATABASE_URL, or the embedded cluster under DATA_DIR. */
async function resolveDatabase(config: Config, logger: Logger) {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(config.dataDir, logger);
  await embedded.createDatabase(EMBEDDED_DATABASE);
  return { url: embedded.urlFor(EMBEDDED_DATABASE), embedded };
}

async function resolveKeys(config: Config, announce: (t: string) => void) {
  let adminToken = config.adminToken;
  if (!adminToken) {
    const t = await loadOrCreateSecret(config.dataDir, 'admin-token');
    if (t.created) {
      announce(
        `\nHerald generated an admin token (stored in ${config.dataDir}/admin-token):\n\n    ${t.value}\n\n` +
          'Sign in to the dashboard with it. It is shown only this once.\n',
      );
    }
    adminToken = t.value;
  }
  const secretKey =
    config.secretKey ?? decodeKey((await loadOrCreateSecret(config.dataDir, 'secret-key', () => randomKeyHex())).value);
  if (!secretKey) throw new Error(`${config.dataDir}/secret-key does not hold a 32-byte key`);
  return { adminToken, secretKey };
}

function randomKeyHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex');
}

export async function startHerald(config: Config, opts: StartOptions): Promise<Herald> {
  const { logger } = opts;
  await ensureDataDir(config.dataDir);
  const { adminToken, secretKey } = await resolveKeys(config, opts.announce ?? ((t) => process.stderr.write(t)));

  const r: Resources = {};
  try {
    const database = await resolveDatabase(config, logger);
    r.embedded = database.embedded;
    const { db, outage } = createDb(database.url, logger);
    r.db = db;
    r.outage = outage;
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ action: 'migrations_applied', migrations: applied }, 'database migrated');

    const boss = await startBoss(database.url, logger, opts.bossClock, outage);
    r.boss = boss;

    const secretBox = createSecretBox(secretKey, config.previousSecretKeys);
    if (config.previousSecretKeys.length > 0) await resealSecrets(db, secretBox, logger);
    const outbound = createHttpClient({ ...opts.outbound, policy: createAddressPolicy(config.outboundAllowCidrs) });
    r.outbound = outbound;
    const bossClock = opts.bossClock;
    const clock: Clock =
      opts.clock ?? (bossClock ? { now: () => new Date(bossClock.now()), sleep: systemClock.sleep } : systemClock);
    const metrics = createMetrics();
    const deps: AppDeps = {
      config,
      db,
      outage,
      boss,
      logger,
      secretBox,
      adminToken,
      http: outbound,
      clock,
      metrics,
    };
    // Schedules follow the stored configuration from the first moment (and after any change).
    await reconcileSchedules(deps);
    r.workers = await startWorkers(deps, opts.workers);
    await startScheduledWorkers(deps, boss);
    await startRetention(deps, boss);
    await startCchConnector(deps);
    const http = await buildHttpServer(deps, {
      metrics,
      secretKey,
      webDistDir: opts.webDistDir ?? DEFAULT_WEB_DIST,
    });
    r.http = http;
    await http.listen({ port: config.port, host: config.host });
    const addr = http.server.address();
    const port = addr && typeof addr === 'object' ? addr.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    logger.info({ action: 'herald_started', url, embeddedDatabase: r.embedded !== null }, `Herald listening on ${url}`);

    let stopping: Promise<void> | null = null;
    const stop = (timeoutMs = config.shutdownTimeoutMs) => {
      stopping ??= shutdown(r, performance.now() + timeoutMs, logger);
      return stopping;
    };
    return { url, deps, http, stop };
  } catch (err) {
    // Whatever started is stopped (the embedded PostgreSQL too), then the reason goes up.
    await shutdown(r, performance.now() + config.shutdownTimeoutMs, logger).catch(() => {});
    throw err;
  }
}
