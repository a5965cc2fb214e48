import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 供應商餘額警示卡片的繁體中文文字（通知頁面）。 */
export const providerBalanceCardZhTW = {
  rule: '供應商餘額低於門檻時警示一次，每降到更低一級再警示一次，儲值回到門檻以上時傳送一則恢復訊息。中轉站透過 hub.reportProviderBalance 回報餘額。',
  defaultThreshold: '預設餘額警示門檻',
  defaultThresholdDescription:
    '以各供應商自己的幣別計。回報了自身門檻的供應商使用自己的門檻。留空：只為這些供應商發出警示。',
  noDefault: '無',
  levels: '更低級別（門檻的 %）',
  levelsDescription: '由高到低，例如「50, 0」：門檻的一半，然後餘額耗盡。最多 5 個；留空則只依門檻警示。',
  levelsProblems: {
    notANumber: '請輸入以逗號分隔的百分比，例如 50, 0。',
    outOfRange: '每個級別須不小於 0 且小於 100（100 % 即門檻本身）。',
    notDescending: '每個級別須低於前一個。',
    tooMany: '最多 5 個級別。',
  },
} satisfies Catalogue<PluralsOther>['notificationsPage']['providerBalance'];
