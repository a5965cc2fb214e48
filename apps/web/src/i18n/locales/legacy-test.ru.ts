import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Проверка старого URL (страница «Уведомления», старый режим) по-русски. */
export const legacyTestRu = {
  button: 'Проверить',
  buttonLabel: 'Проверить: {{type}}',
  hint: 'Отправляет пример сообщения на введённый URL, не сохраняя его.',
  empty: 'Введите URL для проверки: сохранённый URL никогда не возвращается в браузер.',
  resultLabel: 'Проверка: {{type}}',
  platform: 'Платформа:',
  failed: 'Не удалось выполнить проверку: {{message}}',
} satisfies Catalogue<PluralsRussian>['notificationsPage']['legacyTest'];
