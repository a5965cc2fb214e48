import { errorText } from '../error-text.ts';
import type { Logger } from '../logger.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

export type DatabaseOutage = {
  /**
   * Counts a failure. A connection failure is taken care of here (the first one of an outage
   * is logged, the rest are counted for the summary) and true is returned; any other error
   * returns false for the caller to report as it would.
   */
  report(source: string, err: unknown): boolean;
  /** A connection succeeded: if the database was down, it is back (the summary is logged now). */
  ok(): void;
  /** True from the first connection failure until the database answers again. */
  readonly down: boolean;
  /** Shutting down: no more probes, and lost connections are no longer reported. */
  stop(): void;
};

/**
 * One warning when the database goes away and one summary when it is back (how long, how
 * many failures were not logged), instead of a warning for every failed query. While it is
 * down, `probe` is tried every `probeIntervalMs` to notice its return even when idle.
 */
export function trackDatabaseOutages(
  logger: Logger,
  probe: () => Promise<unknown>,
  opts: { probeIntervalMs?: number } = {},
): DatabaseOutage {
  const interval = opts.probeIntervalMs ?? 500;
  let since: number | null = null;
  let first = '';
  let suppressed = 0;
  let timer: NodeJS.Timeout | null = null;
  let probing = false;
  let stopped = false;

  const recovered = () => {
    if (since === null) return;
    const downMs = Math.round(performance.now() - since);
    logger.info(
      { action: 'database_available', downMs, suppressed, firstError: first },
      `database available again after ${downMs} ms (${suppressed} more failures while it was down were not logged)`,
    );
    since = null;
    suppressed = 0;
    if (timer) clearInterval(timer);
    timer = null;
  };

  const tryProbe = () => {
    if (probing || stopped) return;
    probing = true;
    probe()
      .then(recovered, () => {})
      .finally(() => {
        probing = false;
      });
  };

  return {
    report(source, err) {
      if (!isDatabaseUnavailable(err)) return false;
      if (stopped) return true; // shutting down: connections closing are expected
      if (since !== null) {
        suppressed++;
        return true;
      }
      since = performance.now();
      first = errorText(err);
      logger.warn(
        { action: 'database_unavailable', source, err: first },
        'database unavailable: requests get 503 and work is retried until it is back',
      );
      if (!stopped) {
        timer = setInterval(tryProbe, interval);
        timer.unref();
      }
      return true;
    },
    ok: recovered,
    get down() {
      return since !== null;
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
