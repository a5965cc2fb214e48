import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import type { routingEn } from './routing.en.ts';

/** 通知頁的路由表、未儲存變更列和離開提示。 */
export const routingZhTW = {
  gridTitle: '路由',
  gridDescription: '哪個目標接收哪種通知。選擇一種類型以編輯它的設定和綁定。',
  target: '推播目標',
  route: '將{{type}}傳送到 {{target}}',
  editType: '編輯{{type}}',
  selected: '正在編輯',
  noTargets: '還沒有目標：請先在「推播目標」頁新增。',
  legacyNote: '舊版模式下每種類型傳送到各自的 Webhook 網址；切換到多目標模式後才能依目標路由。',
  unsaved: '未儲存的變更',
  unsavedCount_other: '{{count}} 項變更未儲存',
  discard: '捨棄變更',
  leaveTitle: '不儲存就離開？',
  leaveBody: '本頁的變更尚未儲存，離開後將會遺失。',
  stay: '留在本頁',
  leave: '捨棄並離開',
} satisfies CatalogueOf<typeof routingEn, PluralsOther>;
