import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { formatDateTime, formatLocalTime } from '../message/format.ts';
import { withLinks } from '../message/links.ts';
import type { Field, Level } from '../message/model.ts';
import { ruCount } from '../message/plural-ru.ts';
import { HubId, HubTime } from '../schemas/hub.ts';
import { cleanText, NameText, Text } from '../schemas/text.ts';
import { formatDuration, secondsBetween } from './duration.ts';
import type { BuildContext, NotificationDefinition, TemplateVariable } from './types.ts';
import { DEFAULT_DIGEST_TEMPLATE, text } from './types.ts';

/** Longer last errors are cut, not refused: an upstream error's length must not cost the alert. */
export const LAST_ERROR_MAX = 10_000;

/** Whose breaker tripped: the provider's own, or one of its endpoints (absent: the provider). */
export const INCIDENT_SOURCES = ['provider', 'endpoint'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** An endpoint's address as the hub reports it: shown in the message, so no credentials. */
export const EndpointUrl = Text()
  .trim()
  .max(2048, 'at most 2048 characters')
  .refine((v) => URL.canParse(v), 'must be a full URL such as https://api.example.com/v1')
  .refine((v) => !URL.canParse(v) || /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL')
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), 'must not carry user:password@')
  .describe(
    'The endpoint\'s http(s) URL, shown in the message (no user:password@). Only with incidentSource "endpoint".',
  );

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** Run even when other fields are bad, so one answer names every bad field. */
const always = { when: (p: { value: unknown }) => isRecord(p.value) };

/** The endpoint fields belong to endpoint reports only, and an endpoint report names its endpoint. */
export function withSourceRules<T extends z.ZodObject>(schema: T): T {
  const endpoint = (d: Record<string, unknown>) => d.incidentSource === 'endpoint';
  // A source that is neither has its own issue; the endpoint fields are not judged against it.
  const provider = (d: Record<string, unknown>) => d.incidentSource === undefined || d.incidentSource === 'provider';
  return schema
    .refine((d: Record<string, unknown>) => !endpoint(d) || d.endpointId !== undefined, {
      ...always,
      path: ['endpointId'],
      message: 'is required when incidentSource is "endpoint"',
    })
    .refine((d: Record<string, unknown>) => !provider(d) || d.endpointId === undefined, {
      ...always,
      path: ['endpointId'],
      message: 'only with incidentSource "endpoint" (without it the report is about the provider)',
    })
    .refine((d: Record<string, unknown>) => !provider(d) || d.endpointUrl === undefined, {
      ...always,
      path: ['endpointUrl'],
      message: 'only with incidentSource "endpoint" (without it the report is about the provider)',
    });
}

/** The fields that say whose breaker it is (absent: the provider's, as before endpoints). */
export const BREAKER_SOURCE_FIELDS = {
  incidentSource: z
    .enum(INCIDENT_SOURCES, 'must be "provider" or "endpoint"')
    .optional()
    .describe(
      "Whose breaker: the provider's own (the default) or one endpoint's; each has its own alerts, cooldown, recovery and flapping.",
    ),
  endpointId: HubId.optional().describe(
    'The endpoint\'s id in the hub: required with incidentSource "endpoint", refused without.',
  ),
  endpointUrl: EndpointUrl.optional(),
};

export const CircuitBreakerData = withSourceRules(
  z.object({
    providerId: z
      .union([Text().trim().min(1, 'must not be empty').max(128, 'at most 128 characters'), z.number().int()])
      .transform(String)
      .describe("The provider's id in the hub (as in hub.syncProviders)."),
    providerName: NameText()
      .pipe(z.string().trim().min(1, 'a name is required').max(200, 'at most 200 characters'))
      .describe("Shown in the message; kept as the provider's name."),
    failureCount: z
      .number()
      .int()
      .min(1)
      .max(1_000_000_000, 'at most 1000000000')
      .describe('Consecutive failures that tripped the breaker.'),
    retryAt: HubTime.describe('When the hub will try the provider again: the expected recovery.'),
    lastError: z
      .string()
      .transform((v) => cleanText(v, LAST_ERROR_MAX))
      .optional()
      .describe(
        `The last upstream error, free text: NUL characters are dropped and it is cut at ${LAST_ERROR_MAX} characters, never refused.`,
      ),
    ...BREAKER_SOURCE_FIELDS,
  }),
);
export type CircuitBreakerData = z.output<typeof CircuitBreakerData>;

