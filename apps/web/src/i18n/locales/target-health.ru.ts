import type { CatalogueOf, PluralsRussian } from '../catalogue.ts';
import { glossaryRu } from './glossary.ru.ts';
import type { targetHealthEn } from './target-health.en.ts';

/** Состояние получателей: столбцы и карточки страницы получателей и индикатор состояния. */
export const targetHealthRu = {
  health: 'Состояние',
  lastDelivery: 'Последняя доставка',
  successRate: 'Успешно (24 ч)',
  lastError: 'Последняя ошибка',
  state: glossaryRu.health,
  stateHint: {
    ok: 'Последняя доставка или проверка прошла успешно, за 24 часа были доставки',
    failing: 'Последняя доставка или проверка не удалась',
    idle: 'В прошлый раз всё прошло, но за 24 часа доставок не было',
    untested: 'Ни проверок, ни доставок ещё не было',
  },
  dotLabel: 'Состояние {{name}}: {{state}}',
  noDelivery: 'Доставок ещё не было',
  delivered: glossaryRu.statuses.delivered,
  failed: glossaryRu.statuses.failed,
  rateCounts: 'Доставлено {{delivered}} из {{finished}}',
  noRate: 'Нет за 24 ч',
  noError: 'Ошибок нет',
  code: 'Код {{code}}',
  failedDeliveries: 'Неудачные доставки',
  failedDeliveriesOf: 'Неудачные доставки: {{name}}',
  unavailable: 'Состояние недоступно',
} satisfies CatalogueOf<typeof targetHealthEn, PluralsRussian>;
