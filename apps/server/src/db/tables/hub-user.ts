import type { ColumnType, Selectable } from 'kysely';

/** Numeric limits arrive from pg as strings; written as numbers. Null = no limit. */
export type UsdLimit = ColumnType<string | null, number | null | undefined, number | null>;

/** A user of the hub, as the hub last synced it (its id is the hub's). */
export type HubUserTable = {
  id: string;
  name: string;
  limit_5h_usd: UsdLimit;
  limit_weekly_usd: UsdLimit;
  limit_monthly_usd: UsdLimit;
  is_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type HubUserRow = Selectable<HubUserTable>;
