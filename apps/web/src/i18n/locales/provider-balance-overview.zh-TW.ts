import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 概覽頁供應商餘額面板的繁體中文文字。 */
export const providerBalanceOverviewZhTW = {
  title: '供應商餘額',
  description: '中轉站最近回報的上游帳戶餘額，相對門檻最低的在前。',
  empty: '尚未回報餘額。中轉站透過 hub.reportProviderBalance 回報。',
  threshold: '門檻 {{amount}}',
  noThreshold: '無門檻',
  reportedAt: '<at/>回報',
  levels: {
    ok: '正常',
    none: '不警示',
    low: '餘額不足',
    part: '低於 {{percent}}',
    zero: '已耗盡',
  },
} satisfies Catalogue<PluralsOther>['overviewPage']['balances'];
