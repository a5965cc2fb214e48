import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import { glossaryZhTW } from './glossary.zh-TW.ts';
import type { targetHealthEn } from './target-health.en.ts';

/** 推送目標的健康狀況：目標頁的欄位與卡片，以及健康指示點。 */
export const targetHealthZhTW = {
  health: '健康狀況',
  lastDelivery: '最近投遞',
  successRate: '成功率（24 小時）',
  lastError: '最近錯誤',
  state: glossaryZhTW.health,
  stateHint: {
    ok: '最近一次投遞或測試成功，且 24 小時內有投遞',
    failing: '最近一次投遞或測試失敗',
    idle: '上次成功，但 24 小時內沒有投遞',
    untested: '從未測試，也還沒有投遞',
  },
  dotLabel: '{{name}} 的健康狀況：{{state}}',
  noDelivery: '尚無投遞',
  delivered: glossaryZhTW.statuses.delivered,
  failed: glossaryZhTW.statuses.failed,
  rateCounts: '{{finished}} 則中送達 {{delivered}} 則',
  noRate: '24 小時內無投遞',
  noError: '沒有錯誤',
  code: '錯誤碼 {{code}}',
  failedDeliveries: '失敗的投遞',
  failedDeliveriesOf: '{{name}} 失敗的投遞',
  unavailable: '暫時無法取得健康狀況',
} satisfies CatalogueOf<typeof targetHealthEn, PluralsOther>;
