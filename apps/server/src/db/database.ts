import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import type { AdminSessionTable } from './tables/admin-session.ts';
import type { AlertDedupTable, CostAlertSentTable } from './tables/alert-state.ts';
import type { ApiKeyTable } from './tables/api-key.ts';
import type { AuditLogTable } from './tables/audit-log.ts';
import type { BindingTable } from './tables/binding.ts';
import type { DeliveryTable } from './tables/delivery.ts';
import type { HubProviderTable } from './tables/hub-provider.ts';
import type { HubUserTable } from './tables/hub-user.ts';
import type { NotificationTable } from './tables/notification.ts';
import type { SettingsTable } from './tables/settings.ts';
import type { TargetTable } from './tables/target.ts';
import type { UsageDailyTable } from './tables/usage-daily.ts';
import type { UsageRecordTable } from './tables/usage-record.ts';

export type Database = {
  api_key: ApiKeyTable;
  admin_session: AdminSessionTable;
  settings: SettingsTable;
  target: TargetTable;
  binding: BindingTable;
  audit_log: AuditLogTable;
  alert_dedup: AlertDedupTable;
  cost_alert_sent: CostAlertSentTable;
  notification: NotificationTable;
  delivery: DeliveryTable;
  hub_user: HubUserTable;
  hub_provider: HubProviderTable;
  usage_record: UsageRecordTable;
  usage_daily: UsageDailyTable;
};

export type Db = Kysely<Database>;
/** The database or a transaction on it: what a repo function runs its SQL on. */
export type Executor = Db | Transaction<Database>;

// int8 (count(*), bigint sums) as numbers: Herald's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/**
 * A pool that survives the database going away: idle-client errors are logged, not
 * thrown, and the next query opens a fresh connection.
 */
export function createDb(connectionString: string, logger: Logger, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'herald',
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'database connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
