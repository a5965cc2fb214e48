import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { deliveryLogEn } from './delivery-log.en.ts';

/** 配信ログのまとめ表示とエラーの説明（日本語）。 */
export const deliveryLogJa = {
  sentTo_other: '{{count}} 件の送信先へ',
  hintTitle: '意味',
  hintAction: '対処',
  hintCode: 'コード {{code}}',
  editTarget: '送信先を編集',
  editTargetNamed: '送信先「{{name}}」を編集',
} satisfies CatalogueOf<typeof deliveryLogEn, PluralsOther>;
