import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 概览页供应商余额面板的简体中文文本。 */
export const providerBalanceOverviewZhCN = {
  title: '供应商余额',
  description: '中转站最近上报的上游账户余额，相对阈值最低的在前。',
  empty: '尚未上报余额。中转站通过 hub.reportProviderBalance 上报。',
  threshold: '阈值 {{amount}}',
  noThreshold: '无阈值',
  reportedAt: '<at/>上报',
  levels: {
    ok: '正常',
    none: '不告警',
    low: '余额不足',
    part: '低于 {{percent}}',
    zero: '已耗尽',
  },
} satisfies Catalogue<PluralsOther>['overviewPage']['balances'];
