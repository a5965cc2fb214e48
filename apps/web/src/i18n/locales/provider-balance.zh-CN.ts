import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 供应商余额告警卡片的简体中文文本（通知页面）。 */
export const providerBalanceCardZhCN = {
  rule: '供应商余额低于阈值时告警一次，每降到更低一级再告警一次，充值回到阈值及以上时发一条恢复消息。中转站通过 hub.reportProviderBalance 上报余额。',
  defaultThreshold: '默认余额告警阈值',
  defaultThresholdDescription:
    '以各供应商自己的币种计。上报了自身阈值的供应商使用自己的阈值。留空：只为这些供应商告警。',
  noDefault: '无',
  levels: '更低级别（阈值的 %）',
  levelsDescription: '从高到低，例如“50, 0”：阈值的一半，然后余额耗尽。最多 5 个；留空则只按阈值告警。',
  levelsProblems: {
    notANumber: '请输入用逗号分隔的百分比，例如 50, 0。',
    outOfRange: '每个级别须不小于 0 且小于 100（100 % 即阈值本身）。',
    notDescending: '每个级别须低于前一个。',
    tooMany: '最多 5 个级别。',
  },
} satisfies Catalogue<PluralsOther>['notificationsPage']['providerBalance'];
