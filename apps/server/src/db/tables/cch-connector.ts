import type { CchBreakerState } from '@herald/core';
import type { ColumnType, Generated, Selectable } from 'kysely';

/** The Claude Code Hub health connector's settings (one row, id 1) and its last poll. */
export type CchConnectorTable = {
  id: Generated<number>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  base_url: string | null;
  /** Sealed by the secret box. */
  token: string | null;
  token_hint: string | null;
  interval_seconds: ColumnType<number, number | undefined, number>;
  watching_since: Date | null;
  last_poll_at: Date | null;
  last_poll_ok: boolean | null;
  last_poll_error: string | null;
  last_poll_providers: number | null;
  last_poll_not_closed: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type CchConnectorRow = Selectable<CchConnectorTable>;

/** A CCH provider breaker as the last poll saw it. */
export type CchBreakerSeenTable = {
  provider_id: string;
  state: CchBreakerState;
  failure_count: number;
  open_until: Date | null;
  seen_at: Date;
};
export type CchBreakerSeenRow = Selectable<CchBreakerSeenTable>;