/** Whose breaker: stored data from before endpoints has no source and is the provider's. */
export const incidentSourceOf = (d: { incidentSource?: IncidentSource | undefined }): IncidentSource =>
  d.incidentSource ?? 'provider';

export const BREAKER_EVENTS = ['opened', 'recovered', 'flapping'] as const;
export type BreakerEvent = (typeof BREAKER_EVENTS)[number];

const Minutes = (what: string) =>
  z
    .number(`${what} must be a number of minutes`)
    .int('whole minutes')
    .min(1, 'at least 1 minute')
    .max(10_080, 'at most 10080 minutes (a week)');

/**
 * What the delivery engine sends for a breaker: the hub's report plus, for a recovery or a
 * flapping provider, when it opened and closed. The base fields stay those of the last opening.
 */
export const CircuitBreakerNotificationData = CircuitBreakerData.extend({
  /** Absent: opened (what a hub reports). */
  event: z.enum(BREAKER_EVENTS, `must be one of ${BREAKER_EVENTS.join(', ')}`).optional(),
  /** When the breaker opened (or was first alerted). */
  openedAt: HubTime.optional(),
  closedAt: HubTime.optional(),
  failuresWhileOpen: z.number().int('a whole number').min(0, 'must be 0 or more').max(1_000_000_000).optional(),
  /** Opens and closes counted within the flapping window. */
  flapCount: z.number().int('a whole number').min(1, 'at least 1').max(1_000_000).optional(),
  flapWindowMinutes: Minutes('flapWindowMinutes').optional(),
  /** Alerts for the provider pause until it has stayed closed this long. */
  quietMinutes: Minutes('quietMinutes').optional(),
}).refine((d) => !d.openedAt || !d.closedAt || Date.parse(d.closedAt) >= Date.parse(d.openedAt), {
  path: ['closedAt'],
  message: 'must not be before openedAt',
});
export type CircuitBreakerNotificationData = z.output<typeof CircuitBreakerNotificationData>;

/** Defaults the engine's flapping rule uses when a notification leaves them out. */
export const FLAP_WINDOW_MINUTES = 30;
export const FLAP_QUIET_MINUTES = 15;

type Who = { providerName: string; providerId: string; endpointId?: string | undefined };

/** Accusative after «за» and «пробудет»: за 1 минуту, 2 минуты, 5 минут. */
const MINUTES_RU = ['минуту', 'минуты', 'минут'] as const;
const TIMES_RU = ['раз', 'раза', 'раз'] as const;

