import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (简体中文) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name).
 */
export const glossaryZhCN = {
  types: {
    circuit_breaker: '熔断告警',
    cost_alert: '成本预警',
    daily_leaderboard: '每日排行榜',
    cache_hit_rate: '缓存命中率异常告警',
    provider_balance: '供应商余额告警',
  },
} satisfies typeof glossaryEn;
