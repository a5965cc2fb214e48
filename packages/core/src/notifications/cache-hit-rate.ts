import { z } from 'zod';
import { BASELINE_SOURCES } from '../cache-hit-rate/decision.ts';
import { CACHE_WINDOW_MODES } from '../cache-hit-rate/windows.ts';
import type { Locale } from '../domain.ts';
import { formatCount, formatLocalTime } from '../message/format.ts';
import { withLinks } from '../message/links.ts';
import type { ListItem } from '../message/model.ts';
import type { JsonValue, NotificationDefinition } from './types.ts';
import { text } from './types.ts';

const Rate = z.number().min(0).max(1);
const Sample = z.object({
  kind: z.enum(['eligible', 'overall']),
  requests: z.number().int().nonnegative(),
  denominatorTokens: z.number().nonnegative(),
  hitRateTokens: Rate,
});

export const CacheAnomalyData = z.object({
  providerId: z.string().min(1).max(128),
  /** Herald's name for the provider, when it knows one. */
  providerName: z.string().max(200).nullish(),
  model: z.string().min(1).max(200),
  baselineSource: z.enum(BASELINE_SOURCES).nullable(),
  current: Sample,
  baseline: Sample.nullable(),
  deltaAbs: z.number().nullable(),
  deltaRel: z.number().nullable(),
  dropAbs: z.number().nullable(),
  reasonCodes: z.array(z.string().max(40)).max(10),
});
export type CacheAnomalyData = z.output<typeof CacheAnomalyData>;

/** One check's findings for one recipient (its own cooldown applied). */
export const CacheHitRateData = z.object({
  windowMode: z.enum(CACHE_WINDOW_MODES).exclude(['auto']),
  windowMinutes: z.number().int().positive(),
  windowStart: z.iso.datetime(),
  windowEnd: z.iso.datetime(),
  anomalies: z.array(CacheAnomalyData).max(100),
  /** Anomalies this recipient was told about within its cooldown, left out. */
  suppressedCount: z.number().int().nonnegative(),
  absMin: Rate,
  dropRel: Rate,
  dropAbs: Rate,
  minEligibleRequests: z.number().int().nonnegative(),
  minEligibleTokens: z.number().int().nonnegative(),
  cooldownMinutes: z.number().int().nonnegative(),
  topN: z.number().int().nonnegative(),
});
export type CacheHitRateData = z.output<typeof CacheHitRateData>;

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

