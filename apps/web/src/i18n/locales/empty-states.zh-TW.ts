import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 空白狀態的操作按鈕（填滿空白清單的那一步）與 Webhook 網址規則的中文文字。 */
export const emptyStatesZhTW = {
  noMatchTitle: '沒有符合的內容',
  targets: { action: '新增第一個推播目標' },
  apiKeys: { action: '建立第一把金鑰' },
  silences: { action: '建立靜音' },
  deliveries: {
    toTargets: '前往推播目標頁傳送測試',
    toNotifications: '前往通知頁設定路由',
    showAll: '顯示全部傳送紀錄',
  },
  routing: {
    addTarget: '新增推播目標',
    howToBind: '在路由表中開啟對應的開關，或在下方選擇一個目標。',
  },
  overview: { connectHub: '用 API 金鑰連接中轉站' },
  urlRule: '{{platforms}}的網址必須以 https:// 開頭；其他網址（本機或內部網路的服務）也可以使用 http://。',
} satisfies Catalogue<PluralsOther>['emptyStates'];
