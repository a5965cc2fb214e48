import type { ColumnType, Selectable } from 'kysely';

/** An upstream account's balance as the hub last reported it, and where its current crossing stands. */
export type ProviderBalanceStateTable = {
  provider_id: string;
  provider_name: string | null;
  /** numeric: strings from pg. Null only while the first report's transaction runs. */
  balance: ColumnType<string | null, number | null | undefined, number>;
  currency: ColumnType<string, string | undefined, string>;
  threshold: ColumnType<string | null, number | null | undefined, number | null>;
  /** The lowest level alerted in the current crossing (1 = the threshold, 0 = zero); null outside one. */
  alerted_fraction: number | null;
  /** The crossing's first alert: its recipients get the recovery. */
  alert_notification_id: string | null;
  reported_at: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type ProviderBalanceStateRow = Selectable<ProviderBalanceStateTable>;
