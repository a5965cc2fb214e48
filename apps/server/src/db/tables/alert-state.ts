import type { ColumnType } from 'kysely';

export type AlertDedupTable = { key: string; last_at: Date };

export type CostAlertSentTable = {
  scope: string;
  entity_type: string;
  entity_id: string;
  window: string;
  period_start: Date;
  level: ColumnType<string, number, number>;
  sent_at: ColumnType<Date, Date | undefined, never>;
};
