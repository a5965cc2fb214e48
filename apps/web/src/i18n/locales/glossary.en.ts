/**
 * The dashboard's one name for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name); likewise statuses, states and units.
 */
export const glossaryEn = {
  types: {
    circuit_breaker: 'Circuit breaker',
    cost_alert: 'Cost alert',
    daily_leaderboard: 'Daily leaderboard',
    cache_hit_rate: 'Cache hit-rate alert',
    provider_balance: 'Provider balance alert',
  },
  /** A delivery's status (core DELIVERY_STATUSES), wherever a status or its count is named. */
  statuses: {
    pending: 'Pending',
    sending: 'Sending',
    delivered: 'Delivered',
    failed: 'Failed',
    skipped: 'Skipped',
    grouped: 'Grouped',
  },
  /** A target's health (core TARGET_HEALTH_STATES). */
  health: {
    ok: 'Healthy',
    failing: 'Failing',
    idle: 'Idle',
    untested: 'Untested',
  },
  /** Whether a silence or an API key is in force, and how a silence ended. */
  states: {
    active: 'Active',
    endedEarly: 'Ended early',
    expired: 'Expired',
  },
  /** How one attempt or one test ended. */
  outcomes: {
    success: 'Success',
    retryable: 'Retryable failure',
    permanent: 'Permanent failure',
  },
  /** Units, with their number's placeholder: every text with that number writes the unit this way. */
  units: {
    ms: '{{ms}} ms',
    perMinute: '{{n}}/min',
    perSecond: '{{n}}/s',
    percent: '{{percent}} %',
  },
};
