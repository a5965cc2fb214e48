import type { ColumnType, Selectable } from 'kysely';

/** int8 columns: read as numbers (see database.ts), written as numbers. */
type Int8 = ColumnType<number, number | undefined, number>;

/** One request the hub proxied; request_id is the hub's idempotency key. */
export type UsageRecordTable = {
  request_id: string;
  user_id: string;
  provider_id: string;
  /** numeric: exact, read as a string. */
  cost_usd: ColumnType<string, number | string, number | string>;
  input_tokens: Int8;
  output_tokens: Int8;
  cache_creation_input_tokens: Int8;
  cache_read_input_tokens: Int8;
  success: ColumnType<boolean, boolean | undefined, boolean>;
  error_message: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  // For the cache-hit-rate alert (all optional from the hub).
  model: string | null;
  session_id: string | null;
  request_sequence: number | null;
  cache_creation_5m_input_tokens: ColumnType<number | null, number | null | undefined, number | null>;
  cache_creation_1h_input_tokens: ColumnType<number | null, number | null | undefined, number | null>;
  cache_ttl_seconds: number | null;
  status_code: number | null;
  /** A follow-up within its cache's TTL of the request before it in its session. */
  cache_eligible: ColumnType<boolean, boolean | undefined, boolean>;
};
export type UsageRecordRow = Selectable<UsageRecordTable>;
