import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { COST_CURRENCY, formatAmount, usageIndicator, usagePercent } from '../message/format.ts';
import { withLinks } from '../message/links.ts';
import type { NotificationDefinition } from './types.ts';
import { DEFAULT_DIGEST_TEMPLATE, text } from './types.ts';

export const COST_PERIODS = ['5h', 'weekly', 'monthly'] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

export const COST_ALERT_EVENTS = ['over', 'recovered'] as const;
export type CostAlertEvent = (typeof COST_ALERT_EVENTS)[number];

export const CostAlertData = z.object({
  /** Absent: over the threshold. Recovered: back under it in a new window. */
  event: z.enum(COST_ALERT_EVENTS, `must be one of ${COST_ALERT_EVENTS.join(', ')}`).optional(),
  targetType: z.enum(['user', 'provider']),
  targetId: z.union([z.string().trim().min(1).max(128), z.number().int()]).transform(String),
  targetName: z.string().trim().min(1).max(200),
  currentCost: z.number().nonnegative(),
  quotaLimit: z.number().positive(),
  /** The alert level that was crossed, as a fraction (0.8 = 80 %). */
  threshold: z.number().min(0).max(10),
  period: z.enum(COST_PERIODS),
});
export type CostAlertData = z.output<typeof CostAlertData>;

const TEXT = {
  'zh-CN': {
    title: '成本预警提醒',
    recoveredTitle: '成本恢复正常',
    who: { user: '用户', provider: '供应商' },
    reached: (who: string, name: string) => `${who} ${name} 的消费已达到预警阈值`,
    recovered: (who: string, name: string) => `${who} ${name} 进入新的统计周期，消费已回到预警阈值以下`,
    details: '消费详情',
    current: '当前消费',
    limit: '配额限制',
    usage: '使用比例',
    remaining: '剩余额度',
    period: '统计周期',
    periods: { '5h': '5小时', weekly: '本周', monthly: '本月' },
    footer: '请注意控制消费',
  },
  'zh-TW': {
    title: '成本預警提醒',
    recoveredTitle: '成本恢復正常',
    who: { user: '使用者', provider: '供應商' },
    reached: (who: string, name: string) => `${who} ${name} 的消費已達到預警門檻`,
    recovered: (who: string, name: string) => `${who} ${name} 進入新的統計週期，消費已回到預警門檻以下`,
    details: '消費詳情',
    current: '目前消費',
    limit: '配額限制',
    usage: '使用比例',
    remaining: '剩餘額度',
    period: '統計週期',
    periods: { '5h': '5小時', weekly: '本週', monthly: '本月' },
    footer: '請注意控制消費',
  },
  en: {
    title: 'Cost alert',
    recoveredTitle: 'Spending back under threshold',
    who: { user: 'User', provider: 'Provider' },
    reached: (who: string, name: string) => `${who} ${name} has reached the spending alert threshold`,
    recovered: (who: string, name: string) =>
      `${who} ${name} is back under the spending alert threshold in a new period`,
    details: 'Spending',
    current: 'Current spend',
    limit: 'Quota',
    usage: 'Usage',
    remaining: 'Remaining',
    period: 'Period',
    periods: { '5h': 'Last 5 hours', weekly: 'This week', monthly: 'This month' },
    footer: 'Please keep spending under control',
  },
  ja: {
    title: 'コストアラート',
    recoveredTitle: 'コストが正常に戻りました',
    who: { user: 'ユーザー', provider: 'プロバイダー' },
    reached: (who: string, name: string) => `${who} ${name} の利用額がアラートのしきい値に達しました`,
    recovered: (who: string, name: string) =>
      `${who} ${name} は新しい集計期間に入り、利用額がアラートのしきい値を下回りました`,
    details: '利用状況',
    current: '現在の利用額',
    limit: '上限額',
    usage: '使用率',
    remaining: '残額',
    period: '集計期間',
    periods: { '5h': '直近 5 時間', weekly: '今週', monthly: '今月' },
    footer: '利用額にご注意ください',
  },
  ru: {
    title: 'Оповещение о расходах',
    recoveredTitle: 'Расходы снова в норме',
    who: { user: 'Пользователь', provider: 'Провайдер' },
    reached: (who: string, name: string) => `${who} ${name}: расходы достигли порога оповещения`,
    recovered: (who: string, name: string) =>
      `${who} ${name}: начался новый период, расходы снова ниже порога оповещения`,
    details: 'Расходы',
    current: 'Текущие расходы',
    limit: 'Лимит',
    usage: 'Использовано',
    remaining: 'Остаток',
    period: 'Период',
    periods: { '5h': 'Последние 5 часов', weekly: 'Эта неделя', monthly: 'Этот месяц' },
    footer: 'Следите за расходами',
  },
} satisfies Record<Locale, unknown>;

