import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (日本語) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name); likewise statuses, states and units.
 */
export const glossaryJa = {
  types: {
    circuit_breaker: 'サーキットブレーカー',
    cost_alert: 'コストアラート',
    daily_leaderboard: '日次ランキング',
    cache_hit_rate: 'キャッシュヒット率異常アラート',
    provider_balance: 'プロバイダー残高アラート',
  },
  /** A delivery's status (core DELIVERY_STATUSES), wherever a status or its count is named. */
  statuses: {
    pending: '待機中',
    sending: '送信中',
    delivered: '配信済み',
    failed: '失敗',
    skipped: 'スキップ',
    grouped: 'まとめて送信',
  },
  /** A target's health (core TARGET_HEALTH_STATES). */
  health: {
    ok: '正常',
    failing: '失敗中',
    idle: 'アイドル',
    untested: '未テスト',
  },
  /** Whether a silence or an API key is in force, and how a silence ended. */
  states: {
    active: '有効',
    endedEarly: '早期終了',
    expired: '期限切れ',
  },
  /** How one attempt or one test ended. */
  outcomes: {
    success: '成功',
    retryable: '再試行可能な失敗',
    permanent: '恒久的な失敗',
  },
  /** Units, with their number's placeholder: every text with that number writes the unit this way. */
  units: {
    ms: '{{ms}} ミリ秒',
    perMinute: '{{n}} 件/分',
    perSecond: '{{n}} 件/秒',
    percent: '{{percent}} %',
  },
} satisfies typeof glossaryEn;
