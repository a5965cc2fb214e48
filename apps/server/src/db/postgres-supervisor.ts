import type { Logger } from '../logger.ts';
import type { PostgresProcess } from './postgres-process.ts';

export type Supervisor = {
  /** The running postmaster, or null while it is down. */
  readonly current: PostgresProcess | null;
  /** Ends supervision and stops the postmaster (a restart in progress is awaited first). */
  stop(timeoutMs: number): Promise<void>;
};

/** Up this long after a restart counts as recovered: the next crash starts the backoff afresh. */
const STABLE_MS = 30_000;

export type SuperviseOptions = { firstDelayMs?: number; maxDelayMs?: number };

/**
 * Keeps the embedded PostgreSQL running: when the postmaster exits without being asked to,
 * the crash is logged once and `start` is tried again with backoff (first delay, doubling,
 * capped) until it runs. `start` clears what the dead one left behind.
 */
export function supervise(
  first: PostgresProcess,
  start: () => Promise<PostgresProcess>,
  log: Logger,
  opts: SuperviseOptions = {},
): Supervisor {
  const firstDelay = opts.firstDelayMs ?? 100;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  let current: PostgresProcess | null = first;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> | null = null;
  // A postmaster that dies again soon after a restart keeps the backoff growing (a crash loop
  // is retried ever more slowly, not ten times a second).
  let lastRestart = { at: Number.NEGATIVE_INFINITY, delay: firstDelay };

  const watch = (p: PostgresProcess) => {
    void p.exited.then((exit) => {
      if (stopping || current !== p) return;
      current = null;
      log.error(
        { action: 'embedded_postgres_crashed', pid: p.pid, ...exit, output: p.output().slice(-5) },
        'embedded PostgreSQL exited unexpectedly: restarting it',
      );
      const soon = performance.now() - lastRestart.at < STABLE_MS;
      schedule(performance.now(), 1, soon ? Math.min(maxDelay, lastRestart.delay * 2) : firstDelay);
    });
  };

  const schedule = (since: number, n: number, delay: number) => {
    timer = setTimeout(() => {
      timer = null;
      attempt = restart(since, n, delay);
    }, delay);
    timer.unref();
  };

  const restart = async (since: number, n: number, delay: number) => {
    if (stopping) return;
    try {
      const next = await start();
      if (stopping) {
        await next.stop(5_000);
        return;
      }
      current = next;
      lastRestart = { at: performance.now(), delay };
      watch(next);
      log.info(
        {
          action: 'embedded_postgres_restarted',
          pid: next.pid,
          attempts: n,
          downMs: Math.round(performance.now() - since),
        },
        'embedded PostgreSQL restarted',
      );
    } catch (err) {
      const retryInMs = Math.min(maxDelay, delay * 2);
      log.warn(
        {
          action: 'embedded_postgres_restart_failed',
          attempt: n,
          retryInMs,
          err: (err as Error)?.message ?? String(err),
        },
        'embedded PostgreSQL did not restart: trying again',
      );
      if (!stopping) schedule(since, n + 1, retryInMs);
    }
  };

  watch(first);
  return {
    get current() {
      return current;
    },
    async stop(timeoutMs) {
      stopping = true;
      if (timer) clearTimeout(timer);
      // A restart in flight gets the same bound; one that finishes later stops itself.
      if (attempt) await Promise.race([attempt, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
      await current?.stop(timeoutMs);
    },
  };
}
