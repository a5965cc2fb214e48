/**
 * The dashboard's one name for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name).
 */
export const glossaryEn = {
  types: {
    circuit_breaker: 'Circuit breaker',
    cost_alert: 'Cost alert',
    daily_leaderboard: 'Daily leaderboard',
    cache_hit_rate: 'Cache hit-rate alert',
    provider_balance: 'Provider balance alert',
  },
};
