import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { buildMessage, sampleData } from '../render-notification.ts';
import {
  COMMON_VARIABLE_DOCS,
  DIGEST_VARIABLE_DOCS,
  digestVariables,
  knownVariableNames,
  templateVariables,
  variableDocs,
} from './variables.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const ctx = { locale: 'en', timezone: 'Asia/Shanghai', now } as const;
const COMMON = [
  'timestamp',
  'timestamp_local',
  'timezone',
  'title',
  'level',
  'sections',
  'link',
  'links_json',
  'notification_type',
];
const DIGEST = ['items', 'count'];
const OWN = {
  circuit_breaker: [
    'event',
    'provider_name',
    'provider_id',
    'failure_count',
    'retry_at',
    'retry_at_local',
    'last_error',
    'opened_at',
    'closed_at',
    'recovered_after_seconds',
    'recovered_after',
    'failures_while_open',
    'flap_count',
    'incident_source',
    'endpoint_id',
    'endpoint_url',
    ...DIGEST,
  ],
  cost_alert: [
    'event',
    'target_type',
    'target_id',
    'target_name',
    'current_cost',
    'quota_limit',
    'usage_percent',
    'remaining',
    'threshold',
    'period',
    'period_label',
    ...DIGEST,
  ],
  daily_leaderboard: ['date', 'entries_json', 'total_requests', 'total_cost', 'total_tokens'],
  cache_hit_rate: [
    'window_mode',
    'window_start',
    'window_end',
    'anomaly_count',
    'suppressed_count',
    'anomalies_json',
    'abs_min',
    'drop_rel',
    'drop_abs',
    'cooldown_minutes',
    'top_n',
    'generated_at',
  ],
  provider_balance: ['event', 'provider_id', 'provider_name', 'balance', 'currency', 'threshold', 'balance_level'],
};

describe('template variables', () => {
  it('the common ones, from the message as it was built', () => {
    const data = NOTIFICATIONS.cost_alert.sample({ now });
    const message = buildMessage('cost_alert', data, ctx);
    const vars = templateVariables('cost_alert', data, message, ctx);
    expect({
      timestamp: vars.timestamp,
      timestamp_local: vars.timestamp_local,
      timezone: vars.timezone,
      title: vars.title,
      level: vars.level,
      notification_type: vars.notification_type,
    }).toEqual({
      timestamp: { text: '2026-01-15T06:30:00.000Z', json: '2026-01-15T06:30:00.000Z' },
      timestamp_local: { text: '2026/01/15 14:30:00', json: '2026/01/15 14:30:00' },
      timezone: { text: 'Asia/Shanghai', json: 'Asia/Shanghai' },
      title: { text: 'Cost alert', json: 'Cost alert' },
      level: { text: 'warning', json: 'warning' },
      notification_type: { text: 'cost_alert', json: 'cost_alert' },
    });
    expect(vars.sections?.text).toMatch(/^> User Alice has reached the spending alert threshold\n/);
    expect(vars.sections?.text).toContain('Usage: 92.5% 🔴');
  });

  it.each(NOTIFICATION_TYPES)('%s: exactly the common and its own variables, each documented', (type) => {
    const data = NOTIFICATIONS[type].sample({ now });
    const vars = templateVariables(type, data, buildMessage(type, data, ctx), ctx);
    expect(Object.keys(vars).sort()).toEqual([...COMMON, ...OWN[type]].sort());
    expect([...knownVariableNames(type)].sort()).toEqual([...COMMON, ...OWN[type]].sort());
    for (const v of Object.values(vars)) expect(typeof v.text).toBe('string');
  });

  it('sample data for every type, built at the given time', () => {
    expect(sampleData('circuit_breaker', now)).toMatchObject({ retryAt: '2026-01-15T07:00:00.000Z' });
    expect(sampleData('daily_leaderboard', now)).toMatchObject({ date: '2026-01-15' });
  });

  it('without a type, every type’s names are known', () => {
    expect([...knownVariableNames()].sort()).toEqual([...new Set([...COMMON, ...Object.values(OWN).flat()])].sort());
    expect(COMMON_VARIABLE_DOCS.map((d) => d.name)).toEqual(COMMON);
  });

  it('type-specific values: text and JSON', () => {
    const cb = NOTIFICATIONS.circuit_breaker.sample({ now });
    const v = templateVariables('circuit_breaker', cb, buildMessage('circuit_breaker', cb, ctx), ctx);
    expect(v.failure_count).toEqual({ text: '5', json: 5 });
    expect(v.retry_at_local?.text).toBe('2026/01/15 15:00:00');
    const noError = { ...cb, lastError: undefined };
    const w = templateVariables('circuit_breaker', noError, buildMessage('circuit_breaker', noError, ctx), ctx);
    expect(w.last_error).toEqual({ text: '', json: '' });

    const lb = NOTIFICATIONS.daily_leaderboard.sample({ now });
    const l = templateVariables('daily_leaderboard', lb, buildMessage('daily_leaderboard', lb, ctx), ctx);
    expect(l.total_tokens).toEqual({ text: '8413530', json: 8_413_530 });
    const noTotal = { ...lb, totalTokens: undefined };
    const n = templateVariables('daily_leaderboard', noTotal, buildMessage('daily_leaderboard', noTotal, ctx), ctx);
    expect(n.total_tokens?.json).toBe(lb.entries.reduce((s, e) => s + e.totalTokens, 0));

    const ca = { ...NOTIFICATIONS.cost_alert.sample({ now }), currentCost: 80.1234567, quotaLimit: 100 };
    const c = templateVariables('cost_alert', ca, buildMessage('cost_alert', ca, ctx), ctx);
    expect(c.remaining).toEqual({ text: '19.876543', json: 19.876543 });
    expect(c.period_label?.text).toBe('This week');
  });

  it('a digest: the common ones from the digest message, items and count; no single item’s own', () => {
    const items = [
      NOTIFICATIONS.circuit_breaker.sample({ now }),
      { ...NOTIFICATIONS.circuit_breaker.sample({ now }), providerId: '8' },
    ];
    const message = buildMessage('circuit_breaker', items[0], ctx);
    const v = digestVariables('circuit_breaker', items, { ...message, title: 'Digest' }, ctx);
    expect(Object.keys(v).sort()).toEqual([...COMMON, ...DIGEST].sort());
    expect(v.title?.text).toBe('Digest');
    expect(v.count).toEqual({ text: '2', json: 2 });
    expect(v.items?.json).toEqual([
      expect.objectContaining({ provider_id: '7' }),
      expect.objectContaining({ provider_id: '8' }),
    ]);
    expect(JSON.parse(v.items?.text ?? '')).toEqual(v.items?.json);
  });

  it('the docs the dashboard lists: every variable documented in both languages, digests’ only for their types', () => {
    for (const type of NOTIFICATION_TYPES) {
      const docs = variableDocs(type);
      expect(docs.map((d) => d.name).sort()).toEqual([...COMMON, ...OWN[type]].sort());
      for (const d of docs) expect([d.description['zh-CN'], d.description.en, d.example].every(Boolean)).toBe(true);
    }
    expect(DIGEST_VARIABLE_DOCS.map((d) => d.name)).toEqual(DIGEST);
  });
});
