import type { ColumnType, Generated, Selectable } from 'kysely';

/** One target's pace (GCRA), shared by every process: see engine/pace.ts. */
export type TargetPaceTable = {
  /** The target id, or `legacy:<type>` for a legacy-mode URL. */
  key: string;
  tat: Date;
  booked: Date;
  slowed_until: Date | null;
  slow_factor: Generated<number>;
  refusals: Generated<number>;
  last_refusal_at: Date | null;
};

export const SILENCE_KINDS = ['provider', 'user', 'type'] as const;
export type SilenceKind = (typeof SILENCE_KINDS)[number];

export type SilenceTable = {
  id: Generated<string>;
  matcher_kind: SilenceKind;
  /** The provider id, the user id, or the notification type. */
  matcher_value: string;
  reason: Generated<string>;
  created_by: string | null;
  starts_at: Date;
  ends_at: Date;
  /** Ended early by an admin. */
  ended_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
};
export type SilenceRow = Selectable<SilenceTable>;

export type BreakerTransition = { state: 'open' | 'closed'; at: string };

/** A provider's (or one of its endpoints') breaker as Herald last heard of it: recovery and flapping follow from it. */
export type BreakerStateTable = {
  provider_id: string;
  /** '' for the provider's own breaker, else the hub's endpoint id (the key is both columns). */
  endpoint_id: Generated<string>;
  endpoint_url: string | null;
  state: 'open' | 'closed';
  provider_name: string;
  opened_at: Date | null;
  closed_at: Date | null;
  failure_count: Generated<number>;
  retry_at: Date | null;
  alert_notification_id: string | null;
  transitions: ColumnType<BreakerTransition[], string | undefined, string>;
  flapping_since: Date | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
export type BreakerStateRow = Selectable<BreakerStateTable>;

/** A cache-hit-rate alert's key, quiet until `until`. */
export type CacheAlertCooldownTable = { key: string; until: Date };
