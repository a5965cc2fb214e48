import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (русский) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name).
 */
export const glossaryRu = {
  types: {
    circuit_breaker: 'Предохранитель',
    cost_alert: 'Оповещение о расходах',
    daily_leaderboard: 'Ежедневный рейтинг',
    cache_hit_rate: 'Аномалия попаданий в кэш',
    provider_balance: 'Баланс провайдера',
  },
} satisfies typeof glossaryEn;
