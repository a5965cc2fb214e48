import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { formatAmount } from '../message/format.ts';
import { withLinks } from '../message/links.ts';
import type { Field, Level } from '../message/model.ts';
import { BALANCE_MAX, balanceLevelName } from '../provider-balance/levels.ts';
import { HUB_ID_MAX, HUB_NAME_MAX } from '../schemas/hub.ts';
import { CurrencyCode } from '../schemas/provider-balance.ts';
import type { NotificationDefinition } from './types.ts';
import { text } from './types.ts';

export const BALANCE_EVENTS = ['low', 'recovered'] as const;
export type BalanceEvent = (typeof BALANCE_EVENTS)[number];

/** What the engine sends about an upstream account's balance. */
export const ProviderBalanceData = z.object({
  /** low: a level was reached; recovered: back at or above the threshold after an alert. */
  event: z.enum(BALANCE_EVENTS, `must be one of ${BALANCE_EVENTS.join(', ')}`),
  providerId: z.string().min(1).max(HUB_ID_MAX),
  providerName: z.string().max(HUB_NAME_MAX).optional(),
  balance: z.number().min(-BALANCE_MAX).max(BALANCE_MAX),
  currency: CurrencyCode,
  threshold: z.number().min(0).max(BALANCE_MAX),
  /** The level reached (low), or the lowest one alerted before the recovery: 1 = the threshold, 0 = zero. */
  levelFraction: z.number().min(0).max(1),
});
export type ProviderBalanceData = z.output<typeof ProviderBalanceData>;

type Who = { providerId: string; providerName?: string | undefined };
const percent = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;

const TEXT = {
  'zh-CN': {
    title: { low: '供应商余额不足', recovered: '供应商余额已恢复' },
    who: (d: Who) =>
      d.providerName ? `供应商 ${d.providerName} (ID: ${d.providerId})` : `供应商 (ID: ${d.providerId})`,
    lead: {
      low: (who: string) => `${who} 的余额已低于告警阈值`,
      part: (who: string, p: string) => `${who} 的余额已低于告警阈值的 ${p}`,
      zero: (who: string) => `${who} 的余额已耗尽`,
    },
    recovered: (who: string) => `${who} 的余额已恢复到告警阈值以上`,
    details: '余额详情',
    balance: '当前余额',
    threshold: '告警阈值',
    level: '告警级别',
    lowest: '本次最低级别',
    levels: { low: '低于阈值', part: (p: string) => `低于阈值的 ${p}`, zero: '已耗尽（≤ 0）' },
    footer: '请及时充值，以免请求失败',
  },
  'zh-TW': {
    title: { low: '供應商餘額不足', recovered: '供應商餘額已恢復' },
    who: (d: Who) =>
      d.providerName ? `供應商 ${d.providerName} (ID: ${d.providerId})` : `供應商 (ID: ${d.providerId})`,
    lead: {
      low: (who: string) => `${who} 的餘額已低於警示門檻`,
      part: (who: string, p: string) => `${who} 的餘額已低於警示門檻的 ${p}`,
      zero: (who: string) => `${who} 的餘額已用盡`,
    },
    recovered: (who: string) => `${who} 的餘額已恢復到警示門檻以上`,
    details: '餘額詳情',
    balance: '目前餘額',
    threshold: '警示門檻',
    level: '警示等級',
    lowest: '本次最低等級',
    levels: { low: '低於門檻', part: (p: string) => `低於門檻的 ${p}`, zero: '已用盡（≤ 0）' },
    footer: '請及時儲值，以免請求失敗',
  },
  en: {
    title: { low: 'Provider balance low', recovered: 'Provider balance restored' },
    who: (d: Who) => (d.providerName ? `provider ${d.providerName} (ID: ${d.providerId})` : `provider ${d.providerId}`),
    lead: {
      low: (who: string) => `The balance of ${who} is below its alert threshold`,
      part: (who: string, p: string) => `The balance of ${who} is below ${p} of its alert threshold`,
      zero: (who: string) => `The balance of ${who} is used up`,
    },
    recovered: (who: string) => `The balance of ${who} is back at or above its alert threshold`,
    details: 'Account',
    balance: 'Balance',
    threshold: 'Alert threshold',
    level: 'Level',
    lowest: 'Lowest level this time',
    levels: { low: 'Below the threshold', part: (p: string) => `Below ${p} of the threshold`, zero: 'Used up (≤ 0)' },
    footer: 'Top up the account before requests start failing',
  },
  ja: {
    title: { low: 'プロバイダー残高不足', recovered: 'プロバイダー残高回復' },
    who: (d: Who) =>
      d.providerName ? `プロバイダー ${d.providerName} (ID: ${d.providerId})` : `プロバイダー (ID: ${d.providerId})`,
    lead: {
      low: (who: string) => `${who} の残高がアラートのしきい値を下回りました`,
      part: (who: string, p: string) => `${who} の残高がアラートのしきい値の ${p} を下回りました`,
      zero: (who: string) => `${who} の残高がなくなりました`,
    },
    recovered: (who: string) => `${who} の残高がアラートのしきい値以上に回復しました`,
    details: '残高詳細',
    balance: '現在の残高',
    threshold: 'アラートのしきい値',
    level: 'レベル',
    lowest: '今回の最低レベル',
    levels: { low: 'しきい値未満', part: (p: string) => `しきい値の ${p} 未満`, zero: '残高なし（≤ 0）' },
    footer: 'リクエストが失敗する前にチャージしてください',
  },
  ru: {
    title: { low: 'Низкий баланс провайдера', recovered: 'Баланс провайдера восстановлен' },
    // Genitive: «Баланс провайдера …».
    who: (d: Who) =>
      d.providerName ? `провайдера ${d.providerName} (ID: ${d.providerId})` : `провайдера ${d.providerId}`,
    lead: {
      low: (who: string) => `Баланс ${who} ниже порога оповещения`,
      part: (who: string, p: string) => `Баланс ${who} ниже ${p} порога оповещения`,
      zero: (who: string) => `Баланс ${who} исчерпан`,
    },
    recovered: (who: string) => `Баланс ${who} снова не ниже порога оповещения`,
    details: 'Счёт',
    balance: 'Баланс',
    threshold: 'Порог оповещения',
    level: 'Уровень',
    lowest: 'Самый низкий уровень за это время',
    levels: { low: 'Ниже порога', part: (p: string) => `Ниже ${p} порога`, zero: 'Исчерпан (≤ 0)' },
    footer: 'Пополните счёт, пока запросы не начали завершаться ошибкой',
  },
} satisfies Record<Locale, unknown>;

