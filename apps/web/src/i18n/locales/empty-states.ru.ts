import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Кнопки пустых состояний (что заполняет пустой список) и правило адреса вебхука по-русски. */
export const emptyStatesRu = {
  noMatchTitle: 'Ничего не найдено',
  targets: { action: 'Добавить первого адресата' },
  apiKeys: { action: 'Создать первый ключ' },
  silences: { action: 'Создать заглушение' },
  deliveries: {
    toTargets: 'Отправить проверку адресату',
    toNotifications: 'Настроить маршруты уведомлений',
    showAll: 'Показать все доставки',
  },
  routing: {
    addTarget: 'Добавить адресата',
    howToBind: 'Включите переключатель в таблице маршрутов или выберите адресата ниже.',
  },
  overview: { connectHub: 'Подключите хаб с помощью API-ключа' },
  urlRule:
    'Адреса {{platforms}} должны начинаться с https://; остальные адреса (сервис на этой машине или в вашей сети) могут использовать и http://.',
} satisfies Catalogue<PluralsRussian>['emptyStates'];
