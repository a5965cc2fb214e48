import type { ColumnType, Generated, Selectable } from 'kysely';

export type TargetHints = Partial<Record<string, string>> & { customHeaders?: Record<string, string> };

export type TargetTable = {
  id: Generated<string>;
  name: string;
  provider_type: string;
  is_enabled: boolean;
  // Sealed secrets.
  webhook_url: string | null;
  telegram_bot_token: string | null;
  dingtalk_secret: string | null;
  feishu_secret: string | null;
  signing_secret: string | null;
  /** Sealed JSON object of header name → value. */
  custom_headers: string | null;
  proxy_url: string | null;
  // Plain.
  telegram_chat_id: string | null;
  telegram_topic_id: number | null;
  custom_template: ColumnType<Record<string, unknown> | null, string | null, string | null>;
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
