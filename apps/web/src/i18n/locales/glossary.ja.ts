import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (日本語) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name).
 */
export const glossaryJa = {
  types: {
    circuit_breaker: 'サーキットブレーカー',
    cost_alert: 'コストアラート',
    daily_leaderboard: '日次ランキング',
    cache_hit_rate: 'キャッシュヒット率異常アラート',
    provider_balance: 'プロバイダー残高アラート',
  },
} satisfies typeof glossaryEn;
