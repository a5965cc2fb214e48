import { type Clock as BossClock, PgBoss } from 'pg-boss';
import type { DatabaseOutage } from '../db/outage.ts';
import type { Logger } from '../logger.ts';

export const BOSS_SCHEMA = 'pgboss';

/**
 * How often pg-boss checks heartbeats and expiry (its supervise and monitor passes; 60 s by
 * default). A delivery job whose process died is failed at most this long after its heartbeat
 * (DELIVERY_HEARTBEAT_SECONDS, at least 10) lapsed, and runs again at once (no queue delay).
 */
export const QUEUE_SUPERVISE_SECONDS = 5;

/**
 * pg-boss on Herald's database. Its errors (a lost connection, its LISTEN connection
 * dropping) arrive as 'error' events, which are logged (once per outage), never thrown:
 * pg-boss's Db re-emits its pool's and its listener's errors there, and handles errors of
 * the clients it checks out itself.
 */
export async function startBoss(
  connectionString: string,
  logger: Logger,
  clock?: BossClock,
  outage?: DatabaseOutage,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: 'herald-queue',
    max: 5,
    superviseIntervalSeconds: QUEUE_SUPERVISE_SECONDS,
    monitorIntervalSeconds: QUEUE_SUPERVISE_SECONDS,
    ...(clock ? { clock } : {}),
  });
  const log = logger.child({ component: 'pg-boss' });
  boss.on('error', (err: Error) => {
    if (!outage?.report('queue', err)) log.warn({ err: err.message }, 'queue error');
  });
  boss.on('warning', (w: { message: string }) => log.warn({ warning: w.message }, 'queue warning'));
  await boss.start();
  return boss;
}
