import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Коннектор состояния Claude Code Hub (страница «Настройки») по-русски. */
export const cchConnectorRu = {
  title: 'Коннектор состояния Claude Code Hub',
  description:
    'Необязательно. Herald периодически читает состояние предохранителя каждого провайдера в Claude Code Hub и отправляет свои оповещения, а также сообщения о восстановлении, которых CCH не отправляет, по привязкам предохранителей. Webhook CCH работает и без него (см. docs/cch-bridge.md).',
  enabled: 'Опрашивать Claude Code Hub',
  baseUrl: 'Адрес CCH',
  baseUrlDescription:
    'Где работает CCH, например https://cch.example.com; Herald обращается к /api/v1/providers/health.',
  token: 'Токен администратора CCH',
  tokenDescription:
    'ADMIN_TOKEN CCH или API-ключ администратора. Хранится в зашифрованном виде и больше не показывается.',
  interval: 'Опрашивать каждые (секунд)',
  intervalDescription: 'От {{min}} до {{max}} секунд.',
  save: 'Сохранить коннектор',
  saved: 'Коннектор сохранён.',
  saveFailed: 'Не удалось сохранить коннектор: {{message}}',
  loadFailed: 'Не удалось загрузить коннектор: {{message}}',
  test: 'Проверить',
  testFailed: 'Не удалось выполнить проверку: {{message}}',
  testOk: 'CCH ответил за {{ms}} мс',
  testNotOk: 'Не удалось прочитать CCH',
  testProviders: 'Провайдеров: {{providers}}, из них с незамкнутым предохранителем: {{notClosed}}.',
  neverPolled: 'Ещё не опрашивался.',
  lastPollOk: 'Последний опрос <at/>: провайдеров {{providers}}, с незамкнутым предохранителем {{notClosed}}.',
  lastPollFailed: 'Последний опрос <at/> не удался: {{error}}',
} satisfies Catalogue<PluralsRussian>['cchConnector'];
