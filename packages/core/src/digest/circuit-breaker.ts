import type { Locale } from '../domain.ts';
import { formatLocalTime } from '../message/format.ts';
import { type RuForms, ruCount } from '../message/plural-ru.ts';
import {
  type BreakerEvent,
  type CircuitBreakerNotificationData,
  FLAP_QUIET_MINUTES,
  FLAP_WINDOW_MINUTES,
  type IncidentSource,
  incidentSourceOf,
  openSeconds,
} from '../notifications/circuit-breaker.ts';
import { formatDuration } from '../notifications/duration.ts';
import type { BuildContext } from '../notifications/types.ts';
import type { DigestDefinition } from './types.ts';

type Data = CircuitBreakerNotificationData;
type Counts = Record<BreakerEvent, number>;
/** Items per source: the title names providers and endpoints apart. */
type Sources = Record<IncidentSource, number>;

const PROVIDERS_RU: RuForms = ['провайдер', 'провайдера', 'провайдеров'];
const ENDPOINTS_RU: RuForms = ['эндпоинт', 'эндпоинта', 'эндпоинтов'];
const ERRORS_RU: RuForms = ['ошибка', 'ошибки', 'ошибок'];

const TEXT = {
  'zh-CN': {
    whom: ({ provider, endpoint }: Sources) =>
      [provider > 0 ? `${provider} 个供应商` : '', endpoint > 0 ? `${endpoint} 个端点` : '']
        .filter(Boolean)
        .join('和 '),
    only: {
      opened: (whom: string) => `${whom}熔断`,
      recovered: (whom: string) => `${whom}熔断恢复`,
      flapping: (whom: string) => `${whom}熔断频繁切换`,
    },
    lead: { provider: '供应商熔断：', endpoint: '端点熔断：', both: '熔断：' },
    mixed: { opened: '个熔断', recovered: '个恢复', flapping: '个频繁切换' },
    endpoint: (provider: string, endpointId: string) => `${provider} · 端点 (ID: ${endpointId})`,
    opened: (failures: number, retry: string) => `失败 ${failures} 次 · 预计恢复 ${retry}`,
    lastError: (e: string) => ` · 最后错误: ${e}`,
    recovered: (after: string | null, at: string) =>
      `✅ 已恢复${after === null ? '' : `（熔断 ${after}）`} · 恢复时间 ${at}`,
    whileOpen: (n: number) => ` · 熔断期间失败 ${n} 次`,
    flapping: (times: number | undefined, window: number, quiet: number, failures: number) =>
      `🔁 ${window} 分钟内开合${times === undefined ? '多' : ` ${times} `}次，持续关闭 ${quiet} 分钟前不再告警 · 失败 ${failures} 次`,
  },
  'zh-TW': {
    whom: ({ provider, endpoint }: Sources) =>
      [provider > 0 ? `${provider} 個供應商` : '', endpoint > 0 ? `${endpoint} 個端點` : '']
        .filter(Boolean)
        .join('和 '),
    only: {
      opened: (whom: string) => `${whom}熔斷`,
      recovered: (whom: string) => `${whom}熔斷恢復`,
      flapping: (whom: string) => `${whom}熔斷頻繁切換`,
    },
    lead: { provider: '供應商熔斷：', endpoint: '端點熔斷：', both: '熔斷：' },
    mixed: { opened: '個熔斷', recovered: '個恢復', flapping: '個頻繁切換' },
    endpoint: (provider: string, endpointId: string) => `${provider} · 端點 (ID: ${endpointId})`,
    opened: (failures: number, retry: string) => `失敗 ${failures} 次 · 預計恢復 ${retry}`,
    lastError: (e: string) => ` · 最後錯誤: ${e}`,
    recovered: (after: string | null, at: string) =>
      `✅ 已恢復${after === null ? '' : `（熔斷 ${after}）`} · 恢復時間 ${at}`,
    whileOpen: (n: number) => ` · 熔斷期間失敗 ${n} 次`,
    flapping: (times: number | undefined, window: number, quiet: number, failures: number) =>
      `🔁 ${window} 分鐘內開合${times === undefined ? '多' : ` ${times} `}次，持續關閉 ${quiet} 分鐘前不再警示 · 失敗 ${failures} 次`,
  },
  en: {
    whom: ({ provider, endpoint }: Sources) =>
      [plural(provider, 'provider'), plural(endpoint, 'endpoint')].filter(Boolean).join(' and '),
    only: {
      opened: (whom: string, s: Sources) => {
        // One kind: "5 providers' circuit breakers opened" (as before endpoints).
        if (s.provider === 0 || s.endpoint === 0) {
          const n = s.provider + s.endpoint;
          const noun = s.provider > 0 ? 'provider' : 'endpoint';
          return n === 1 ? `1 ${noun}'s circuit breaker opened` : `${n} ${noun}s' circuit breakers opened`;
        }
        return `Circuit breakers of ${whom} opened`;
      },
      recovered: (whom: string) => `${whom} recovered`,
      flapping: (whom: string) => `${whom} flapping`,
    },
    lead: {
      provider: 'Provider circuit breakers: ',
      endpoint: 'Endpoint circuit breakers: ',
      both: 'Circuit breakers: ',
    },
    mixed: { opened: 'opened', recovered: 'recovered', flapping: 'flapping' },
    endpoint: (provider: string, endpointId: string) => `${provider} · endpoint (ID: ${endpointId})`,
    opened: (failures: number, retry: string) =>
      `${failures} consecutive ${failures === 1 ? 'failure' : 'failures'} · expected recovery ${retry}`,
    lastError: (e: string) => ` · last error: ${e}`,
    recovered: (after: string | null, at: string) =>
      `✅ recovered${after === null ? '' : ` after ${after}`} · at ${at}`,
    whileOpen: (n: number) => ` · ${n} ${n === 1 ? 'failure' : 'failures'} while open`,
    flapping: (times: number | undefined, window: number, quiet: number, failures: number) =>
      `🔁 flapping: opened and closed ${times === undefined ? 'repeatedly' : `${times} times`} in ${window} min; ` +
      `no alerts until closed ${quiet} min · ${failures} consecutive failures`,
  },
  ja: {
    whom: ({ provider, endpoint }: Sources) =>
      [provider > 0 ? `${provider} 件のプロバイダー` : '', endpoint > 0 ? `${endpoint} 件のエンドポイント` : '']
        .filter(Boolean)
        .join('と '),
    only: {
      opened: (whom: string) => `${whom}が遮断`,
      recovered: (whom: string) => `${whom}が遮断から復旧`,
      flapping: (whom: string) => `${whom}で遮断が頻発`,
    },
    lead: { provider: 'プロバイダー遮断：', endpoint: 'エンドポイント遮断：', both: '遮断：' },
    mixed: { opened: '件遮断', recovered: '件復旧', flapping: '件頻発' },
    endpoint: (provider: string, endpointId: string) => `${provider} · エンドポイント (ID: ${endpointId})`,
    opened: (failures: number, retry: string) => `連続失敗 ${failures} 回 · 復旧予定 ${retry}`,
    lastError: (e: string) => ` · 最後のエラー: ${e}`,
    recovered: (after: string | null, at: string) =>
      `✅ 復旧${after === null ? '' : `（遮断 ${after}）`} · 復旧日時 ${at}`,
    whileOpen: (n: number) => ` · 遮断中の失敗 ${n} 回`,
    flapping: (times: number | undefined, window: number, quiet: number, failures: number) =>
      `🔁 ${window} 分間に${times === undefined ? '何度も' : ` ${times} 回`}遮断・復帰、${quiet} 分間閉じたままになるまでアラート停止 · 連続失敗 ${failures} 回`,
  },
  ru: {
    whom: ({ provider, endpoint }: Sources) =>
      [provider > 0 ? ruCount(provider, PROVIDERS_RU) : '', endpoint > 0 ? ruCount(endpoint, ENDPOINTS_RU) : '']
        .filter(Boolean)
        .join(' и '),
    // «Сработал предохранитель: 1 провайдер» — the verb agrees with one item or several.
    only: {
      opened: (whom: string, s: Sources) =>
        `${s.provider + s.endpoint === 1 ? 'Сработал предохранитель' : 'Сработали предохранители'}: ${whom}`,
      recovered: (whom: string, s: Sources) =>
        `${s.provider + s.endpoint === 1 ? 'Восстановлен' : 'Восстановлены'}: ${whom}`,
      flapping: (whom: string, s: Sources) =>
        `${s.provider + s.endpoint === 1 ? 'Часто переключается' : 'Часто переключаются'}: ${whom}`,
    },
    lead: {
      provider: 'Предохранители провайдеров: ',
      endpoint: 'Предохранители эндпоинтов: ',
      both: 'Предохранители: ',
    },
    mixed: {
      opened: (n: number) => ruCount(n, ['срабатывание', 'срабатывания', 'срабатываний']),
      recovered: (n: number) => ruCount(n, ['восстановление', 'восстановления', 'восстановлений']),
      flapping: (n: number) => ruCount(n, ['частое переключение', 'частых переключения', 'частых переключений']),
    },
    endpoint: (provider: string, endpointId: string) => `${provider} · эндпоинт (ID: ${endpointId})`,
    opened: (failures: number, retry: string) =>
      `${ruCount(failures, ERRORS_RU)} подряд · ожидаемое восстановление ${retry}`,
    lastError: (e: string) => ` · последняя ошибка: ${e}`,
    recovered: (after: string | null, at: string) =>
      `✅ восстановлен${after === null ? '' : ` через ${after}`} · в ${at}`,
    whileOpen: (n: number) => ` · ${ruCount(n, ERRORS_RU)} за время срабатывания`,
    flapping: (times: number | undefined, window: number, quiet: number, failures: number) =>
      `🔁 частое переключение: ${times === undefined ? 'многократно' : ruCount(times, ['раз', 'раза', 'раз'])} ` +
      `за ${window} мин; оповещений не будет, пока не пробудет в норме ${quiet} мин · ` +
      `${ruCount(failures, ERRORS_RU)} подряд`,
  },
} satisfies Record<Locale, unknown>;

