import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { type DatabaseOutage, trackDatabaseOutages } from './outage.ts';
import type { AdminSessionTable } from './tables/admin-session.ts';
import type { AlertDedupTable, CostAlertSentTable } from './tables/alert-state.ts';
import type { ApiKeyTable } from './tables/api-key.ts';
import type { AuditLogTable } from './tables/audit-log.ts';
import type { AuthFailureTable } from './tables/auth-failure.ts';
import type { BindingTable } from './tables/binding.ts';
import type { CchBreakerSeenTable, CchConnectorTable } from './tables/cch-connector.ts';
import type { DeliveryTable } from './tables/delivery.ts';
import type { HubProviderTable } from './tables/hub-provider.ts';
import type { HubUserTable } from './tables/hub-user.ts';
import type { BreakerStateTable, CacheAlertCooldownTable, SilenceTable, TargetPaceTable } from './tables/incidents.ts';
import type { NotificationTable } from './tables/notification.ts';
import type { ProviderBalanceStateTable } from './tables/provider-balance.ts';
import type { SettingsTable } from './tables/settings.ts';
import type { TargetTable } from './tables/target.ts';
import type { UsageCacheDailyTable, UsageDailyTable } from './tables/usage-daily.ts';
import type { UsageRecordTable } from './tables/usage-record.ts';

export type Database = {
  api_key: ApiKeyTable;
  admin_session: AdminSessionTable;
  auth_failure: AuthFailureTable;
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
  usage_cache_daily: UsageCacheDailyTable;
  target_pace: TargetPaceTable;
  silence: SilenceTable;
  breaker_state: BreakerStateTable;
  cache_alert_cooldown: CacheAlertCooldownTable;
  provider_balance_state: ProviderBalanceStateTable;
  cch_connector: CchConnectorTable;
  cch_breaker_seen: CchBreakerSeenTable;
};

export type Db = Kysely<Database>;
/** The database or a transaction on it: what a repo function runs its SQL on. */
export type Executor = Db | Transaction<Database>;

// int8 (count(*), bigint sums) as numbers: Herald's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/**
 * A pool that survives the database going away. Every client gets an error listener for its
 * whole life: pg-pool listens only while a client is idle, and a checked-out client whose
 * server dies between statements (57P01, a reset socket) would otherwise emit an unheard
 * 'error' and end the process. The statement in flight rejects with the same error; the
 * next query opens a fresh connection. Failures are logged once per outage (see outage.ts).
 */
export function createDb(
  connectionString: string,
  logger: Logger,
  max = 10,
): { db: Db; pool: pg.Pool; outage: DatabaseOutage } {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'herald',
  });
  const outage = trackDatabaseOutages(logger, () => pool.query('select 1'));
  const onError = (err: Error) => {
    if (!outage.report('database', err)) logger.warn({ err: err.message }, 'database connection error');
  };
  pool.on('connect', (client) => {
    client.on('error', onError);
    outage.ok();
  });
  // The idle client's own listener above has reported it already.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, outage };
}
