import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 舊版 Webhook 網址測試的繁體中文文字（通知頁面，舊版模式）。 */
export const legacyTestZhTW = {
  button: '測試',
  buttonLabel: '測試{{type}}',
  hint: '傳送一則範例訊息至目前輸入的網址，不會儲存該網址。',
  empty: '請輸入要測試的網址：已儲存的網址不會傳回瀏覽器。',
  resultLabel: '{{type}}的測試結果',
  platform: '偵測到的平台：',
  failed: '無法執行測試：{{message}}',
} satisfies Catalogue<PluralsOther>['notificationsPage']['legacyTest'];
