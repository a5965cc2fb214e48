import type { AUDIT_ACTIONS, AuditEntryView } from '@herald/core';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../i18n/languages.ts';
import { resources } from '../../i18n/resources.ts';
import { type AuditWords, describeAudit } from './audit-sentence.ts';
import { auditWords } from './audit-words.ts';

function wordsIn(language: Language): AuditWords {
  const i18n = i18next.createInstance();
  void i18n.init({ resources, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return auditWords(
    i18n.t as unknown as AuditWords['t'],
    (key) => i18n.exists(key),
    language,
    (iso) => `<${iso}>`,
  );
}
const en = wordsIn('en');
const zh = wordsIn('zh-CN');

const OPS = '11111111-1111-4111-8111-111111111111';
const DEV = '22222222-2222-4222-8222-222222222222';
const secret = (set: boolean, hint: string | null = null) => ({ set, hint });
const target = (over: Record<string, unknown> = {}) => ({
  id: OPS,
  name: '运维群',
  providerType: 'wechat',
  isEnabled: true,
  webhookUrl: secret(true, 'qyapi…7f3a'),
  proxyUrl: secret(false),
  pacePerMinute: null,
  updatedAt: '2026-12-06T08:00:00.000Z',
  ...over,
});
const binding = (targetId: string, targetName: string, over: Record<string, unknown> = {}) => ({
  id: `b-${targetId}`,
  notificationType: 'daily_leaderboard',
  targetId,
  targetName,
  targetType: 'wechat',
  isEnabled: true,
  scheduleCron: null,
  scheduleTimezone: null,
  templateOverride: null,
  quietHours: null,
  mentions: null,
  ...over,
});
const settings = (over: Record<string, unknown> = {}) => ({
  locale: 'zh-CN',
  timezone: 'UTC',
  circuitBreakerEnabled: false,
  circuitBreakerWebhook: { set: false, hint: null, channel: null },
  updatedAt: '2026-12-06T08:00:00.000Z',
  ...over,
});
const key = (over: Record<string, unknown> = {}) => ({
  id: DEV,
  name: 'CCH prod',
  prefix: 'hk_4f2a',
  revokedAt: null,
  ...over,
});
const silence = (over: Record<string, unknown> = {}) => ({
  id: DEV,
  matcher: { kind: 'provider', providerId: '7' },
  matcherName: 'Anthropic main',
  reason: '',
  endsAt: '2026-12-06T10:00:00.000Z',
  endedAt: null,
  active: true,
  heldBack: 0,
  ...over,
});
const connector = (over: Record<string, unknown> = {}) => ({
  enabled: false,
  baseUrl: null,
  token: secret(false),
  intervalSeconds: 30,
  ...over,
});

let id = 0;
/** An entry as the server answers it: before/after as stored JSON text. */
function entry(action: string, entityType: string, entityId: string | null, before: unknown, after: unknown) {
  id += 1;
  return {
    id,
    at: '2026-12-06T08:00:00.000Z',
    actor: 'admin:session',
    action,
    entityType,
    entityId,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
  } satisfies AuditEntryView;
}

/** One example of every action the server records, each with what its sentence must say in en and zh-CN. */
const EXAMPLES: Record<keyof typeof AUDIT_ACTIONS, { entry: AuditEntryView; en: string[]; zh: string[] }> = {
  'target.create': {
    entry: entry('target.create', 'target', OPS, null, target()),
    en: ['admin created target 运维群 (WeCom)'],
    zh: ['管理员创建了推送目标 运维群（企业微信）'],
  },
  'target.update': {
    entry: entry(
      'target.update',
      'target',
      OPS,
      target(),
      target({ name: '运维群 2', webhookUrl: secret(true, 'x…9') }),
    ),
    en: ['admin renamed target 运维群 to 运维群 2'],
    zh: ['管理员将推送目标 运维群 改名为 运维群 2'],
  },
  'target.delete': {
    entry: entry('target.delete', 'target', OPS, target({ providerType: 'dingtalk' }), null),
    en: ['admin deleted target 运维群 (DingTalk)'],
    zh: ['管理员删除了推送目标 运维群（钉钉）'],
  },
  'bindings.add': {
    entry: entry('bindings.add', 'bindings', OPS, null, [
      { notificationType: 'circuit_breaker', targetId: OPS, targetName: '运维群' },
      { notificationType: 'cost_alert', targetId: OPS, targetName: '运维群' },
    ]),
    en: ['admin bound 运维群 to Circuit breaker and Cost alert'],
    zh: ['管理员将 运维群 绑定到熔断告警和成本预警'],
  },
  'bindings.set': {
    entry: entry(
      'bindings.set',
      'bindings',
      'daily_leaderboard',
      [binding(DEV, 'Dev room')],
      [binding(OPS, '运维群', { scheduleCron: '30 9 * * 1-5' })],
    ),
    en: ['admin bound 运维群 to Daily leaderboard at 30 9 * * 1-5', 'admin unbound Dev room from Daily leaderboard'],
    zh: ['管理员将 运维群 绑定到每日排行榜，时间为 30 9 * * 1-5', '管理员解除了 Dev room 与每日排行榜的绑定'],
  },
  'settings.update': {
    entry: entry('settings.update', 'settings', null, settings(), settings({ locale: 'en' })),
    en: ['admin changed the message language from Simplified Chinese (zh-CN) to English (en)'],
    zh: ['管理员将消息语言从 简体中文 (zh-CN) 改为 英语 (en)'],
  },
  'settings.mode_switched': {
    entry: entry('settings.mode_switched', 'settings', null, settings(), settings()),
    en: ['admin added the first target, so Herald stopped using the legacy webhook URLs'],
    zh: ['管理员添加了第一个推送目标，Herald 不再使用旧版 Webhook 地址'],
  },
  'settings.legacy_migrated': {
    entry: entry('settings.legacy_migrated', 'settings', null, settings(), settings()),
    en: ['admin turned the legacy webhook URLs into targets'],
    zh: ['管理员将旧版 Webhook 地址转换为推送目标'],
  },
  'api_key.create': {
    entry: entry('api_key.create', 'api_key', DEV, null, key()),
    en: ['admin created API key CCH prod (hk_4f2a…)'],
    zh: ['管理员创建了 API 密钥 CCH prod（hk_4f2a…）'],
  },
  'api_key.revoke': {
    entry: entry('api_key.revoke', 'api_key', DEV, key(), key({ revokedAt: '2026-12-06T08:00:00.000Z' })),
    en: ['admin revoked API key CCH prod'],
    zh: ['管理员吊销了 API 密钥 CCH prod'],
  },
  'silence.create': {
    entry: entry('silence.create', 'silence', DEV, null, silence()),
    en: ['admin silenced provider Anthropic main until <2026-12-06T10:00:00.000Z>'],
    zh: ['管理员将供应商 Anthropic main静默至 <2026-12-06T10:00:00.000Z>'],
  },
  'silence.end': {
    entry: entry(
      'silence.end',
      'silence',
      DEV,
      silence({ matcher: { kind: 'type', notificationType: 'cost_alert' }, matcherName: null }),
      silence({ matcher: { kind: 'type', notificationType: 'cost_alert' }, matcherName: null, active: false }),
    ),
    en: ['admin ended the silence of every Cost alert'],
    zh: ['管理员结束了对所有成本预警的静默'],
  },
  'deliveries.resend': {
    entry: entry('deliveries.resend', 'delivery', DEV, null, { resendOf: OPS, notificationId: DEV, targetId: OPS }),
    en: ['admin sent a delivery to 运维群 again'],
    zh: ['管理员向 运维群 重新发送了一条推送'],
  },
  'cch_connector.update': {
    entry: entry(
      'cch_connector.update',
      'cch_connector',
      null,
      connector(),
      connector({ enabled: true, baseUrl: 'https://cch.example.com', token: secret(true, 'ab…cd') }),
    ),
    en: ['admin switched the Claude Code Hub connector on'],
    zh: ['管理员开启了 Claude Code Hub 连接器'],
  },
};

const names = new Map([[OPS, '运维群']]);
const texts = (e: AuditEntryView, w: AuditWords) => describeAudit(e, w, names).lines.map((l) => l.text);

describe('audit sentences', () => {
  for (const [action, example] of Object.entries(EXAMPLES)) {
    it(`${action} reads as a sentence in en and zh-CN`, () => {
      expect(texts(example.entry, en)).toEqual(example.en);
      expect(texts(example.entry, zh)).toEqual(example.zh);
    });
  }

  it('has a sentence for every action in every language, with no key or placeholder left', () => {
    for (const language of ['zh-CN', 'zh-TW', 'en', 'ja', 'ru'] as const) {
      const w = wordsIn(language);
      for (const { entry: e } of Object.values(EXAMPLES)) {
        for (const text of texts(e, w)) {
          expect(text, `${language} ${e.action}`).not.toMatch(/auditLog\.|\{\{|undefined/);
          expect(text, `${language} ${e.action}`).not.toContain(e.action);
        }
      }
    }
  });

  it('names who acted: the signed-in admin, the admin token, Herald', () => {
    const e = EXAMPLES['api_key.revoke'].entry;
    expect(texts({ ...e, actor: 'admin:token' }, en)).toEqual(['admin (API token) revoked API key CCH prod']);
    expect(texts({ ...e, actor: 'system' }, zh)).toEqual(['Herald吊销了 API 密钥 CCH prod']);
  });

  it('lists only the changed fields, a secret as set/changed and never its hint', () => {
    const { lines } = describeAudit(EXAMPLES['target.update'].entry, en, names);
    expect(lines[0]?.changes).toEqual([
      { field: 'name', label: 'Name', before: '运维群', after: '运维群 2' },
      { field: 'webhookUrl', label: 'Webhook URL', before: 'set', after: 'changed' },
    ]);
    const cch = describeAudit(
      entry('cch_connector.update', 'cch_connector', null, connector(), connector({ token: secret(true, 'ab…cd') })),
      zh,
    );
    expect(cch.lines).toEqual([
      {
        text: '管理员修改了 Claude Code Hub 连接器',
        changes: [{ field: 'token', label: 'CCH 管理令牌', before: '未设置', after: '已设置' }],
      },
    ]);
    expect(JSON.stringify(cch)).not.toContain('ab…cd');
  });

  it('says what changed in a binding that stays, and when nothing changed', () => {
    const before = [binding(OPS, '运维群', { scheduleCron: '0 9 * * *' })];
    const after = [binding(OPS, '运维群', { scheduleCron: '30 9 * * 1-5', isEnabled: false })];
    const changed = describeAudit(entry('bindings.set', 'bindings', 'daily_leaderboard', before, after), en);
    expect(changed.lines).toEqual([
      {
        text: 'admin changed how 运维群 gets Daily leaderboard',
        changes: [
          { field: 'isEnabled', label: 'Enabled', before: 'On', after: 'Off' },
          { field: 'scheduleCron', label: 'Schedule', before: '0 9 * * *', after: '30 9 * * 1-5' },
        ],
      },
    ]);
    const same = describeAudit(entry('bindings.set', 'bindings', 'daily_leaderboard', before, before), zh);
    expect(same.lines.map((l) => l.text)).toEqual(['管理员保存了每日排行榜的绑定，没有改动']);
  });

  it('names settings by their labels: a switch, a time zone, several fields', () => {
    const one = (after: Record<string, unknown>) =>
      texts(entry('settings.update', 'settings', null, settings(), settings(after)), en);
    expect(one({ circuitBreakerEnabled: true })).toEqual(['admin switched on “Circuit breaker alerts”']);
    expect(one({ timezone: 'Asia/Shanghai' })).toEqual(['admin changed the time zone from UTC to Asia/Shanghai']);
    expect(
      one({ timezone: 'Asia/Shanghai', circuitBreakerWebhook: { set: true, hint: 'h', channel: 'wechat' } }),
    ).toEqual(['admin changed the settings: Time zone and Circuit breaker webhook URL']);
  });

  it('links to the object: a target’s dialog while it exists, the API keys, the routing, a delivery', () => {
    const link = (e: AuditEntryView) => describeAudit(e, en, names).link;
    expect(link(EXAMPLES['target.create'].entry)).toEqual({
      to: '/targets',
      search: { edit: OPS },
      label: 'Open the target',
    });
    expect(link(entry('target.delete', 'target', DEV, target({ id: DEV }), null))).toBeNull();
    expect(link(EXAMPLES['api_key.create'].entry)).toMatchObject({ to: '/api-keys', search: {} });
    expect(link(EXAMPLES['bindings.set'].entry)).toMatchObject({ to: '/notifications' });
    expect(link(EXAMPLES['deliveries.resend'].entry)).toMatchObject({ to: '/deliveries', search: { delivery: DEV } });
    expect(link(EXAMPLES['settings.update'].entry)).toBeNull();
  });

  it('still says something for an action it does not know', () => {
    expect(texts(entry('widget.frobnicate', 'widget', null, { a: 1 }, { a: 2 }), en)).toEqual([
      'admin made a change (widget.frobnicate)',
    ]);
  });
});