const TEXT = {
  'zh-CN': {
    title: {
      provider: { opened: '供应商熔断告警', recovered: '供应商熔断恢复', flapping: '供应商熔断频繁切换' },
      endpoint: { opened: '端点熔断告警', recovered: '端点熔断恢复', flapping: '端点熔断频繁切换' },
    },
    who: {
      provider: (d: Who) => `供应商 ${d.providerName} (ID: ${d.providerId})`,
      endpoint: (d: Who) => `供应商 ${d.providerName} 的端点 (ID: ${d.endpointId ?? 'N/A'})`,
    },
    tripped: (who: string) => `${who} 已触发熔断保护`,
    recovered: (who: string, after: string | null) =>
      after === null ? `${who} 已恢复` : `${who} 熔断 ${after}后已恢复`,
    flapping: (who: string, times: number | undefined, window: number, quiet: number) =>
      `${who} 在 ${window} 分钟内熔断开合${times === undefined ? '多' : ` ${times} `}次；` +
      `在它持续关闭 ${quiet} 分钟之前不再为它告警`,
    details: '详细信息',
    failures: '失败次数',
    failureCount: (n: number) => `${n} 次`,
    recovery: '预计恢复',
    lastError: '最后错误',
    openedAt: '熔断时间',
    closedAt: '恢复时间',
    failuresWhileOpen: '熔断期间失败',
    endpointId: '端点ID',
    endpointUrl: '端点地址',
    footer: '熔断器将在预计时间后自动恢复',
  },
  'zh-TW': {
    title: {
      provider: { opened: '供應商熔斷警示', recovered: '供應商熔斷恢復', flapping: '供應商熔斷頻繁切換' },
      endpoint: { opened: '端點熔斷警示', recovered: '端點熔斷恢復', flapping: '端點熔斷頻繁切換' },
    },
    who: {
      provider: (d: Who) => `供應商 ${d.providerName} (ID: ${d.providerId})`,
      endpoint: (d: Who) => `供應商 ${d.providerName} 的端點 (ID: ${d.endpointId ?? 'N/A'})`,
    },
    tripped: (who: string) => `${who} 已觸發熔斷保護`,
    recovered: (who: string, after: string | null) =>
      after === null ? `${who} 已恢復` : `${who} 熔斷 ${after}後已恢復`,
    flapping: (who: string, times: number | undefined, window: number, quiet: number) =>
      `${who} 在 ${window} 分鐘內熔斷開合${times === undefined ? '多' : ` ${times} `}次；` +
      `在它持續關閉 ${quiet} 分鐘之前不再為它發出警示`,
    details: '詳細資訊',
    failures: '失敗次數',
    failureCount: (n: number) => `${n} 次`,
    recovery: '預計恢復',
    lastError: '最後錯誤',
    openedAt: '熔斷時間',
    closedAt: '恢復時間',
    failuresWhileOpen: '熔斷期間失敗',
    endpointId: '端點ID',
    endpointUrl: '端點位址',
    footer: '熔斷器將在預計時間後自動恢復',
  },
  en: {
    title: {
      provider: {
        opened: 'Provider circuit breaker alert',
        recovered: 'Provider recovered',
        flapping: 'Provider flapping',
      },
      endpoint: {
        opened: 'Endpoint circuit breaker alert',
        recovered: 'Endpoint recovered',
        flapping: 'Endpoint flapping',
      },
    },
    who: {
      provider: (d: Who) => `Provider ${d.providerName} (ID: ${d.providerId})`,
      endpoint: (d: Who) => `An endpoint (ID: ${d.endpointId ?? 'N/A'}) of provider ${d.providerName}`,
    },
    tripped: (who: string) => `${who} has tripped its circuit breaker`,
    recovered: (who: string, after: string | null) =>
      `${who} ${after === null ? 'has recovered' : `recovered after ${after}`}`,
    flapping: (who: string, times: number | undefined, window: number, quiet: number) =>
      `${who} opened and closed ${times === undefined ? 'repeatedly' : `${times} times`} ` +
      `in ${minutes(window)}; no more alerts for it until it has stayed closed ${minutes(quiet)}`,
    details: 'Details',
    failures: 'Consecutive failures',
    failureCount: (n: number) => String(n),
    recovery: 'Expected recovery',
    lastError: 'Last error',
    openedAt: 'Opened at',
    closedAt: 'Recovered at',
    failuresWhileOpen: 'Failures while open',
    endpointId: 'Endpoint ID',
    endpointUrl: 'Endpoint URL',
    footer: 'The circuit breaker recovers automatically at the expected time',
  },
  ja: {
    title: {
      provider: {
        opened: 'プロバイダー遮断アラート',
        recovered: 'プロバイダー遮断から復旧',
        flapping: 'プロバイダー遮断の頻発',
      },
      endpoint: {
        opened: 'エンドポイント遮断アラート',
        recovered: 'エンドポイント遮断から復旧',
        flapping: 'エンドポイント遮断の頻発',
      },
    },
    who: {
      provider: (d: Who) => `プロバイダー ${d.providerName} (ID: ${d.providerId})`,
      endpoint: (d: Who) => `プロバイダー ${d.providerName} のエンドポイント (ID: ${d.endpointId ?? 'N/A'})`,
    },
    tripped: (who: string) => `${who} のサーキットブレーカーが作動しました`,
    recovered: (who: string, after: string | null) =>
      after === null ? `${who} が復旧しました` : `${who} が ${after}の遮断後に復旧しました`,
    flapping: (who: string, times: number | undefined, window: number, quiet: number) =>
      `${who} が ${window} 分間に${times === undefined ? '何度も' : ` ${times} 回`}遮断と復帰を繰り返しました。` +
      `${quiet} 分間閉じた状態が続くまで、アラートを停止します`,
    details: '詳細',
    failures: '連続失敗回数',
    failureCount: (n: number) => `${n} 回`,
    recovery: '復旧予定',
    lastError: '最後のエラー',
    openedAt: '遮断日時',
    closedAt: '復旧日時',
    failuresWhileOpen: '遮断中の失敗',
    endpointId: 'エンドポイント ID',
    endpointUrl: 'エンドポイント URL',
    footer: 'サーキットブレーカーは復旧予定時刻に自動で復旧します',
  },
  ru: {
    title: {
      provider: {
        opened: 'Сработал предохранитель провайдера',
        recovered: 'Провайдер восстановлен',
        flapping: 'Предохранитель провайдера часто переключается',
      },
      endpoint: {
        opened: 'Сработал предохранитель эндпоинта',
        recovered: 'Эндпоинт восстановлен',
        flapping: 'Предохранитель эндпоинта часто переключается',
      },
    },
    who: {
      provider: (d: Who) => `Провайдер ${d.providerName} (ID: ${d.providerId})`,
      endpoint: (d: Who) => `Эндпоинт (ID: ${d.endpointId ?? 'N/A'}) провайдера ${d.providerName}`,
    },
    tripped: (who: string) => `${who}: сработал предохранитель`,
    // Both subjects (провайдер, эндпоинт) are masculine.
    recovered: (who: string, after: string | null) =>
      after === null ? `${who} восстановлен` : `${who} восстановлен через ${after}`,
    flapping: (who: string, times: number | undefined, window: number, quiet: number) =>
      `${who}: предохранитель ${times === undefined ? 'многократно' : ruCount(times, TIMES_RU)} ` +
      `срабатывал и восстанавливался за ${ruCount(window, MINUTES_RU)}; ` +
      `оповещений о нём не будет, пока он не пробудет в норме ${ruCount(quiet, MINUTES_RU)}`,
    details: 'Подробности',
    failures: 'Ошибок подряд',
    failureCount: (n: number) => String(n),
    recovery: 'Ожидаемое восстановление',
    lastError: 'Последняя ошибка',
    openedAt: 'Сработал',
    closedAt: 'Восстановлен',
    failuresWhileOpen: 'Ошибок за время срабатывания',
    endpointId: 'ID эндпоинта',
    endpointUrl: 'URL эндпоинта',
    footer: 'Предохранитель восстановится автоматически в ожидаемое время',
  },
} satisfies Record<Locale, unknown>;

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

