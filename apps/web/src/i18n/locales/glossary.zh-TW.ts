import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (繁體中文) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name); likewise statuses, states and units.
 */
export const glossaryZhTW = {
  types: {
    circuit_breaker: '斷路器警示',
    cost_alert: '成本警示',
    daily_leaderboard: '每日排行榜',
    cache_hit_rate: '快取命中率異常警示',
    provider_balance: '供應商餘額警示',
  },
  /** A delivery's status (core DELIVERY_STATUSES), wherever a status or its count is named. */
  statuses: {
    pending: '等待中',
    sending: '傳送中',
    delivered: '已送達',
    failed: '失敗',
    skipped: '已略過',
    grouped: '已合併',
  },
  /** A target's health (core TARGET_HEALTH_STATES). */
  health: {
    ok: '正常',
    failing: '失敗中',
    idle: '閒置',
    untested: '未測試',
  },
  /** Whether a silence or an API key is in force, and how a silence ended. */
  states: {
    active: '生效中',
    endedEarly: '已提前結束',
    expired: '已到期',
  },
  /** How one attempt or one test ended. */
  outcomes: {
    success: '成功',
    retryable: '可重試的失敗',
    permanent: '永久失敗',
  },
  /** Units, with their number's placeholder: every text with that number writes the unit this way. */
  units: {
    ms: '{{ms}} 毫秒',
    perMinute: '每分鐘 {{n}} 則',
    perSecond: '每秒 {{n}} 則',
    percent: '{{percent}} %',
  },
} satisfies typeof glossaryEn;
