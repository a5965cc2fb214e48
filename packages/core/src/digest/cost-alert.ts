import type { Locale } from '../domain.ts';
import { COST_CURRENCY, formatAmount, formatAmountNumber, usageIndicator, usagePercent } from '../message/format.ts';
import { ruCount } from '../message/plural-ru.ts';
import { type CostAlertData, periodLabel } from '../notifications/cost-alert.ts';
import type { DigestDefinition } from './types.ts';

const TEXT = {
  'zh-CN': {
    who: { user: '用户', provider: '供应商' },
    users: (n: number) => `${n} 位用户`,
    providers: (n: number) => `${n} 个供应商`,
    and: '和 ',
    overQuota: () => '超出额度',
    reached: () => '达到消费预警阈值',
    backUnder: () => '消费恢复正常',
    mixed: (over: number, back: number) => `成本预警：${over} 个超过阈值 · ${back} 个恢复正常`,
    threshold: (p: string) => `阈值 ${p}`,
    recovered: '✅ 新周期已恢复正常',
  },
  'zh-TW': {
    who: { user: '使用者', provider: '供應商' },
    users: (n: number) => `${n} 位使用者`,
    providers: (n: number) => `${n} 個供應商`,
    and: '和 ',
    overQuota: () => '超出額度',
    reached: () => '達到消費預警門檻',
    backUnder: () => '消費恢復正常',
    mixed: (over: number, back: number) => `成本預警：${over} 個超過門檻 · ${back} 個恢復正常`,
    threshold: (p: string) => `門檻 ${p}`,
    recovered: '✅ 新週期已恢復正常',
  },
  en: {
    who: { user: 'User', provider: 'Provider' },
    users: (n: number) => (n === 1 ? '1 user' : `${n} users`),
    providers: (n: number) => (n === 1 ? '1 provider' : `${n} providers`),
    and: ' and ',
    // "Their" reads for one user too; one provider is an "it".
    overQuota: (its: boolean) => ` over ${its ? 'its' : 'their'} quota`,
    reached: (its: boolean) => ` reached ${its ? 'its' : 'their'} spending alert threshold`,
    backUnder: (its: boolean) => ` back under ${its ? 'its' : 'their'} threshold`,
    mixed: (over: number, back: number) => `Cost alerts: ${over} over threshold · ${back} back under`,
    threshold: (p: string) => `threshold ${p}`,
    recovered: '✅ back under in a new period',
  },
  ja: {
    who: { user: 'ユーザー', provider: 'プロバイダー' },
    users: (n: number) => `${n} 人のユーザー`,
    providers: (n: number) => `${n} 件のプロバイダー`,
    and: 'と ',
    overQuota: () => 'が上限を超過',
    reached: () => 'が利用額アラートのしきい値に到達',
    backUnder: () => 'がしきい値を下回り正常に復帰',
    mixed: (over: number, back: number) => `コストアラート：${over} 件がしきい値超過 · ${back} 件が正常に復帰`,
    threshold: (p: string) => `しきい値 ${p}`,
    recovered: '✅ 新しい期間で正常に復帰',
  },
  ru: {
    who: { user: 'Пользователь', provider: 'Провайдер' },
    users: (n: number) => ruCount(n, ['пользователь', 'пользователя', 'пользователей']),
    providers: (n: number) => ruCount(n, ['провайдер', 'провайдера', 'провайдеров']),
    and: ' и ',
    overQuota: () => ': лимит превышен',
    reached: () => ': достигнут порог оповещения о расходах',
    backUnder: () => ': расходы снова ниже порога',
    mixed: (over: number, back: number) => `Оповещения о расходах: выше порога — ${over} · снова ниже порога — ${back}`,
    threshold: (p: string) => `порог ${p}`,
    recovered: '✅ снова ниже порога в новом периоде',
  },
} satisfies Record<Locale, unknown>;

const percentOf = (d: CostAlertData) => usagePercent(d.currentCost, d.quotaLimit) ?? 0;

/** "3 位用户和 2 个供应商", "1 user and 2 providers". */
function who(items: CostAlertData[], locale: Locale): string {
  const t = TEXT[locale];
  const users = items.filter((d) => d.targetType === 'user').length;
  const providers = items.length - users;
  const parts = [...(users ? [t.users(users)] : []), ...(providers ? [t.providers(providers)] : [])];
  return parts.join(t.and);
}

export const costAlertDigest: DigestDefinition<CostAlertData> = {
  type: 'cost_alert',
  summary(items, locale) {
    const t = TEXT[locale];
    const over = items.filter((d) => d.event !== 'recovered');
    const back = items.length - over.length;
    const anyFull = over.some((d) => percentOf(d) >= 100);
    // "Over their quota" only when every one is; a threshold below 100 % was reached, not exceeded.
    const allFull = over.length > 0 && over.every((d) => percentOf(d) >= 100);
    const its = items.length === 1 && items[0]?.targetType === 'provider';
    const title =
      back === 0
        ? who(over, locale) + (allFull ? t.overQuota(its) : t.reached(its))
        : over.length === 0
          ? who(items, locale) + t.backUnder(its)
          : t.mixed(over.length, back);
    return {
      title,
      level: anyFull ? 'error' : over.length > 0 ? 'warning' : 'info',
      icon: over.length > 0 ? '💰' : '✅',
    };
  },
  row(d, { locale }) {
    const t = TEXT[locale];
    const percent = percentOf(d);
    const figures = [
      periodLabel(d.period, locale),
      // Spend over quota in one currency, named once.
      `${formatAmountNumber(d.currentCost)} / ${formatAmount(d.quotaLimit, COST_CURRENCY)}`,
      `${percent.toFixed(1)}% ${usageIndicator(percent)}`,
    ];
    const level = d.event === 'recovered' ? [t.recovered] : [];
    const threshold = d.event === 'recovered' ? [] : [t.threshold(`${Math.round(d.threshold * 1000) / 10}%`)];
    return {
      primary: `${t.who[d.targetType]} ${d.targetName} (ID: ${d.targetId})`,
      secondary: [...level, ...figures, ...threshold].join(' · '),
    };
  },
  sample: () => [
    {
      targetType: 'user',
      targetId: '42',
      targetName: 'Alice',
      currentCost: 92.5,
      quotaLimit: 100,
      threshold: 0.9,
      period: 'weekly',
    },
    {
      targetType: 'user',
      targetId: '43',
      targetName: 'Bob',
      currentCost: 52,
      quotaLimit: 50,
      threshold: 1,
      period: '5h',
    },
    {
      targetType: 'provider',
      targetId: '7',
      targetName: 'Anthropic Primary',
      currentCost: 410,
      quotaLimit: 500,
      threshold: 0.8,
      period: 'monthly',
    },
  ],
};
