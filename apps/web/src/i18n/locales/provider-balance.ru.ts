import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Русский текст карточки оповещения о балансе провайдера (страница уведомлений). */
export const providerBalanceCardRu = {
  rule: 'Одно оповещение, когда баланс провайдера опускается ниже порога, ещё по одному на каждом более низком уровне и одно, когда баланс пополнен до порога. Хаб сообщает балансы через hub.reportProviderBalance.',
  defaultThreshold: 'Порог баланса по умолчанию',
  defaultThresholdDescription:
    'В валюте каждого провайдера. Провайдер, который сообщает свой порог, использует его. Пусто — оповещения только для таких провайдеров.',
  noDefault: 'Нет',
  levels: 'Нижние уровни (% от порога)',
  levelsDescription:
    'От высшего к низшему, например «50, 0»: половина порога, затем нулевой баланс. До 5; пусто — только порог.',
  levelsProblems: {
    notANumber: 'Введите проценты через запятую, например 50, 0.',
    outOfRange: 'Каждый уровень не меньше 0 и меньше 100 (100 % — это сам порог).',
    notDescending: 'Каждый уровень должен быть ниже предыдущего.',
    tooMany: 'Не больше 5 уровней.',
  },
} satisfies Catalogue<PluralsRussian>['notificationsPage']['providerBalance'];
