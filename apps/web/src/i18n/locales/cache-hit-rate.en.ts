/** English text of the cache-hit-rate alert: its card on the Notifications page and its Overview panel. */
export const cacheHitRateCardEn = {
  baselineRule:
    'Baseline: the past days, else today so far, else the previous window: the first with enough requests of the same kind (eligible or all).',
  anomalyRule:
    'Anomaly: the rate is under the floor, or it fell below the baseline by at least the absolute drop AND the relative drop.',
  windowMode: 'Window',
  windowModeDescription:
    'How far back the current rate looks. Auto picks by the check interval: up to 5 min → 5 min, up to 30 → 30 min, up to 60 → 1 h, longer → 1.5 h.',
  windowNow: 'Now: {{window}}.',
  windows: {
    auto: 'Auto',
    '5m': '5 min',
    '30m': '30 min',
    '1h': '1 h',
    '90m': '1.5 h',
  },
  checkInterval: 'Check interval (minutes)',
  checkIntervalDescription: '1–1440. How often the check runs for targets without a cron of their own.',
  lookbackDays: 'Historical lookback (days)',
  lookbackDaysDescription: '1–90. The whole days before today that make up the historical baseline.',
  cooldownMinutes: 'Cooldown (minutes)',
  cooldownMinutesDescription:
    '0–1440, 0 = no cooldown. A provider × model alerts each target once per cooldown; repeats are counted as suppressed.',
  absMinPercent: 'Hit-rate floor (%)',
  absMinPercentDescription: '0–100 %. A rate under this floor is an anomaly, with or without a baseline.',
  dropAbsPercent: 'Absolute drop (percentage points)',
  dropAbsPercentDescription: '0–100. How far under the baseline the rate must fall: 60 % → 45 % is 15 points.',
  dropRelPercent: 'Relative drop (% of the baseline)',
  dropRelPercentDescription: '0–100 %. The drop as a share of the baseline: 60 % → 45 % is 25 %.',
  minEligibleRequests: 'Min eligible requests',
  minEligibleRequestsDescription:
    '1–100000. Eligible requests are follow-ups in a session within the cache TTL; with fewer, all requests are used; with fewer still, the pair is skipped.',
  minEligibleTokens: 'Min eligible tokens',
  minEligibleTokensDescription: '0–2147483647. The input tokens (plain, cache write and cache read) a sample needs.',
  topN: 'Top N',
  topNDescription: '1–100. At most this many anomalies per check, the largest drops first.',
};

export const cacheHitRateOverviewEn = {
  title: 'Cache hit rate',
  description: 'Each provider × model in the alert’s current window, beside the baseline it is compared with.',
  window: '{{window}} window: {{start}} – {{end}}',
  providerModel: 'Provider / model',
  current: 'Now',
  baseline: 'Baseline',
  change: 'Change',
  anomaly: 'Anomaly',
  points: '{{value}} pts',
  unknownProvider: 'Provider #{{id}}',
  kinds: {
    eligible: 'eligible',
    overall: 'all',
  },
  sources: {
    historical: 'historical',
    today: 'today',
    prev: 'previous window',
  },
  sample: '{{kind}} · requests {{requests}} · tokens {{tokens}}',
  noBaseline: 'No baseline',
  noBaselineHint: 'Only the floor applies',
  noModel:
    'No usage with a model in the current window. For hit rates here, the hub must send model with each usage record, and sessionId with requestSequence so follow-up requests count as eligible.',
  noSample: 'Usage arrived in this window, but no provider × model has the alert’s minimum sample yet.',
};