function plural(n: number, noun: string): string {
  return n === 0 ? '' : n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

const EVENTS: BreakerEvent[] = ['opened', 'recovered', 'flapping'];

function title(items: Data[], locale: Locale): string {
  const t = TEXT[locale];
  const counts: Counts = { opened: 0, recovered: 0, flapping: 0 };
  const sources: Sources = { provider: 0, endpoint: 0 };
  for (const d of items) {
    counts[d.event ?? 'opened'] += 1;
    sources[incidentSourceOf(d)] += 1;
  }
  const present = EVENTS.filter((e) => counts[e] > 0);
  if (present.length === 1) return t.only[present[0] as BreakerEvent](t.whom(sources), sources);
  const lead = sources.endpoint === 0 ? t.lead.provider : sources.provider === 0 ? t.lead.endpoint : t.lead.both;
  // A word after the count, or (Russian) the count with its noun in the matching form.
  const part = (e: BreakerEvent) => {
    const m: string | ((n: number) => string) = t.mixed[e];
    return typeof m === 'function' ? m(counts[e]) : `${counts[e]} ${m}`;
  };
  return lead + present.map(part).join(' · ');
}

function row(d: Data, { locale, timezone, now }: BuildContext): string {
  const t = TEXT[locale];
  switch (d.event ?? 'opened') {
    case 'opened':
      return (
        t.opened(d.failureCount, formatLocalTime(d.retryAt, timezone)) + (d.lastError ? t.lastError(d.lastError) : '')
      );
    case 'recovered': {
      const s = openSeconds(d, now);
      const after = s === null ? null : formatDuration(s, locale);
      const whileOpen = d.failuresWhileOpen === undefined ? '' : t.whileOpen(d.failuresWhileOpen);
      return t.recovered(after, formatLocalTime(d.closedAt ?? now, timezone)) + whileOpen;
    }
    case 'flapping':
      return t.flapping(
        d.flapCount,
        d.flapWindowMinutes ?? FLAP_WINDOW_MINUTES,
        d.quietMinutes ?? FLAP_QUIET_MINUTES,
        d.failureCount,
      );
  }
}

export const circuitBreakerDigest: DigestDefinition<Data> = {
  type: 'circuit_breaker',
  summary(items, locale) {
    const counts: Counts = { opened: 0, recovered: 0, flapping: 0 };
    for (const d of items) counts[d.event ?? 'opened'] += 1;
    return {
      title: title(items, locale),
      level: counts.opened > 0 ? 'error' : counts.flapping > 0 ? 'warning' : 'info',
      icon: counts.opened > 0 ? '🔌' : counts.flapping > 0 ? '🔁' : '✅',
    };
  },
  row: (d, ctx) => ({
    primary:
      incidentSourceOf(d) === 'endpoint'
        ? TEXT[ctx.locale].endpoint(d.providerName, d.endpointId ?? 'N/A')
        : `${d.providerName} (ID: ${d.providerId})`,
    secondary: row(d, ctx),
  }),
  sample(now) {
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    return [
      {
        providerId: '7',
        providerName: 'Anthropic Primary',
        failureCount: 5,
        retryAt: at(30),
        lastError: 'upstream 529: overloaded_error',
      },
      { providerId: '12', providerName: 'OpenAI Backup', failureCount: 8, retryAt: at(25), lastError: 'timeout' },
      {
        event: 'recovered',
        providerId: '3',
        providerName: 'Gemini Pool',
        failureCount: 5,
        retryAt: at(-2),
        openedAt: at(-12),
        closedAt: at(0),
        failuresWhileOpen: 2,
      },
    ];
  },
};
