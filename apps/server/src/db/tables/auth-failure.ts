import type { Selectable } from 'kysely';

export type AuthFailureTable = {
  /** The client address (an IPv6 address by its /64). */
  address: string;
  window_start: Date;
  failures: number;
};
export type AuthFailureRow = Selectable<AuthFailureTable>;
