import type { CatalogueOf, PluralsOther } from '../catalogue.ts';
import { glossaryZhCN } from './glossary.zh-CN.ts';
import type { targetHealthEn } from './target-health.en.ts';

/** 推送目标的健康状况：目标页的列与卡片，以及健康指示点。 */
export const targetHealthZhCN = {
  health: '健康状况',
  lastDelivery: '最近投递',
  successRate: '成功率（24 小时）',
  lastError: '最近错误',
  state: glossaryZhCN.health,
  stateHint: {
    ok: '最近一次投递或测试成功，且 24 小时内有投递',
    failing: '最近一次投递或测试失败',
    idle: '上次成功，但 24 小时内没有投递',
    untested: '从未测试，也还没有投递',
  },
  dotLabel: '{{name}} 的健康状况：{{state}}',
  noDelivery: '尚无投递',
  delivered: glossaryZhCN.statuses.delivered,
  failed: glossaryZhCN.statuses.failed,
  rateCounts: '{{finished}} 条中送达 {{delivered}} 条',
  noRate: '24 小时内无投递',
  noError: '没有错误',
  code: '错误码 {{code}}',
  failedDeliveries: '失败的投递',
  failedDeliveriesOf: '{{name}} 失败的投递',
  unavailable: '暂时无法获取健康状况',
} satisfies CatalogueOf<typeof targetHealthEn, PluralsOther>;