const ICON: Record<BreakerEvent, string> = { opened: '🔌', recovered: '✅', flapping: '🔁' };
const LEVEL: Record<BreakerEvent, Level> = { opened: 'error', recovered: 'info', flapping: 'warning' };

type Data = CircuitBreakerNotificationData;

/** How long the breaker stayed open: from `openedAt` to `closedAt` (or now), null when unknown. */
export function openSeconds(d: Data, now: Date): number | null {
  return secondsBetween(d.openedAt, d.closedAt ?? now);
}

function lead(d: Data, { locale, now }: BuildContext): string {
  const t = TEXT[locale];
  const who = t.who[incidentSourceOf(d)](d);
  switch (d.event ?? 'opened') {
    case 'opened':
      return t.tripped(who);
    case 'recovered': {
      const s = openSeconds(d, now);
      return t.recovered(who, s === null ? null : formatDuration(s, locale));
    }
    case 'flapping':
      return t.flapping(
        who,
        d.flapCount,
        d.flapWindowMinutes ?? FLAP_WINDOW_MINUTES,
        d.quietMinutes ?? FLAP_QUIET_MINUTES,
      );
  }
}

function fields(d: Data, { locale, timezone, now }: BuildContext): Field[] {
  const t = TEXT[locale];
  const out: Field[] = [];
  if (d.event === 'recovered') {
    if (d.openedAt) out.push({ label: t.openedAt, value: formatLocalTime(d.openedAt, timezone) });
    out.push({ label: t.closedAt, value: formatLocalTime(d.closedAt ?? now, timezone) });
    if (d.failuresWhileOpen !== undefined) {
      out.push({ label: t.failuresWhileOpen, value: t.failureCount(d.failuresWhileOpen) });
    }
  } else {
    out.push(
      { label: t.failures, value: t.failureCount(d.failureCount) },
      { label: t.recovery, value: formatLocalTime(d.retryAt, timezone) },
    );
    if (d.lastError) out.push({ label: t.lastError, value: d.lastError });
  }
  if (incidentSourceOf(d) === 'endpoint') {
    out.push({ label: t.endpointId, value: d.endpointId ?? 'N/A' });
    if (d.endpointUrl) out.push({ label: t.endpointUrl, value: d.endpointUrl });
  }
  return out;
}

/** A number that may be unknown: empty text, JSON null. */
const maybe = (v: number | null | undefined): TemplateVariable => (v == null ? { text: '', json: null } : text(v));

