import type { ColumnType, Selectable } from 'kysely';
import type { UsdLimit } from './hub-user.ts';

/** A provider of the hub (its id is the hub's), with Herald's own breaker count. */
export type HubProviderTable = {
  id: string;
  name: string;
  limit_5h_usd: UsdLimit;
  limit_weekly_usd: UsdLimit;
  limit_monthly_usd: UsdLimit;
  /** Consecutive failed requests that open Herald's breaker (default 5). */
  failure_threshold: ColumnType<number, number | undefined, number>;
  /** How long the hub keeps the provider out once open: the alert's expected recovery (default 30 min). */
  open_duration_ms: ColumnType<number, number | undefined, number>;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  /** When Herald's own breaker last opened. */
  breaker_opened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type HubProviderRow = Selectable<HubProviderTable>;
