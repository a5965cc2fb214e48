import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import type { DatabaseOutage } from '../db/outage.ts';
import { renewLeases } from '../db/repos/deliveries.ts';
import { errorText } from '../error-text.ts';
import { QUEUE_NAMES } from '../jobs/queues.ts';
import type { Logger } from '../logger.ts';
import type { Entry } from './delivery-batch.ts';
import { attemptOf } from './delivery-settle.ts';

/**
 * Keeps both claims of every held job alive, three times per lease: the job's heartbeat (a
 * crashed process's jobs lapse and run again elsewhere) and its row's lease (no other process
 * sends it meanwhile), while its send runs and while its outcome waits to be written. One
 * warning per run of failures. Returns the stop.
 */
export function startHeartbeat(o: {
  boss: PgBoss;
  db: Db;
  log: Logger;
  outage: DatabaseOutage;
  leaseSeconds: number;
  held(): Entry[];
}): () => void {
  let failing = false;
  const timer = setInterval(
    () => {
      const entries = o.held();
      if (entries.length === 0) return;
      const leased = entries.flatMap((e) =>
        e.claimedAt === null ? [] : [{ id: e.job.id, queueAttempt: e.claimedAt }],
      );
      Promise.all([
        renewLeases(o.db, leased, o.leaseSeconds),
        o.boss.touch(
          QUEUE_NAMES.delivery,
          entries.map((e) => attemptOf(e.job)),
        ),
      ]).then(
        () => {
          failing = false;
        },
        (err: unknown) => {
          if (!o.outage.report('delivery', err) && !failing)
            o.log.warn({ action: 'delivery_heartbeat_failed', err: errorText(err) }, 'heartbeat failed');
          failing = true;
        },
      );
    },
    Math.max(1_000, (o.leaseSeconds * 1_000) / 3),
  );
  timer.unref();
  return () => clearInterval(timer);
}
