import type { BindingMentions, QuietHours } from '@herald/core';
import type { ColumnType, Generated, Selectable } from 'kysely';

export type BindingTable = {
  id: Generated<string>;
  notification_type: string;
  target_id: string;
  is_enabled: boolean;
  schedule_cron: string | null;
  schedule_timezone: string | null;
  /** Quiet hours in the binding's time zone (null: none). */
  quiet_hours: ColumnType<QuietHours | null, string | null, string | null>;
  template_override: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** People to notify with the message, as the target's channel names them. */
  mentions: ColumnType<BindingMentions | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type BindingRow = Selectable<BindingTable>;
