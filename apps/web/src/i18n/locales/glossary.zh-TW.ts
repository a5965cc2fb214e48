import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (繁體中文) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name).
 */
export const glossaryZhTW = {
  types: {
    circuit_breaker: '斷路器警示',
    cost_alert: '成本警示',
    daily_leaderboard: '每日排行榜',
    cache_hit_rate: '快取命中率異常警示',
    provider_balance: '供應商餘額警示',
  },
} satisfies typeof glossaryEn;
