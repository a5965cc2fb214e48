import type { Catalogue, PluralsRussian } from '../catalogue.ts';

type Text = Catalogue<PluralsRussian>;

/** Русский текст предпросмотра сообщений (окно цели, редактор привязки, карточка доставки). */
export const messagePreviewRu = {
  title: 'Как будет выглядеть сообщение',
  type: 'Пример уведомления',
  language: 'Язык сообщения: {{language}}',
  view: 'Вид предпросмотра',
  asShown: 'Как в приложении',
  json: 'Тело запроса (JSON)',
  truncated: 'Сокращено до лимита платформы.',
  failed: 'Не удалось построить предпросмотр: {{message}}',
  subject: 'Тема',
  emailBody: 'Текст письма',
  priority: 'Приоритет {{priority}}',
} satisfies Text['messagePreview'];
