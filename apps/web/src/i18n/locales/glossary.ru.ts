import type { glossaryEn } from './glossary.en.ts';

/**
 * The dashboard's one name (русский) for each notification type: every catalogue section that
 * names a type takes it from here (glossary.test.ts fails on a second name); likewise statuses, states and units.
 */
export const glossaryRu = {
  types: {
    circuit_breaker: 'Предохранитель',
    cost_alert: 'Оповещение о расходах',
    daily_leaderboard: 'Ежедневный рейтинг',
    cache_hit_rate: 'Аномалия попаданий в кэш',
    provider_balance: 'Баланс провайдера',
  },
  /** A delivery's status (core DELIVERY_STATUSES), wherever a status or its count is named. */
  statuses: {
    pending: 'В ожидании',
    sending: 'Отправляется',
    delivered: 'Доставлено',
    failed: 'Ошибка',
    skipped: 'Пропущено',
    grouped: 'В сводке',
  },
  /** A target's health (core TARGET_HEALTH_STATES). */
  health: {
    ok: 'В порядке',
    failing: 'Сбои',
    idle: 'Простаивает',
    untested: 'Не проверен',
  },
  /** Whether a silence or an API key is in force, and how a silence ended. */
  states: {
    active: 'Действует',
    endedEarly: 'Завершено досрочно',
    expired: 'Истекло',
  },
  /** How one attempt or one test ended. */
  outcomes: {
    success: 'Успех',
    retryable: 'Временная ошибка',
    permanent: 'Постоянная ошибка',
  },
  /** Units, with their number's placeholder: every text with that number writes the unit this way. */
  units: {
    ms: '{{ms}} мс',
    perMinute: '{{n}}/мин',
    perSecond: '{{n}}/с',
    percent: '{{percent}} %',
  },
} satisfies typeof glossaryEn;
