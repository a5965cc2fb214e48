import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { routingEn } from './routing.en.ts';

/** 通知ページのルーティング表、未保存の変更バー、離脱時の確認。 */
export const routingJa = {
  gridTitle: 'ルーティング',
  gridDescription: 'どの送信先がどの通知を受け取るか。種類を選ぶと、その設定と紐付けを編集できます。',
  target: '送信先',
  route: '{{type}}を {{target}} に送る',
  editType: '{{type}}を編集',
  selected: '編集中',
  noTargets: '送信先がまだありません。「送信先」ページで追加してください。',
  legacyNote:
    'レガシーモードでは種類ごとに 1 つの Webhook URL に送ります。送信先へ振り分けるにはマルチターゲット（紐付け）モードに切り替えてください。',
  unsaved: '未保存の変更',
  unsavedCount_other: '未保存の変更が {{count}} 件あります',
  discard: '破棄',
  leaveTitle: '保存せずに移動しますか？',
  leaveBody: 'このページの変更はまだ保存されておらず、失われます。',
  stay: 'このページに残る',
  leave: '破棄して移動',
} satisfies CatalogueOf<typeof routingEn, PluralsOther>;