export const costAlert: NotificationDefinition<typeof CostAlertData> = {
  type: 'cost_alert',
  data: CostAlertData,
  build(d, { locale, timezone, now, links }) {
    const t = TEXT[locale];
    // The user's (or provider's) alerts: what it spent against its quota before.
    const linked = withLinks(links, locale, [{ kind: d.targetType, id: d.targetId }]);
    const percent = usagePercent(d.currentCost, d.quotaLimit) ?? 0;
    const usage = { label: t.usage, value: `${percent.toFixed(1)}% ${usageIndicator(percent)}` };
    if (d.event === 'recovered') {
      return {
        title: t.recoveredTitle,
        level: 'info',
        icon: '✅',
        sections: [
          { blocks: [{ type: 'quote', text: t.recovered(t.who[d.targetType], d.targetName) }] },
          {
            title: t.details,
            blocks: [
              {
                type: 'fields',
                fields: [
                  { label: t.period, value: t.periods[d.period] },
                  { label: t.current, value: formatAmount(d.currentCost, COST_CURRENCY) },
                  { label: t.limit, value: formatAmount(d.quotaLimit, COST_CURRENCY) },
                  usage,
                ],
              },
            ],
          },
        ],
        ...linked,
        timestamp: now.toISOString(),
        timezone,
      };
    }
    return {
      title: t.title,
      level: percent >= 100 ? 'error' : 'warning',
      icon: '💰',
      sections: [
        { blocks: [{ type: 'quote', text: t.reached(t.who[d.targetType], d.targetName) }] },
        {
          title: t.details,
          blocks: [
            {
              type: 'fields',
              fields: [
                { label: t.current, value: formatAmount(d.currentCost, COST_CURRENCY) },
                { label: t.limit, value: formatAmount(d.quotaLimit, COST_CURRENCY) },
                usage,
                { label: t.remaining, value: formatAmount(d.quotaLimit - d.currentCost, COST_CURRENCY) },
                { label: t.period, value: t.periods[d.period] },
              ],
            },
          ],
        },
      ],
      footer: [{ blocks: [{ type: 'text', text: t.footer }] }],
      ...linked,
      timestamp: now.toISOString(),
      timezone,
    };
  },
  variables: (d, { locale }) => {
    const percent = usagePercent(d.currentCost, d.quotaLimit);
    return {
      event: text(d.event ?? 'over'),
      target_type: text(d.targetType),
      target_id: text(d.targetId),
      target_name: text(d.targetName),
      current_cost: text(d.currentCost),
      quota_limit: text(d.quotaLimit),
      // One decimal, as the message shows it (80 → "80.0"); the JSON value is the number.
      usage_percent: percent === null ? { text: '', json: null } : { text: percent.toFixed(1), json: percent },
      remaining: text(Math.round((d.quotaLimit - d.currentCost) * 1e6) / 1e6),
      threshold: text(d.threshold),
      period: text(d.period),
      period_label: text(TEXT[locale].periods[d.period]),
    };
  },
  variableDocs: [
    {
      name: 'event',
      description: {
        'zh-CN': '事件：超过阈值，或在新周期恢复正常',
        en: 'Over the threshold, or back under it',
        'zh-TW': '事件：超過門檻，或在新週期恢復正常',
        ja: 'イベント：しきい値超過、または新しい期間で正常に復帰',
        ru: 'Событие: порог превышен или снова ниже порога в новом периоде',
      },
      example: 'over / recovered',
    },
    {
      name: 'target_type',
      description: { 'zh-CN': '目标类型', en: 'Target type', 'zh-TW': '目標類型', ja: '対象の種類', ru: 'Тип объекта' },
      example: 'user / provider',
    },
    {
      name: 'target_id',
      description: { 'zh-CN': '目标 ID', en: 'Target ID', 'zh-TW': '目標 ID', ja: '対象 ID', ru: 'ID объекта' },
      example: '42',
    },
    {
      name: 'target_name',
      description: { 'zh-CN': '目标名称', en: 'Target name', 'zh-TW': '目標名稱', ja: '対象名', ru: 'Имя объекта' },
      example: 'Alice',
    },
    {
      name: 'current_cost',
      description: {
        'zh-CN': '当前消费金额',
        en: 'Current spend',
        'zh-TW': '目前消費金額',
        ja: '現在の利用額',
        ru: 'Текущие расходы',
      },
      example: '85.50',
    },
    {
      name: 'quota_limit',
      description: { 'zh-CN': '配额限制金额', en: 'Quota limit', 'zh-TW': '配額限制金額', ja: '上限額', ru: 'Лимит' },
      example: '100.00',
    },
    {
      name: 'usage_percent',
      description: {
        'zh-CN': '使用比例（百分比，一位小数；配额为 0 时为空）',
        en: 'Usage in percent, one decimal (empty when the quota is 0)',
        'zh-TW': '使用比例（百分比，一位小數；配額為 0 時為空）',
        ja: '使用率（%、小数 1 桁、上限が 0 なら空）',
        ru: 'Использовано в процентах, один знак после запятой (пусто при нулевом лимите)',
      },
      example: '80.0',
    },
    {
      name: 'remaining',
      description: {
        'zh-CN': '剩余额度',
        en: 'Remaining quota',
        'zh-TW': '剩餘額度',
        ja: '残額',
        ru: 'Остаток лимита',
      },
      example: '14.5',
    },
    {
      name: 'threshold',
      description: {
        'zh-CN': '触发的预警阈值',
        en: 'Threshold crossed',
        'zh-TW': '觸發的預警門檻',
        ja: '超えたしきい値',
        ru: 'Превышенный порог',
      },
      example: '0.8',
    },
    {
      name: 'period',
      description: { 'zh-CN': '统计周期', en: 'Period', 'zh-TW': '統計週期', ja: '集計期間', ru: 'Период' },
      example: '5h / weekly / monthly',
    },
    {
      name: 'period_label',
      description: {
        'zh-CN': '统计周期（文字）',
        en: 'Period (words)',
        'zh-TW': '統計週期（文字）',
        ja: '集計期間（文字）',
        ru: 'Период (словами)',
      },
      example: '本周',
    },
  ],
  defaultTemplate: {
    title: '{{title}}',
    targetType: '{{target_type}}',
    targetName: '{{target_name}}',
    currentCost: '{{current_cost}}',
    quotaLimit: '{{quota_limit}}',
    usagePercent: '{{usage_percent}}',
  },
  defaultDigestTemplate: DEFAULT_DIGEST_TEMPLATE,
  sample: () => ({
    targetType: 'user',
    targetId: '42',
    targetName: 'Alice',
    currentCost: 92.5,
    quotaLimit: 100,
    threshold: 0.9,
    period: 'weekly',
  }),
};

/** The period in words, as cost messages show it ("本周", "This week"). */
export const periodLabel = (period: CostPeriod, locale: Locale): string => TEXT[locale].periods[period];
