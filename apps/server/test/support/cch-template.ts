/**
 * What Claude Code Hub's custom webhook sends, made the way CCH makes it
 * (claude-code-hub-notifications.md §5): walk the template, and in every string value replace
 * each `{{name}}` CCH knows for the type (plus the common ones) with its value as text; keys,
 * numbers, booleans and null stay as they are, unknown tokens stay as written, nothing is escaped.
 * Then JSON.stringify, compactly.
 */

/** CCH's values for one notification: every one a string (numbers as String(n), arrays as JSON text). */
export type CchVariables = Record<string, string>;

export function fillCchTemplate(template: unknown, vars: CchVariables): unknown {
  if (typeof template === 'string') {
    let out = template;
    for (const [name, value] of Object.entries(vars)) out = out.replaceAll(`{{${name}}}`, value);
    return out;
  }
  if (Array.isArray(template)) return template.map((v) => fillCchTemplate(v, vars));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillCchTemplate(v, vars)]));
  }
  return template;
}

/** The body CCH posts: the filled template, serialised as CCH does. */
export const cchBody = (template: unknown, vars: CchVariables): string =>
  JSON.stringify(fillCchTemplate(template, vars));

const common = (title: string, level: string, sections: string, at: string): CchVariables => ({
  timestamp: at,
  timestamp_local: '2026/06/10 16:00:00',
  title,
  level,
  sections,
});

/** A provider's breaker tripped (CCH §4.3 data). */
export function breakerVariables(
  d: {
    providerName: string;
    providerId: number;
    failureCount: number;
    retryAt: string;
    lastError?: string;
    endpoint?: { id: number; url?: string };
  },
  at: string,
): CchVariables {
  const title = d.endpoint ? '端点熔断告警' : '供应商熔断告警';
  const sections = [
    d.endpoint
      ? `> 供应商 ${d.providerName} 的端点 (ID: ${d.endpoint.id}) 已触发熔断保护`
      : `> 供应商 ${d.providerName} (ID: ${d.providerId}) 已触发熔断保护`,
    '',
    '详细信息',
    `失败次数: ${d.failureCount} 次`,
    '预计恢复: 2026/06/10 16:30:00',
    ...(d.lastError ? [`最后错误: ${d.lastError}`] : []),
    '',
    '---',
    '熔断器将在预计时间后自动恢复',
  ].join('\n');
  return {
    ...common(title, 'error', sections, at),
    provider_name: d.providerName,
    provider_id: String(d.providerId),
    failure_count: String(d.failureCount),
    retry_at: d.retryAt,
    last_error: d.lastError ?? '',
    incident_source: d.endpoint ? 'endpoint' : 'provider',
    endpoint_id: d.endpoint ? String(d.endpoint.id) : '',
    endpoint_url: d.endpoint?.url ?? '',
  };
}

const PERIOD_TEXT = { '5h': '5小时', weekly: '本周', monthly: '本月' } as const;

/** A key or provider over its threshold (CCH §4.4 data). */
export function costVariables(
  d: {
    targetType: 'user' | 'provider';
    targetName: string;
    currentCost: number;
    quotaLimit: number;
    period: keyof typeof PERIOD_TEXT;
  },
  at: string,
): CchVariables {
  const percent = (d.currentCost / d.quotaLimit) * 100;
  const who = d.targetType === 'user' ? '用户' : '供应商';
  const sections = [
    `> ${who} ${d.targetName} 的消费已达到预警阈值`,
    '',
    '消费详情',
    `当前消费: $${d.currentCost.toFixed(4)}`,
    `配额限制: $${d.quotaLimit.toFixed(4)}`,
    `使用比例: ${percent.toFixed(1)}% ${percent >= 90 ? '🔴' : percent >= 80 ? '🟡' : '🟢'}`,
    `剩余额度: $${(d.quotaLimit - d.currentCost).toFixed(4)}`,
    `统计周期: ${PERIOD_TEXT[d.period]}`,
    '',
    '---',
    '请注意控制消费',
  ].join('\n');
  return {
    ...common('成本预警提醒', 'warning', sections, at),
    target_type: d.targetType,
    target_name: d.targetName,
    current_cost: String(d.currentCost),
    quota_limit: String(d.quotaLimit),
    usage_percent: percent.toFixed(1),
  };
}

export type CchLeaderboardEntry = {
  userId: number;
  userName: string;
  totalRequests: number;
  totalCost: number;
  totalTokens: number;
};

/** The past 24 hours' top users (CCH §4.5 data); entries_json double-encoded, as CCH sends it. */
export function leaderboardVariables(
  d: { date: string; entries: CchLeaderboardEntry[]; totalRequests: number; totalCost: number },
  at: string,
): CchVariables {
  const sections = [`> 统计时间: ${d.date}`, '', '排名情况', ...d.entries.map((e) => `- ${e.userName}`)].join('\n');
  return {
    ...common('过去24小时用户消费排行榜', 'info', sections, at),
    date: d.date,
    entries_json: JSON.stringify(d.entries),
    total_requests: String(d.totalRequests),
    total_cost: String(d.totalCost),
  };
}

/** One anomaly as CCH's `{{anomalies_json}}` holds it (numeric provider id, providerType). */
export type CchAnomaly = Record<string, unknown>;

/** A cache-hit-rate check's findings (alert-and-breakers reference §1.7–1.8). */
export function cacheVariables(
  d: {
    windowMode: string;
    windowStart: string;
    windowEnd: string;
    anomalies: CchAnomaly[];
    suppressedCount: number;
    absMin: number;
    dropRel: number;
    dropAbs: number;
    minRequests: number;
    minTokens: number;
    cooldownMinutes: number;
    topN: number;
    generatedAt: string;
  },
  at: string,
): CchVariables {
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  const sections = [
    `> 检测到缓存命中率异常（${d.anomalies.length} 条）`,
    '',
    '检测窗口',
    `窗口: ${d.windowMode} (60 分钟)`,
    '开始: 2026/06/10 15:00:00',
    '结束: 2026/06/10 16:00:00',
    `抑制数量: ${d.suppressedCount}`,
    '',
    '阈值',
    `绝对下限: ${pct(d.absMin)}`,
    `绝对跌幅: ${pct(d.dropAbs)}`,
    `相对跌幅: ${pct(d.dropRel)}`,
    `最小样本: req>=${d.minRequests}, tok>=${d.minTokens}`,
    `冷却: ${d.cooldownMinutes} 分钟`,
  ].join('\n');
  return {
    ...common('缓存命中率异常告警', 'warning', sections, at),
    window_mode: d.windowMode,
    window_start: d.windowStart,
    window_end: d.windowEnd,
    anomaly_count: String(d.anomalies.length),
    suppressed_count: String(d.suppressedCount),
    anomalies_json: JSON.stringify(d.anomalies),
    abs_min: String(d.absMin),
    drop_rel: String(d.dropRel),
    drop_abs: String(d.dropAbs),
    cooldown_minutes: String(d.cooldownMinutes),
    top_n: String(d.topN),
    generated_at: d.generatedAt,
  };
}
