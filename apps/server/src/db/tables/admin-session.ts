import type { ColumnType, Selectable } from 'kysely';

export type AdminSessionTable = {
  /** SHA-256 of the session token (hex): a database read yields no usable session. */
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
};
export type AdminSessionRow = Selectable<AdminSessionTable>;
