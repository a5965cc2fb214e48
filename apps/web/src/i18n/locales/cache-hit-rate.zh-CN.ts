import type { Catalogue, PluralsOther } from '../catalogue.ts';

type Text = Catalogue<PluralsOther>;

/** 缓存命中率异常告警的简体中文文字：通知页面的卡片与概览页面的面板。 */
export const cacheHitRateCardZhCN = {
  baselineRule: '基线：依次取历史天数、今日至今、上一窗口，第一个请求数足够且类型相同（可命中或全部）的样本即为基线。',
  anomalyRule: '异常：命中率低于绝对下限，或比基线的下降同时达到绝对跌幅阈值和相对跌幅阈值。',
  windowMode: '窗口',
  windowModeDescription:
    '当前命中率统计的时长。自动模式按检查间隔选择：不超过 5 分钟 → 5 分钟，不超过 30 → 30 分钟，不超过 60 → 1 小时，更长 → 1.5 小时。',
  windowNow: '当前为 {{window}}。',
  windows: {
    auto: '自动',
    '5m': '5 分钟',
    '30m': '30 分钟',
    '1h': '1 小时',
    '90m': '1.5 小时',
  },
  checkInterval: '检查间隔（分钟）',
  checkIntervalDescription: '1–1440。没有自己 Cron 的目标按此间隔检查。',
  lookbackDays: '历史回看天数',
  lookbackDaysDescription: '1–90。今天之前用作历史基线的整天数。',
  cooldownMinutes: '冷却（分钟）',
  cooldownMinutesDescription:
    '0–1440，0 表示不冷却。同一供应商 × 模型在冷却期内对每个目标只告警一次，重复的计入抑制数量。',
  absMinPercent: '绝对下限（absMin，%）',
  absMinPercentDescription: '0–100 %。命中率低于此下限即为异常，无论是否有基线。',
  dropAbsPercent: '绝对跌幅阈值（dropAbs，百分点）',
  dropAbsPercentDescription: '0–100。命中率至少要比基线低多少：60 % → 45 % 为 15 个百分点。',
  dropRelPercent: '相对跌幅阈值（dropRel，%）',
  dropRelPercentDescription: '0–100 %。跌幅占基线的比例：60 % → 45 % 为 25 %。',
  minEligibleRequests: '最小可命中请求数',
  minEligibleRequestsDescription:
    '1–100000。可命中请求指同一会话中在缓存 TTL 内的后续请求；不足时改用全部请求，仍不足则跳过该组合。',
  minEligibleTokens: '最小可命中 Token 数',
  minEligibleTokensDescription: '0–2147483647。一个样本所需的输入 Token 数（普通输入、缓存写入与缓存读取之和）。',
  topN: '前 N 名',
  topNDescription: '1–100。每次检查最多告警的异常数，跌幅最大的优先。',
} satisfies Text['notificationsPage']['cacheHitRate'];

export const cacheHitRateOverviewZhCN = {
  title: '缓存命中率',
  description: '告警当前窗口内每个供应商 × 模型的命中率，以及与之比较的基线。',
  window: '{{window}}窗口：{{start}} – {{end}}',
  providerModel: '供应商 / 模型',
  current: '当前',
  baseline: '基线',
  change: '变化',
  anomaly: '异常',
  points: '{{value}} 个百分点',
  unknownProvider: '供应商 #{{id}}',
  kinds: {
    eligible: '可命中',
    overall: '全部',
  },
  sources: {
    historical: '历史',
    today: '今日',
    prev: '上一窗口',
  },
  sample: '{{kind}} · 请求 {{requests}} · Token {{tokens}}',
  noBaseline: '无基线',
  noBaselineHint: '仅按绝对下限判断',
  noModel:
    '当前窗口内没有带模型的用量。要在这里显示命中率，中转站须在每条用量记录中发送 model，并发送 sessionId 和 requestSequence，后续请求才算作可命中。',
  noSample: '本窗口已有用量，但还没有供应商 × 模型达到告警的最小样本。',
} satisfies Text['overviewPage']['cacheRates'];
