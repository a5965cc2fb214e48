import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { Db } from './db/database.ts';
import type { EmbeddedPostgresHandle } from './db/embedded-postgres.ts';
import type { DatabaseOutage } from './db/outage.ts';
import type { Workers } from './jobs/workers.ts';
import type { Logger } from './logger.ts';
import type { HttpClient } from './net/index.ts';

/** What a running Herald holds; a failed start holds only part of it. */
export type Resources = {
  http?: FastifyInstance;
  workers?: Workers;
  boss?: PgBoss;
  outbound?: HttpClient;
  db?: Db;
  outage?: DatabaseOutage;
  embedded?: EmbeddedPostgresHandle | null;
};

/**
 * Stops Herald within one deadline: the HTTP server and the workers (in parallel: no new
 * requests, no new jobs), then the queue, outbound HTTP and the pool each get only the time
 * that is left, and a stage that overruns is left behind rather than waited for. The
 * embedded PostgreSQL stops last, in its own short bound, once nothing of ours uses it.
 */
export async function shutdown(r: Resources, deadline: number, logger: Logger): Promise<void> {
  const started = performance.now();
  const left = () => Math.max(0, deadline - performance.now());
  // What the HTTP server and the workers leave untouched, for the queue and the pool to close.
  const reserve = Math.min(1_000, left() / 5);
  const overran: string[] = [];
  const stage = async (
    name: string,
    run: (msLeft: number) => Promise<unknown>,
    opts: { spare?: number; onOverrun?: () => void } = {},
  ) => {
    const ms = Math.max(0, left() - (opts.spare ?? 0));
    try {
      if (await bounded(run(ms), ms)) return;
      overran.push(name);
      opts.onOverrun?.();
    } catch (err) {
      logger.warn(
        { action: 'shutdown_stage_failed', stage: name, err: (err as Error)?.message ?? String(err) },
        'error during shutdown',
      );
    }
  };

  await Promise.all([
    r.http &&
      stage('http', () => (r.http as FastifyInstance).close(), {
        spare: reserve,
        onOverrun: () => r.http?.server.closeAllConnections(),
      }),
    r.workers && stage('workers', (ms) => (r.workers as Workers).stop(ms), { spare: reserve }),
  ]);
  // From here on a lost connection is expected, not an outage to report.
  r.outage?.stop();
  // Outbound connections close alongside (a send still hanging must not hold up the pool).
  const outbound = r.outbound && stage('outbound', () => (r.outbound as HttpClient).close());
  if (r.boss) {
    const boss = r.boss;
    await stage('queue', (ms) => boss.stop({ graceful: ms >= 1_000, timeout: Math.max(ms, 1_000), close: true }));
  }
  if (r.db) await stage('database pool', () => (r.db as Db).destroy());
  await outbound;
  await r.embedded?.stop();
  const ms = Math.round(performance.now() - started);
  if (overran.length) {
    logger.warn(
      { action: 'shutdown_overran', stages: overran },
      'shutdown deadline reached: stopped without waiting for these',
    );
  }
  logger.info({ action: 'herald_stopped', ms }, 'Herald stopped');
}

/** True when `p` settled within `ms` (a rejection is rethrown). */
export async function bounded(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = p.then(() => true as const);
  settled.catch(() => {}); // a stage left behind may still fail: nobody waits for it any more
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
