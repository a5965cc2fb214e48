import type { ColumnType, Generated, Selectable } from 'kysely';

export type ApiKeyTable = {
  id: Generated<string>;
  name: string;
  /** The first characters of the key, shown so an admin can tell keys apart. */
  prefix: string;
  /** SHA-256 of the full key (hex); the key itself is never stored. */
  key_hash: string;
  created_at: ColumnType<Date, never, never>;
  last_used_at: ColumnType<Date | null, never, Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
};
export type ApiKeyRow = Selectable<ApiKeyTable>;
