import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { deliveryLogEn } from './delivery-log.en.ts';

/** 傳送紀錄的分組與錯誤說明（繁體中文）。 */
export const deliveryLogZhTW = {
  sentTo_other: '傳送至 {{count}} 個推播目標',
  hintTitle: '含義',
  hintAction: '處理方式',
  hintCode: '錯誤碼 {{code}}',
  editTarget: '編輯推播目標',
  editTargetNamed: '編輯推播目標「{{name}}」',
} satisfies CatalogueOf<typeof deliveryLogEn, PluralsOther>;
