import type { CatalogueOf, PluralsRussian } from '../catalogue.ts';
import type { routingEn } from './routing.en.ts';

/** Таблица маршрутов страницы уведомлений, панель несохранённых изменений и предупреждение при уходе. */
export const routingRu = {
  gridTitle: 'Маршруты',
  gridDescription: 'Какой адресат какие уведомления получает. Выберите тип, чтобы изменить его настройки и привязки.',
  target: 'Адресат',
  route: 'Отправлять «{{type}}» в {{target}}',
  editType: 'Изменить «{{type}}»',
  selected: 'Редактируется',
  noTargets: 'Адресатов пока нет: добавьте их на странице «Адресаты».',
  legacyNote:
    'В старом режиме каждый тип уходит на свой webhook URL; чтобы направлять уведомления адресатам, включите режим нескольких адресатов.',
  unsaved: 'Несохранённые изменения',
  unsavedCount_one: '{{count}} несохранённое изменение',
  unsavedCount_few: '{{count}} несохранённых изменения',
  unsavedCount_many: '{{count}} несохранённых изменений',
  unsavedCount_other: '{{count}} несохранённого изменения',
  discard: 'Отменить',
  leaveTitle: 'Уйти без сохранения?',
  leaveBody: 'Изменения на этой странице не сохранены и будут потеряны.',
  stay: 'Остаться',
  leave: 'Уйти без сохранения',
} satisfies CatalogueOf<typeof routingEn, PluralsRussian>;
