import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { COST_CURRENCY, formatAmount, formatCount, formatTokens } from '../message/format.ts';
import { withLinks } from '../message/links.ts';
import type { ListItem } from '../message/model.ts';
import { ruCount } from '../message/plural-ru.ts';
import type { NotificationDefinition } from './types.ts';
import { text } from './types.ts';

export const LeaderboardEntry = z.object({
  userId: z.union([z.string().trim().min(1).max(128), z.number().int()]).transform(String),
  userName: z.string().trim().min(1).max(200),
  totalRequests: z.number().int().nonnegative(),
  totalCost: z.number().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});
export type LeaderboardEntry = z.output<typeof LeaderboardEntry>;

export const DailyLeaderboardData = z.object({
  /** The calendar date the report is for, in the resolved zone. */
  date: z.iso.date(),
  entries: z.array(LeaderboardEntry).max(50),
  totalRequests: z.number().int().nonnegative(),
  totalCost: z.number().nonnegative(),
  totalTokens: z.number().int().nonnegative().optional(),
});
export type DailyLeaderboardData = z.output<typeof DailyLeaderboardData>;

const MEDALS = ['🥇', '🥈', '🥉'];

const requestsRu = (n: number) => ruCount(n, ['запрос', 'запроса', 'запросов'], formatCount(n));
/** 5.23M reads «5,23 миллиона токенов»: the genitive plural, as for any abbreviated amount. */
const tokensRu = (n: number) =>
  n >= 1_000 ? `${formatTokens(n)} токенов` : ruCount(n, ['токен', 'токена', 'токенов'], formatTokens(n));

const TEXT = {
  'zh-CN': {
    title: '过去24小时用户消费排行榜',
    date: (d: string) => `统计时间: ${d}`,
    ranking: '排名情况',
    line: (e: LeaderboardEntry) =>
      `消费 ${formatAmount(e.totalCost, COST_CURRENCY)} · 请求 ${formatCount(e.totalRequests)} 次 · Token ${formatTokens(e.totalTokens)}`,
    overview: '总览',
    totals: (requests: number, cost: number) =>
      `总请求 ${formatCount(requests)} 次 · 总消费 ${formatAmount(cost, COST_CURRENCY)}`,
    empty: '暂无数据',
  },
  'zh-TW': {
    title: '過去24小時使用者消費排行榜',
    date: (d: string) => `統計時間: ${d}`,
    ranking: '排名情況',
    line: (e: LeaderboardEntry) =>
      `消費 ${formatAmount(e.totalCost, COST_CURRENCY)} · 請求 ${formatCount(e.totalRequests)} 次 · Token ${formatTokens(e.totalTokens)}`,
    overview: '總覽',
    totals: (requests: number, cost: number) =>
      `總請求 ${formatCount(requests)} 次 · 總消費 ${formatAmount(cost, COST_CURRENCY)}`,
    empty: '暫無資料',
  },
  en: {
    title: 'User spending leaderboard, past 24 hours',
    date: (d: string) => `Date: ${d}`,
    ranking: 'Ranking',
    line: (e: LeaderboardEntry) =>
      `Spend ${formatAmount(e.totalCost, COST_CURRENCY)} · ${formatCount(e.totalRequests)} requests · ${formatTokens(e.totalTokens)} tokens`,
    overview: 'Overview',
    totals: (requests: number, cost: number) =>
      `Total ${formatCount(requests)} requests · Total spend ${formatAmount(cost, COST_CURRENCY)}`,
    empty: 'No data',
  },
  ja: {
    title: '過去 24 時間のユーザー利用額ランキング',
    date: (d: string) => `集計日: ${d}`,
    ranking: 'ランキング',
    line: (e: LeaderboardEntry) =>
      `利用額 ${formatAmount(e.totalCost, COST_CURRENCY)} · リクエスト ${formatCount(e.totalRequests)} 件 · トークン ${formatTokens(e.totalTokens)}`,
    overview: '概要',
    totals: (requests: number, cost: number) =>
      `総リクエスト ${formatCount(requests)} 件 · 総利用額 ${formatAmount(cost, COST_CURRENCY)}`,
    empty: 'データなし',
  },
  ru: {
    title: 'Рейтинг расходов пользователей за 24 часа',
    date: (d: string) => `Дата: ${d}`,
    ranking: 'Рейтинг',
    line: (e: LeaderboardEntry) =>
      `Расходы ${formatAmount(e.totalCost, COST_CURRENCY)} · ${requestsRu(e.totalRequests)} · ${tokensRu(e.totalTokens)}`,
    overview: 'Итого',
    totals: (requests: number, cost: number) =>
      `Всего ${requestsRu(requests)} · расходы ${formatAmount(cost, COST_CURRENCY)}`,
    empty: 'Нет данных',
  },
} satisfies Record<Locale, unknown>;

