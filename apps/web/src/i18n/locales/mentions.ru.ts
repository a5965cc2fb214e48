import type { Catalogue, PluralsRussian } from '../catalogue.ts';

type Text = Catalogue<PluralsRussian>;

/** Русский текст упоминаний привязки (редактор привязок на странице уведомлений). */
export const mentionsRu = {
  people: 'Упомянуть',
  peoplePlaceholder: 'Введите и нажмите Enter',
  examples: 'Кого уведомит сообщение. Например: {{examples}}',
  levels: 'Только для уровней',
  levelsPlaceholder: 'Все уровни',
  level: { info: 'Информация', warning: 'Предупреждение', error: 'Ошибка' },
  wechatNote:
    'В markdown WeCom нельзя упомянуть людей: с упоминаниями сообщение уходит простым текстом (не больше 2048 байт), id пользователей — в mentioned_list, номера телефонов — в mentioned_mobile_list.',
  dingtalkNote:
    'Каждый также указывается как @… в конце сообщения: DingTalk уведомляет только тех, кто назван в обоих местах.',
  feishuNote: 'Пользовательский бот упоминает по open_id (ou_…) или user_id; all — всех.',
  telegramNote: '@имя_пользователя или числовой id (можно добавить отображаемое имя) для тех, у кого имени нет.',
  previewTitle: 'Предпросмотр с упоминаниями',
  previewNobody: 'Этот пример — сообщение уровня «{{level}}»: при выбранных уровнях оно никого не упоминает.',
} satisfies Text['notificationsPage']['mentions'];
