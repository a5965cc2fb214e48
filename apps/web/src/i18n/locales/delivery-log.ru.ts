import type { CatalogueOf, PluralsRussian } from '../catalogue.ts';
import type { deliveryLogEn } from './delivery-log.en.ts';

/** Журнал доставок: группы и пояснения к ошибкам (русский). */
export const deliveryLogRu = {
  sentTo_one: '{{count}} адресату',
  sentTo_few: '{{count}} адресатам',
  sentTo_many: '{{count}} адресатам',
  sentTo_other: '{{count}} адресатам',
  hintTitle: 'Что это значит',
  hintAction: 'Что делать',
  hintCode: 'Код {{code}}',
  editTarget: 'Изменить адресата',
  editTargetNamed: 'Изменить адресата «{{name}}»',
} satisfies CatalogueOf<typeof deliveryLogEn, PluralsRussian>;
