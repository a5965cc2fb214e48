import { type Clock as BossClock, PgBoss } from 'pg-boss';
import type { Logger } from '../logger.ts';

export const BOSS_SCHEMA = 'pgboss';

/** pg-boss on Herald's database. Its errors (a lost connection) are logged, never thrown. */
export async function startBoss(connectionString: string, logger: Logger, clock?: BossClock): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: 'herald-queue',
    max: 5,
    ...(clock ? { clock } : {}),
  });
  const log = logger.child({ component: 'pg-boss' });
  boss.on('error', (err: Error) => log.warn({ err: err.message }, 'queue error'));
  boss.on('warning', (w: { message: string }) => log.warn({ warning: w.message }, 'queue warning'));
  await boss.start();
  return boss;
}
