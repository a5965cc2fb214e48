import type { ColumnType, Generated, Selectable } from 'kysely';

export type AuditLogTable = {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
};
export type AuditLogRow = Selectable<AuditLogTable>;
