import type { ColumnType, Generated, Selectable } from 'kysely';

export type TargetHints = Partial<Record<string, string>> & { customHeaders?: Record<string, string> };

export type TargetTable = {
  id: Generated<string>;
  name: string;
  provider_type: string;
  is_enabled: boolean;
  /** The channel's secret fields by API name, each value sealed on its own. */
  secrets: ColumnType<Record<string, string>, string | undefined, string>;
  /** The channel's other fields by API name. */
  config: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Sealed; common to every channel. */
  proxy_url: string | null;
  proxy_fallback_to_direct: boolean;
  /** A pace below the platform's (messages per minute); null: the platform's own. */
  pace_per_minute: number | null;
  hints: ColumnType<TargetHints, string, string>;
  last_test_at: Date | null;
  last_test_result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type TargetRow = Selectable<TargetTable>;