const TEXT = {
  'zh-CN': {
    title: '缓存命中率异常告警',
    found: (n: number) => `检测到缓存命中率异常（${n} 条）`,
    none: '未检测到异常',
    window: '检测窗口',
    windowValue: (mode: string, minutes: number) => `${mode} (${minutes} 分钟)`,
    start: '开始',
    end: '结束',
    suppressed: '抑制数量',
    thresholds: '阈值',
    absMin: '绝对下限',
    dropAbs: '绝对跌幅',
    dropRel: '相对跌幅',
    minSample: '最小样本',
    cooldown: '冷却',
    minutes: (n: number) => `${n} 分钟`,
    list: '异常列表',
    kind: { eligible: '可命中', overall: '全部' },
    source: { historical: '历史', today: '今日', prev: '上一窗口' },
    current: (kind: string) => `当前(${kind})`,
    baseline: (source: string, kind: string) => `基线(${source} ${kind})`,
    noBaseline: '基线: 无',
    drop: '绝对跌幅',
    change: '相对变化',
    provider: (id: string) => `供应商 #${id}`,
  },
  'zh-TW': {
    title: '快取命中率異常警示',
    found: (n: number) => `偵測到快取命中率異常（${n} 筆）`,
    none: '未偵測到異常',
    window: '偵測時窗',
    windowValue: (mode: string, minutes: number) => `${mode} (${minutes} 分鐘)`,
    start: '開始',
    end: '結束',
    suppressed: '抑制數量',
    thresholds: '門檻',
    absMin: '絕對下限',
    dropAbs: '絕對跌幅',
    dropRel: '相對跌幅',
    minSample: '最小樣本',
    cooldown: '冷卻',
    minutes: (n: number) => `${n} 分鐘`,
    list: '異常清單',
    kind: { eligible: '可命中', overall: '全部' },
    source: { historical: '歷史', today: '今日', prev: '上一時窗' },
    current: (kind: string) => `目前(${kind})`,
    baseline: (source: string, kind: string) => `基準(${source} ${kind})`,
    noBaseline: '基準: 無',
    drop: '絕對跌幅',
    change: '相對變化',
    provider: (id: string) => `供應商 #${id}`,
  },
  en: {
    title: 'Cache hit-rate anomaly',
    found: (n: number) => `Cache hit-rate anomalies detected (${n})`,
    none: 'No anomaly detected',
    window: 'Detection window',
    windowValue: (mode: string, minutes: number) => `${mode} (${minutes} min)`,
    start: 'Start',
    end: 'End',
    suppressed: 'Suppressed',
    thresholds: 'Thresholds',
    absMin: 'Absolute floor',
    dropAbs: 'Absolute drop',
    dropRel: 'Relative drop',
    minSample: 'Minimum sample',
    cooldown: 'Cooldown',
    minutes: (n: number) => `${n} min`,
    list: 'Anomalies',
    kind: { eligible: 'eligible', overall: 'all' },
    source: { historical: 'historical', today: 'today', prev: 'previous window' },
    current: (kind: string) => `Current (${kind})`,
    baseline: (source: string, kind: string) => `Baseline (${source}, ${kind})`,
    noBaseline: 'Baseline: none',
    drop: 'Absolute drop',
    change: 'Relative change',
    provider: (id: string) => `Provider #${id}`,
  },
  ja: {
    title: 'キャッシュヒット率異常アラート',
    found: (n: number) => `キャッシュヒット率の異常を検知しました（${n} 件）`,
    none: '異常は検知されませんでした',
    window: '検知ウィンドウ',
    windowValue: (mode: string, minutes: number) => `${mode} (${minutes} 分)`,
    start: '開始',
    end: '終了',
    suppressed: '抑制件数',
    thresholds: 'しきい値',
    absMin: '絶対下限',
    dropAbs: '絶対低下',
    dropRel: '相対低下',
    minSample: '最小サンプル',
    cooldown: 'クールダウン',
    minutes: (n: number) => `${n} 分`,
    list: '異常一覧',
    kind: { eligible: 'キャッシュ対象', overall: '全体' },
    source: { historical: '過去実績', today: '本日', prev: '前ウィンドウ' },
    current: (kind: string) => `現在(${kind})`,
    baseline: (source: string, kind: string) => `基準(${source}・${kind})`,
    noBaseline: '基準: なし',
    drop: '絶対低下',
    change: '相対変化',
    provider: (id: string) => `プロバイダー #${id}`,
  },
  ru: {
    title: 'Аномалия доли попаданий в кеш',
    found: (n: number) => `Обнаружены аномалии доли попаданий в кеш (${n})`,
    none: 'Аномалий не обнаружено',
    window: 'Окно проверки',
    windowValue: (mode: string, minutes: number) => `${mode} (${minutes} мин)`,
    start: 'Начало',
    end: 'Конец',
    suppressed: 'Подавлено',
    thresholds: 'Пороги',
    absMin: 'Абсолютный минимум',
    dropAbs: 'Абсолютное падение',
    dropRel: 'Относительное падение',
    minSample: 'Минимальная выборка',
    cooldown: 'Пауза',
    minutes: (n: number) => `${n} мин`,
    list: 'Аномалии',
    kind: { eligible: 'кешируемые', overall: 'все' },
    source: { historical: 'история', today: 'сегодня', prev: 'предыдущее окно' },
    current: (kind: string) => `Сейчас (${kind})`,
    baseline: (source: string, kind: string) => `База (${source}, ${kind})`,
    noBaseline: 'База: нет',
    drop: 'Абсолютное падение',
    change: 'Относительное изменение',
    provider: (id: string) => `Провайдер #${id}`,
  },
} satisfies Record<Locale, unknown>;

const sampleLine = (s: z.output<typeof Sample>) =>
  `${pct(s.hitRateTokens)} (req=${formatCount(s.requests)}, tok=${formatCount(s.denominatorTokens)})`;

function anomalyItem(a: CacheAnomalyData, locale: Locale): ListItem {
  const t = TEXT[locale];
  const lines = [`${t.current(t.kind[a.current.kind])}: ${sampleLine(a.current)}`];
  lines.push(
    a.baseline && a.baselineSource
      ? `${t.baseline(t.source[a.baselineSource], t.kind[a.baseline.kind])}: ${sampleLine(a.baseline)}`
      : t.noBaseline,
  );
  if (a.dropAbs !== null) lines.push(`${t.drop}: ${pct(a.dropAbs)}`);
  if (a.deltaRel !== null) lines.push(`${t.change}: ${pct(a.deltaRel)}`);
  return { primary: `${a.providerName || t.provider(a.providerId)} / ${a.model}`, secondary: lines.join('\n') };
}

/** An anomaly as `{{anomalies_json}}` carries it (the reference hub's shape). */
const anomalyJson = (a: CacheAnomalyData): JsonValue => ({
  providerId: a.providerId,
  ...(a.providerName ? { providerName: a.providerName } : {}),
  model: a.model,
  baselineSource: a.baselineSource,
  current: { ...a.current },
  baseline: a.baseline ? { ...a.baseline } : null,
  deltaAbs: a.deltaAbs,
  deltaRel: a.deltaRel,
  dropAbs: a.dropAbs,
  reasonCodes: [...a.reasonCodes],
});

