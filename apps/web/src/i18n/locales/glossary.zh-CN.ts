import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (简体中文) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name); likewise statuses, states and units.
 */
export const glossaryZhCN = {
  types: {
    circuit_breaker: '熔断告警',
    cost_alert: '成本预警',
    daily_leaderboard: '每日排行榜',
    cache_hit_rate: '缓存命中率异常告警',
    provider_balance: '供应商余额告警',
  },
  /** A delivery's status (core DELIVERY_STATUSES), wherever a status or its count is named. */
  statuses: {
    pending: '等待中',
    sending: '发送中',
    delivered: '已送达',
    failed: '失败',
    skipped: '已跳过',
    grouped: '已合并',
  },
  /** A target's health (core TARGET_HEALTH_STATES). */
  health: {
    ok: '正常',
    failing: '失败中',
    idle: '空闲',
    untested: '未测试',
  },
  /** Whether a silence or an API key is in force, and how a silence ended. */
  states: {
    active: '生效中',
    endedEarly: '已提前结束',
    expired: '已到期',
  },
  /** How one attempt or one test ended. */
  outcomes: {
    success: '成功',
    retryable: '可重试的失败',
    permanent: '永久失败',
  },
  /** Units, with their number's placeholder: every text with that number writes the unit this way. */
  units: {
    ms: '{{ms}} 毫秒',
    perMinute: '每分钟 {{n}} 条',
    perSecond: '每秒 {{n}} 条',
    percent: '{{percent}} %',
  },
} satisfies typeof glossaryEn;
