import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Русский текст панели балансов провайдеров на странице «Обзор». */
export const providerBalanceOverviewRu = {
  title: 'Балансы провайдеров',
  description: 'Балансы вышестоящих аккаунтов по последним данным хаба; первыми — самые низкие относительно порога.',
  empty: 'Балансы ещё не поступали. Хаб сообщает их через hub.reportProviderBalance.',
  threshold: 'Порог {{amount}}',
  noThreshold: 'Без порога',
  reportedAt: 'Получено <at/>',
  levels: {
    ok: 'В норме',
    none: 'Без оповещений',
    low: 'Низкий',
    part: 'Ниже {{percent}}',
    zero: 'Исчерпан',
  },
} satisfies Catalogue<PluralsRussian>['overviewPage']['balances'];