export const dailyLeaderboard: NotificationDefinition<typeof DailyLeaderboardData> = {
  type: 'daily_leaderboard',
  data: DailyLeaderboardData,
  build(d, { locale, timezone, now, links }) {
    const t = TEXT[locale];
    const items: ListItem[] = d.entries.map((e, i) => ({
      ...(i < MEDALS.length ? { icon: MEDALS[i] } : {}),
      primary: `${e.userName} (ID: ${e.userId})`,
      secondary: t.line(e),
    }));
    return {
      title: t.title,
      level: 'info',
      icon: '📊',
      sections: [
        { blocks: [{ type: 'quote', text: t.date(d.date) }] },
        {
          title: t.ranking,
          blocks: items.length ? [{ type: 'list', ordered: true, items }] : [{ type: 'text', text: t.empty }],
        },
        { blocks: [{ type: 'divider' }] },
        { title: t.overview, blocks: [{ type: 'text', text: t.totals(d.totalRequests, d.totalCost) }] },
      ],
      ...withLinks(links, locale),
      timestamp: now.toISOString(),
      timezone,
    };
  },
  variables: (d) => ({
    date: text(d.date),
    entries_json: {
      text: JSON.stringify(d.entries),
      json: d.entries.map((e) => ({ ...e })),
    },
    total_requests: text(d.totalRequests),
    total_cost: text(d.totalCost),
    total_tokens: text(d.totalTokens ?? d.entries.reduce((s, e) => s + e.totalTokens, 0)),
  }),
  variableDocs: [
    {
      name: 'date',
      description: { 'zh-CN': '统计日期', en: 'Report date', 'zh-TW': '統計日期', ja: '集計日', ru: 'Дата отчёта' },
      example: '2024-01-15',
    },
    {
      name: 'entries_json',
      description: {
        'zh-CN': '排行榜数据（JSON）',
        en: 'Leaderboard entries (JSON)',
        'zh-TW': '排行榜資料（JSON）',
        ja: 'ランキングデータ（JSON）',
        ru: 'Записи рейтинга (JSON)',
      },
      example: '[{"userId":"1",...}]',
    },
    {
      name: 'total_requests',
      description: {
        'zh-CN': '总请求数',
        en: 'Total requests',
        'zh-TW': '總請求數',
        ja: '総リクエスト数',
        ru: 'Всего запросов',
      },
      example: '15000',
    },
    {
      name: 'total_cost',
      description: {
        'zh-CN': '总消费金额',
        en: 'Total spend',
        'zh-TW': '總消費金額',
        ja: '総利用額',
        ru: 'Всего расходов',
      },
      example: '125.50',
    },
    {
      name: 'total_tokens',
      description: {
        'zh-CN': '总 Token 数',
        en: 'Total tokens',
        'zh-TW': '總 Token 數',
        ja: '総トークン数',
        ru: 'Всего токенов',
      },
      example: '5200000',
    },
  ],
  defaultTemplate: {
    title: '{{title}}',
    date: '{{date}}',
    totalRequests: '{{total_requests}}',
    totalCost: '{{total_cost}}',
    entries: '{{entries_json}}',
  },
  sample: ({ now }) => {
    const entries = [
      { userId: '1', userName: 'Alice', totalRequests: 1520, totalCost: 48.2315, totalTokens: 5_230_000 },
      { userId: '2', userName: 'Bob', totalRequests: 980, totalCost: 31.07, totalTokens: 2_140_500 },
      { userId: '3', userName: '张伟', totalRequests: 640, totalCost: 18.5, totalTokens: 890_200 },
      { userId: '4', userName: 'Carol', totalRequests: 210, totalCost: 6.125, totalTokens: 152_000 },
      { userId: '5', userName: 'Dave', totalRequests: 45, totalCost: 0.9876, totalTokens: 830 },
    ];
    return {
      date: now.toISOString().slice(0, 10),
      entries,
      totalRequests: 3495,
      totalCost: 104.914,
      totalTokens: 8_413_530,
    };
  },
};
