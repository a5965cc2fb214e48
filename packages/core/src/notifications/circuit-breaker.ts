import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { formatDateTime } from '../message/format.ts';
import { HubTime } from '../schemas/hub.ts';
import { cleanText, NameText, Text } from '../schemas/text.ts';
import type { NotificationDefinition } from './types.ts';
import { text } from './types.ts';

/** Longer last errors are cut, not refused: an upstream error's length must not cost the alert. */
export const LAST_ERROR_MAX = 10_000;

export const CircuitBreakerData = z.object({
  providerId: z
    .union([Text().trim().min(1, 'must not be empty').max(128, 'at most 128 characters'), z.number().int()])
    .transform(String),
  providerName: NameText().pipe(z.string().trim().min(1, 'a name is required').max(200, 'at most 200 characters')),
  failureCount: z.number().int().min(1).max(1_000_000_000, 'at most 1000000000'),
  retryAt: HubTime,
  /** Free text: NUL characters are dropped and it is cut, never refused. */
  lastError: z
    .string()
    .transform((v) => cleanText(v, LAST_ERROR_MAX))
    .optional(),
});
export type CircuitBreakerData = z.output<typeof CircuitBreakerData>;

const TEXT = {
  'zh-CN': {
    title: '供应商熔断告警',
    tripped: (name: string, id: string) => `供应商 ${name} (ID: ${id}) 已触发熔断保护`,
    details: '详细信息',
    failures: '失败次数',
    failureCount: (n: number) => `${n} 次`,
    recovery: '预计恢复',
    lastError: '最后错误',
    footer: '熔断器将在预计时间后自动恢复',
  },
  en: {
    title: 'Provider circuit breaker alert',
    tripped: (name: string, id: string) => `Provider ${name} (ID: ${id}) has tripped its circuit breaker`,
    details: 'Details',
    failures: 'Consecutive failures',
    failureCount: (n: number) => String(n),
    recovery: 'Expected recovery',
    lastError: 'Last error',
    footer: 'The circuit breaker recovers automatically at the expected time',
  },
} satisfies Record<Locale, unknown>;

export const circuitBreaker: NotificationDefinition<typeof CircuitBreakerData> = {
  type: 'circuit_breaker',
  data: CircuitBreakerData,
  build(d, { locale, timezone, now }) {
    const t = TEXT[locale];
    const fields = [
      { label: t.failures, value: t.failureCount(d.failureCount) },
      { label: t.recovery, value: formatDateTime(d.retryAt, timezone) },
    ];
    if (d.lastError) fields.push({ label: t.lastError, value: d.lastError });
    return {
      title: t.title,
      level: 'error',
      icon: '🔌',
      sections: [
        { blocks: [{ type: 'quote', text: t.tripped(d.providerName, d.providerId) }] },
        { title: t.details, blocks: [{ type: 'fields', fields }] },
      ],
      footer: [{ blocks: [{ type: 'text', text: t.footer }] }],
      timestamp: now.toISOString(),
      timezone,
    };
  },
  variables: (d, { timezone }) => ({
    provider_name: text(d.providerName),
    provider_id: text(d.providerId),
    failure_count: text(d.failureCount),
    retry_at: text(d.retryAt),
    retry_at_local: text(formatDateTime(d.retryAt, timezone)),
    last_error: text(d.lastError ?? ''),
  }),
  variableDocs: [
    { name: 'provider_name', description: { 'zh-CN': '供应商名称', en: 'Provider name' }, example: 'OpenAI Provider' },
    { name: 'provider_id', description: { 'zh-CN': '供应商 ID', en: 'Provider ID' }, example: '123' },
    { name: 'failure_count', description: { 'zh-CN': '连续失败次数', en: 'Consecutive failures' }, example: '5' },
    {
      name: 'retry_at',
      description: { 'zh-CN': '预计恢复时间（ISO 8601）', en: 'Expected recovery (ISO 8601)' },
      example: '2024-01-15T14:30:00.000Z',
    },
    {
      name: 'retry_at_local',
      description: { 'zh-CN': '预计恢复时间（本地时区）', en: 'Expected recovery (local time)' },
      example: '2024/01/15 14:30:00',
    },
    {
      name: 'last_error',
      description: { 'zh-CN': '最后一次错误信息', en: 'Last error' },
      example: 'Connection timeout',
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
  sample: ({ now }) => ({
    providerId: '7',
    providerName: 'Anthropic Primary',
    failureCount: 5,
    retryAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
    lastError: 'upstream 529: overloaded_error',
  }),
};