export const circuitBreaker: NotificationDefinition<typeof CircuitBreakerNotificationData> = {
  type: 'circuit_breaker',
  data: CircuitBreakerNotificationData,
  build(d, ctx) {
    const t = TEXT[ctx.locale];
    const event = d.event ?? 'opened';
    return {
      title: t.title[incidentSourceOf(d)][event],
      level: LEVEL[event],
      icon: ICON[event],
      sections: [
        { blocks: [{ type: 'quote', text: lead(d, ctx) }] },
        { title: t.details, blocks: [{ type: 'fields', fields: fields(d, ctx) }] },
      ],
      ...(event === 'opened' ? { footer: [{ blocks: [{ type: 'text', text: t.footer }] }] } : {}),
      ...withLinks(ctx.links, ctx.locale, [{ kind: 'provider', id: d.providerId }]),
      timestamp: ctx.now.toISOString(),
      timezone: ctx.timezone,
    };
  },
  variables: (d, { locale, timezone, now }) => {
    const open = d.event === 'recovered' ? openSeconds(d, now) : null;
    return {
      event: text(d.event ?? 'opened'),
      provider_name: text(d.providerName),
      provider_id: text(d.providerId),
      failure_count: text(d.failureCount),
      retry_at: text(d.retryAt),
      retry_at_local: text(formatDateTime(d.retryAt, timezone)),
      last_error: text(d.lastError ?? ''),
      opened_at: text(d.openedAt ?? ''),
      closed_at: text(d.closedAt ?? ''),
      recovered_after_seconds: maybe(open),
      recovered_after: text(open === null ? '' : formatDuration(open, locale)),
      failures_while_open: maybe(d.failuresWhileOpen),
      flap_count: maybe(d.flapCount),
      incident_source: text(incidentSourceOf(d)),
      endpoint_id: text(d.endpointId ?? ''),
      endpoint_url: text(d.endpointUrl ?? ''),
    };
  },
  variableDocs: [
    {
      name: 'event',
      description: {
        'zh-CN': '事件：熔断、恢复或频繁切换',
        en: 'What happened',
        'zh-TW': '事件：熔斷、恢復或頻繁切換',
        ja: 'イベント：遮断・復旧・頻繁な切り替え',
        ru: 'Событие: срабатывание, восстановление или частое переключение',
      },
      example: 'opened / recovered / flapping',
    },
    {
      name: 'provider_name',
      description: {
        'zh-CN': '供应商名称',
        en: 'Provider name',
        'zh-TW': '供應商名稱',
        ja: 'プロバイダー名',
        ru: 'Имя провайдера',
      },
      example: 'OpenAI Provider',
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
      example: '123',
    },
    {
      name: 'failure_count',
      description: {
        'zh-CN': '连续失败次数',
        en: 'Consecutive failures',
        'zh-TW': '連續失敗次數',
        ja: '連続失敗回数',
        ru: 'Ошибок подряд',
      },
      example: '5',
    },
    {
      name: 'retry_at',
      description: {
        'zh-CN': '预计恢复时间（ISO 8601）',
        en: 'Expected recovery (ISO 8601)',
        'zh-TW': '預計恢復時間（ISO 8601）',
        ja: '復旧予定時刻（ISO 8601）',
        ru: 'Ожидаемое восстановление (ISO 8601)',
      },
      example: '2024-01-15T14:30:00.000Z',
    },
    {
      name: 'retry_at_local',
      description: {
        'zh-CN': '预计恢复时间（本地时区）',
        en: 'Expected recovery (local time)',
        'zh-TW': '預計恢復時間（本地時區）',
        ja: '復旧予定時刻（ローカル時刻）',
        ru: 'Ожидаемое восстановление (местное время)',
      },
      example: '2024/01/15 14:30:00',
    },
    {
      name: 'last_error',
      description: {
        'zh-CN': '最后一次错误信息',
        en: 'Last error',
        'zh-TW': '最後一次錯誤訊息',
        ja: '最後のエラー',
        ru: 'Последняя ошибка',
      },
      example: 'Connection timeout',
    },
    {
      name: 'opened_at',
      description: {
        'zh-CN': '熔断（首次告警）时间（ISO 8601，未知时为空）',
        en: 'When it opened (ISO 8601; empty if unknown)',
        'zh-TW': '熔斷（首次警示）時間（ISO 8601，未知時為空）',
        ja: '遮断（初回アラート）日時（ISO 8601、不明なら空）',
        ru: 'Когда сработал (ISO 8601; пусто, если неизвестно)',
      },
      example: '2024-01-15T14:00:00.000Z',
    },
    {
      name: 'closed_at',
      description: {
        'zh-CN': '恢复时间（ISO 8601，未恢复时为空）',
        en: 'When it closed (ISO 8601; empty until recovered)',
        'zh-TW': '恢復時間（ISO 8601，未恢復時為空）',
        ja: '復旧日時（ISO 8601、復旧前は空）',
        ru: 'Когда восстановился (ISO 8601; пусто до восстановления)',
      },
      example: '2024-01-15T14:12:00.000Z',
    },
    {
      name: 'recovered_after_seconds',
      description: {
        'zh-CN': '熔断持续秒数（仅恢复时；JSON 为数字）',
        en: 'Seconds it stayed open (recoveries; a number in JSON)',
        'zh-TW': '熔斷持續秒數（僅恢復時；JSON 為數字）',
        ja: '遮断の継続秒数（復旧時のみ、JSON では数値）',
        ru: 'Сколько секунд был разомкнут (при восстановлении; в JSON число)',
      },
      example: '720',
    },
    {
      name: 'recovered_after',
      description: {
        'zh-CN': '熔断持续时长（文字，仅恢复时）',
        en: 'How long it stayed open, in words (recoveries)',
        'zh-TW': '熔斷持續時長（文字，僅恢復時）',
        ja: '遮断の継続時間（文字、復旧時のみ）',
        ru: 'Сколько был разомкнут, словами (при восстановлении)',
      },
      example: '12 min',
    },
    {
      name: 'failures_while_open',
      description: {
        'zh-CN': '熔断期间的失败次数',
        en: 'Failures while it was open',
        'zh-TW': '熔斷期間的失敗次數',
        ja: '遮断中の失敗回数',
        ru: 'Ошибок за время срабатывания',
      },
      example: '3',
    },
    {
      name: 'flap_count',
      description: {
        'zh-CN': '时间窗口内熔断开合次数（频繁切换时）',
        en: 'Opens and closes within the window (flapping)',
        'zh-TW': '時間窗內熔斷開合次數（頻繁切換時）',
        ja: 'ウィンドウ内の遮断・復帰回数（頻繁な切り替え時）',
        ru: 'Срабатываний и восстановлений за окно (при частом переключении)',
      },
      example: '4',
    },
    {
      name: 'incident_source',
      description: {
        'zh-CN': '熔断来源：供应商（provider，默认）或端点（endpoint）',
        en: 'Whose breaker tripped: the provider (default) or one of its endpoints',
        'zh-TW': '熔斷來源：供應商（provider，預設）或端點（endpoint）',
        ja: '遮断元：プロバイダー（provider、既定）またはエンドポイント（endpoint）',
        ru: 'Чей предохранитель: провайдера (provider, по умолчанию) или его эндпоинта (endpoint)',
      },
      example: 'provider / endpoint',
    },
    {
      name: 'endpoint_id',
      description: {
        'zh-CN': '端点 ID（端点熔断时；否则为空）',
        en: 'Endpoint ID (endpoint breakers; empty otherwise)',
        'zh-TW': '端點 ID（端點熔斷時；否則為空）',
        ja: 'エンドポイント ID（エンドポイント遮断時のみ、それ以外は空）',
        ru: 'ID эндпоинта (для эндпоинтов; иначе пусто)',
      },
      example: '42',
    },
    {
      name: 'endpoint_url',
      description: {
        'zh-CN': '端点地址（未提供时为空）',
        en: 'Endpoint URL (empty when not reported)',
        'zh-TW': '端點位址（未提供時為空）',
        ja: 'エンドポイント URL（未報告なら空）',
        ru: 'URL эндпоинта (пусто, если не передан)',
      },
      example: 'https://api.anthropic.com',
    },
  ],
  defaultTemplate: {
    title: '{{title}}',
    provider: '{{provider_name}}',
    providerId: '{{provider_id}}',
    failureCount: '{{failure_count}}',
    retryAt: '{{retry_at}}',
    error: '{{last_error}}',
  },
  defaultDigestTemplate: DEFAULT_DIGEST_TEMPLATE,
  sample: ({ now }) => ({
    providerId: '7',
    providerName: 'Anthropic Primary',
    failureCount: 5,
    retryAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
    lastError: 'upstream 529: overloaded_error',
  }),
};