export const cacheHitRate: NotificationDefinition<typeof CacheHitRateData> = {
  type: 'cache_hit_rate',
  data: CacheHitRateData,
  build(d, { locale, timezone, now, links }) {
    const t = TEXT[locale];
    const n = d.anomalies.length;
    // One provider's anomalies lead to its alerts; several have no one subject.
    const providers = [...new Set(d.anomalies.map((a) => a.providerId))];
    const subjects = providers.length === 1 ? [{ kind: 'provider' as const, id: providers[0] as string }] : [];
    return {
      title: t.title,
      level: 'warning',
      icon: '🧊',
      sections: [
        { blocks: [{ type: 'quote', text: n > 0 ? t.found(n) : t.none }] },
        {
          title: t.window,
          blocks: [
            {
              type: 'fields',
              fields: [
                { label: t.window, value: t.windowValue(d.windowMode, d.windowMinutes) },
                { label: t.start, value: formatLocalTime(d.windowStart, timezone) },
                { label: t.end, value: formatLocalTime(d.windowEnd, timezone) },
                { label: t.suppressed, value: String(d.suppressedCount) },
              ],
            },
          ],
        },
        {
          title: t.thresholds,
          blocks: [
            {
              type: 'fields',
              fields: [
                { label: t.absMin, value: pct(d.absMin) },
                { label: t.dropAbs, value: pct(d.dropAbs) },
                { label: t.dropRel, value: pct(d.dropRel) },
                { label: t.minSample, value: `req>=${d.minEligibleRequests}, tok>=${d.minEligibleTokens}` },
                { label: t.cooldown, value: t.minutes(d.cooldownMinutes) },
              ],
            },
          ],
        },
        ...(n > 0
          ? [
              {
                title: t.list,
                blocks: [
                  { type: 'list' as const, ordered: false, items: d.anomalies.map((a) => anomalyItem(a, locale)) },
                ],
              },
            ]
          : []),
      ],
      ...withLinks(links, locale, subjects),
      timestamp: now.toISOString(),
      timezone,
    };
  },
  variables: (d, { now }) => ({
    window_mode: text(d.windowMode),
    window_start: text(d.windowStart),
    window_end: text(d.windowEnd),
    anomaly_count: text(d.anomalies.length),
    suppressed_count: text(d.suppressedCount),
    anomalies_json: { text: JSON.stringify(d.anomalies.map(anomalyJson)), json: d.anomalies.map(anomalyJson) },
    abs_min: text(d.absMin),
    drop_rel: text(d.dropRel),
    drop_abs: text(d.dropAbs),
    cooldown_minutes: text(d.cooldownMinutes),
    top_n: text(d.topN),
    generated_at: text(now.toISOString()),
  }),
  variableDocs: [
    {
      name: 'window_mode',
      description: {
        'zh-CN': '检测窗口（5m/30m/1h/1.5h）',
        en: 'Detection window (5m/30m/1h/1.5h)',
        'zh-TW': '偵測時窗（5m/30m/1h/1.5h）',
        ja: '検知ウィンドウ（5m/30m/1h/1.5h）',
        ru: 'Окно проверки (5m/30m/1h/1.5h)',
      },
      example: '30m',
    },
    {
      name: 'window_start',
      description: {
        'zh-CN': '窗口开始（ISO 8601）',
        en: 'Window start (ISO 8601)',
        'zh-TW': '時窗開始（ISO 8601）',
        ja: 'ウィンドウ開始（ISO 8601）',
        ru: 'Начало окна (ISO 8601)',
      },
      example: '2024-01-15T14:00:00.000Z',
    },
    {
      name: 'window_end',
      description: {
        'zh-CN': '窗口结束（ISO 8601）',
        en: 'Window end (ISO 8601)',
        'zh-TW': '時窗結束（ISO 8601）',
        ja: 'ウィンドウ終了（ISO 8601）',
        ru: 'Конец окна (ISO 8601)',
      },
      example: '2024-01-15T14:30:00.000Z',
    },
    {
      name: 'anomaly_count',
      description: { 'zh-CN': '异常数量', en: 'Anomalies', 'zh-TW': '異常數量', ja: '異常件数', ru: 'Число аномалий' },
      example: '2',
    },
    {
      name: 'suppressed_count',
      description: {
        'zh-CN': '冷却中被抑制的数量',
        en: 'Suppressed by the cooldown',
        'zh-TW': '冷卻中被抑制的數量',
        ja: 'クールダウン中で抑制された件数',
        ru: 'Подавлено из-за паузы',
      },
      example: '1',
    },
    {
      name: 'anomalies_json',
      description: {
        'zh-CN': '异常列表（JSON 数组，用 {{json:anomalies_json}}）',
        en: 'The anomalies (a JSON array with {{json:anomalies_json}})',
        'zh-TW': '異常清單（JSON 陣列，用 {{json:anomalies_json}}）',
        ja: '異常一覧（JSON 配列、{{json:anomalies_json}} で使用）',
        ru: 'Аномалии (массив JSON, через {{json:anomalies_json}})',
      },
      example: '[{"providerId":"1","model":"claude-sonnet-4",…}]',
    },
    {
      name: 'abs_min',
      description: {
        'zh-CN': '绝对下限',
        en: 'Absolute floor',
        'zh-TW': '絕對下限',
        ja: '絶対下限',
        ru: 'Абсолютный минимум',
      },
      example: '0.05',
    },
    {
      name: 'drop_rel',
      description: {
        'zh-CN': '相对跌幅阈值',
        en: 'Relative drop threshold',
        'zh-TW': '相對跌幅門檻',
        ja: '相対低下のしきい値',
        ru: 'Порог относительного падения',
      },
      example: '0.3',
    },
    {
      name: 'drop_abs',
      description: {
        'zh-CN': '绝对跌幅阈值',
        en: 'Absolute drop threshold',
        'zh-TW': '絕對跌幅門檻',
        ja: '絶対低下のしきい値',
        ru: 'Порог абсолютного падения',
      },
      example: '0.1',
    },
    {
      name: 'cooldown_minutes',
      description: {
        'zh-CN': '冷却（分钟）',
        en: 'Cooldown (minutes)',
        'zh-TW': '冷卻（分鐘）',
        ja: 'クールダウン（分）',
        ru: 'Пауза (минуты)',
      },
      example: '30',
    },
    {
      name: 'top_n',
      description: {
        'zh-CN': '最多异常数',
        en: 'Most anomalies per check',
        'zh-TW': '最多異常數',
        ja: '1 回の検知での最大異常件数',
        ru: 'Не больше аномалий за проверку',
      },
      example: '10',
    },
    {
      name: 'generated_at',
      description: {
        'zh-CN': '生成时间（ISO 8601）',
        en: 'Generated at (ISO 8601)',
        'zh-TW': '產生時間（ISO 8601）',
        ja: '生成日時（ISO 8601）',
        ru: 'Время создания (ISO 8601)',
      },
      example: '2024-01-15T14:30:00.000Z',
    },
  ],
  defaultTemplate: {
    title: '{{title}}',
    windowMode: '{{window_mode}}',
    windowStart: '{{window_start}}',
    windowEnd: '{{window_end}}',
    anomalyCount: '{{json:anomaly_count}}',
    suppressedCount: '{{json:suppressed_count}}',
    anomalies: '{{json:anomalies_json}}',
    absMin: '{{json:abs_min}}',
    dropRel: '{{json:drop_rel}}',
    dropAbs: '{{json:drop_abs}}',
    cooldownMinutes: '{{json:cooldown_minutes}}',
    topN: '{{json:top_n}}',
    generatedAt: '{{generated_at}}',
  },
  sample: ({ now }) => ({
    windowMode: '30m',
    windowMinutes: 30,
    windowStart: new Date(now.getTime() - 30 * 60_000).toISOString(),
    windowEnd: now.toISOString(),
    anomalies: [
      {
        providerId: '7',
        providerName: 'Anthropic Primary',
        model: 'claude-sonnet-4',
        baselineSource: 'historical',
        current: { kind: 'eligible', requests: 412, denominatorTokens: 1_840_000, hitRateTokens: 0.18 },
        baseline: { kind: 'eligible', requests: 9_630, denominatorTokens: 41_200_000, hitRateTokens: 0.71 },
        deltaAbs: -0.53,
        deltaRel: -0.7465,
        dropAbs: 0.53,
        reasonCodes: ['use_eligible', 'baseline_eligible', 'baseline_historical', 'drop_abs_rel'],
      },
      {
        providerId: '9',
        providerName: 'Bedrock Backup',
        model: 'claude-haiku-4',
        baselineSource: null,
        current: { kind: 'overall', requests: 36, denominatorTokens: 52_000, hitRateTokens: 0.02 },
        baseline: null,
        deltaAbs: null,
        deltaRel: null,
        dropAbs: null,
        reasonCodes: ['use_overall', 'eligible_insufficient', 'baseline_missing', 'abs_min'],
      },
    ],
    suppressedCount: 1,
    absMin: 0.05,
    dropRel: 0.3,
    dropAbs: 0.1,
    minEligibleRequests: 20,
    minEligibleTokens: 0,
    cooldownMinutes: 30,
    topN: 10,
  }),
};
