/**
 * The custom-webhook templates a Claude Code Hub admin pastes into CCH (one per notification
 * type, as each binding's template override). CCH fills `{{name}}` inside string values only, so
 * every value reaches Herald as a string; `docs/cch-bridge.md` shows these same objects (a test
 * checks the two agree).
 */

/** CCH's notification types, as CCH names them (its `notification_type`). */
export const CCH_TYPES = ['circuit_breaker', 'cost_alert', 'daily_leaderboard', 'cache_hit_rate_alert'] as const;
export type CchType = (typeof CCH_TYPES)[number];

/** The title CCH gives each type (its messages are Chinese only), to say which template a body should have used. */
export const CCH_TITLES: Record<string, CchType> = {
  供应商熔断告警: 'circuit_breaker',
  端点熔断告警: 'circuit_breaker',
  成本预警提醒: 'cost_alert',
  过去24小时用户消费排行榜: 'daily_leaderboard',
  缓存命中率异常告警: 'cache_hit_rate_alert',
};

export const CCH_TEMPLATES = {
  circuit_breaker: {
    type: 'circuit_breaker',
    title: '{{title}}',
    providerId: '{{provider_id}}',
    providerName: '{{provider_name}}',
    failureCount: '{{failure_count}}',
    retryAt: '{{retry_at}}',
    lastError: '{{last_error}}',
    incidentSource: '{{incident_source}}',
    endpointId: '{{endpoint_id}}',
    endpointUrl: '{{endpoint_url}}',
  },
  cost_alert: {
    type: 'cost_alert',
    title: '{{title}}',
    targetType: '{{target_type}}',
    targetName: '{{target_name}}',
    currentCost: '{{current_cost}}',
    quotaLimit: '{{quota_limit}}',
    // CCH has no placeholder for its threshold: the admin writes theirs here (CCH's default is 0.80).
    threshold: '0.80',
    // The period (统计周期) is only in the flattened message text.
    sections: '{{sections}}',
  },
  daily_leaderboard: {
    type: 'daily_leaderboard',
    title: '{{title}}',
    date: '{{date}}',
    totalRequests: '{{total_requests}}',
    totalCost: '{{total_cost}}',
    entries: '{{entries_json}}',
  },
  cache_hit_rate_alert: {
    type: 'cache_hit_rate_alert',
    title: '{{title}}',
    windowMode: '{{window_mode}}',
    windowStart: '{{window_start}}',
    windowEnd: '{{window_end}}',
    anomalyCount: '{{anomaly_count}}',
    suppressedCount: '{{suppressed_count}}',
    anomalies: '{{anomalies_json}}',
    absMin: '{{abs_min}}',
    dropRel: '{{drop_rel}}',
    dropAbs: '{{drop_abs}}',
    cooldownMinutes: '{{cooldown_minutes}}',
    topN: '{{top_n}}',
    generatedAt: '{{generated_at}}',
    // The minimum sample (最小样本) is only in the flattened message text.
    sections: '{{sections}}',
  },
} as const satisfies Record<CchType, Record<string, string>>;
