import type { ColumnType, Selectable } from 'kysely';

export type UsageSubjectType = 'user' | 'provider';

/**
 * usage_record summed per UTC day, once per user and once per provider. Maintained in the
 * statement that inserts the records, counting only rows actually inserted.
 */
export type UsageDailyTable = {
  subject_type: UsageSubjectType;
  /** The UTC calendar day (node-pg reads a date as local midnight; compare as 'YYYY-MM-DD' in SQL). */
  day: ColumnType<Date, string, string>;
  subject_id: string;
  cost_usd: number;
  requests: number;
  tokens: number;
};
export type UsageDailyRow = Selectable<UsageDailyTable>;

/** The cache-hit-rate rollup: per UTC day, provider and model (see migration 2026_12_06_1335). */
export type UsageCacheDailyTable = {
  day: ColumnType<string, string, string>;
  provider_id: string;
  model: string;
  requests: ColumnType<number, number | undefined, number>;
  denom: ColumnType<number, number | undefined, number>;
  hit: ColumnType<number, number | undefined, number>;
  e_requests: ColumnType<number, number | undefined, number>;
  e_denom: ColumnType<number, number | undefined, number>;
  e_hit: ColumnType<number, number | undefined, number>;
};