/** A level in words: below the threshold, below a share of it, or used up. */
export function balanceLevelText(fraction: number, locale: Locale): string {
  const t = TEXT[locale].levels;
  if (fraction >= 1) return t.low;
  if (fraction <= 0) return t.zero;
  return t.part(percent(fraction));
}

function lead(d: ProviderBalanceData, locale: Locale): string {
  const t = TEXT[locale];
  const who = t.who(d);
  if (d.event === 'recovered') return t.recovered(who);
  if (d.levelFraction >= 1) return t.lead.low(who);
  if (d.levelFraction <= 0) return t.lead.zero(who);
  return t.lead.part(who, percent(d.levelFraction));
}

function levelOf(d: ProviderBalanceData): Level {
  if (d.event === 'recovered') return 'info';
  return d.levelFraction <= 0 ? 'error' : 'warning';
}

export const providerBalance: NotificationDefinition<typeof ProviderBalanceData> = {
  type: 'provider_balance',
  data: ProviderBalanceData,
  build(d, { locale, now, timezone, links }) {
    const t = TEXT[locale];
    const fields: Field[] = [
      { label: t.balance, value: formatAmount(d.balance, d.currency) },
      { label: t.threshold, value: formatAmount(d.threshold, d.currency) },
      { label: d.event === 'recovered' ? t.lowest : t.level, value: balanceLevelText(d.levelFraction, locale) },
    ];
    return {
      title: t.title[d.event],
      level: levelOf(d),
      icon: d.event === 'recovered' ? '✅' : '💰',
      sections: [
        { blocks: [{ type: 'quote', text: lead(d, locale) }] },
        { title: t.details, blocks: [{ type: 'fields', fields }] },
      ],
      ...(d.event === 'low' ? { footer: [{ blocks: [{ type: 'text', text: t.footer }] }] } : {}),
      ...withLinks(links, locale, [{ kind: 'provider', id: d.providerId }]),
      timestamp: now.toISOString(),
      timezone,
    };
  },
  variables: (d) => ({
    event: text(d.event),
    provider_id: text(d.providerId),
    provider_name: text(d.providerName ?? ''),
    balance: text(d.balance),
    currency: text(d.currency),
    threshold: text(d.threshold),
    balance_level: text(balanceLevelName(d.levelFraction)),
  }),
  variableDocs: [
    {
      name: 'event',
      description: {
        'zh-CN': '事件：余额不足（low）或已恢复（recovered）',
        en: 'What happened: low or recovered',
        'zh-TW': '事件：餘額不足（low）或已恢復（recovered）',
        ja: 'イベント：残高不足（low）または復旧（recovered）',
        ru: 'Событие: низкий баланс (low) или восстановлен (recovered)',
      },
      example: 'low / recovered',
    },
    {
      name: 'provider_id',
      description: {
        'zh-CN': '供应商 ID',
        en: 'Provider ID',
        'zh-TW': '供應商 ID',
        ja: 'プロバイダー ID',
        ru: 'ID провайдера',
      },
      example: '7',
    },
    {
      name: 'provider_name',
      description: {
        'zh-CN': '供应商名称（未知时为空）',
        en: 'Provider name (empty when unknown)',
        'zh-TW': '供應商名稱（未知時為空）',
        ja: 'プロバイダー名（不明なら空）',
        ru: 'Имя провайдера (пусто, если неизвестно)',
      },
      example: 'Anthropic Primary',
    },
    {
      name: 'balance',
      description: {
        'zh-CN': '当前余额（JSON 为数字，可为负）',
        en: 'Balance (a number in JSON; negative when overdrawn)',
        'zh-TW': '目前餘額（JSON 為數字，可為負）',
        ja: '現在の残高（JSON では数値、マイナスもあり）',
        ru: 'Баланс (в JSON число; отрицательный при перерасходе)',
      },
      example: '42.5',
    },
    {
      name: 'currency',
      description: {
        'zh-CN': '币种（ISO 4217）',
        en: 'Currency (ISO 4217)',
        'zh-TW': '幣別（ISO 4217）',
        ja: '通貨（ISO 4217）',
        ru: 'Валюта (ISO 4217)',
      },
      example: 'USD',
    },
    {
      name: 'threshold',
      description: {
        'zh-CN': '告警阈值（JSON 为数字）',
        en: 'Alert threshold (a number in JSON)',
        'zh-TW': '警示門檻（JSON 為數字）',
        ja: 'アラートのしきい値（JSON では数値）',
        ru: 'Порог оповещения (в JSON число)',
      },
      example: '100',
    },
    {
      name: 'balance_level',
      description: {
        'zh-CN': '达到的级别：low（低于阈值）、阈值的百分比如 50%、zero（已耗尽）；恢复时为本次最低级别',
        en: 'Level reached: low (under the threshold), a share of it such as 50%, or zero (used up); on recovery the lowest one reached',
        'zh-TW': '達到的等級：low（低於門檻）、門檻的百分比如 50%、zero（已用盡）；恢復時為本次最低等級',
        ja: '到達したレベル：low（しきい値未満）、しきい値に対する割合（例：50%）、zero（残高なし）。復旧時は今回の最低レベル',
        ru: 'Достигнутый уровень: low (ниже порога), доля порога, например 50%, или zero (исчерпан); при восстановлении — самый низкий из достигнутых',
      },
      example: 'low / 50% / zero',
    },
  ],
  defaultTemplate: {
    title: '{{title}}',
    event: '{{event}}',
    provider: '{{provider_name}}',
    providerId: '{{provider_id}}',
    balance: '{{json:balance}}',
    currency: '{{currency}}',
    threshold: '{{json:threshold}}',
    level: '{{balance_level}}',
  },
  sample: () => ({
    event: 'low',
    providerId: '7',
    providerName: 'Anthropic Primary',
    balance: 42.5,
    currency: 'USD',
    threshold: 100,
    levelFraction: 0.5,
  }),
};
