import { describe, expect, it } from 'vitest';
import { renderDigest } from '../digest/index.ts';
import type { ChannelType } from '../domain.ts';
import { utf8Bytes } from '../message/fit.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { SetBindingsInput } from '../schemas/bindings.ts';
import { channelOf } from './index.ts';
import type { BindingMentions } from './mentions.ts';
import { WECHAT_TEXT_MAX_BYTES } from './wechat.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const breaker = (event: 'opened' | 'recovered' | 'flapping', lastError = 'timeout <x> & "y"') =>
  NOTIFICATIONS.circuit_breaker.data.parse({
    providerId: 7,
    providerName: 'Prov',
    failureCount: 5,
    retryAt: '2026-01-15T07:00:00.000Z',
    lastError,
    event,
  });

const render = (
  channel: ChannelType,
  people: string[],
  {
    event = 'opened',
    levels = null,
    lastError,
  }: Partial<BindingMentions> & { event?: 'opened' | 'recovered' | 'flapping'; lastError?: string } = {},
) =>
  renderNotification({
    type: 'circuit_breaker',
    data: breaker(event, lastError),
    channel,
    locale: 'en',
    timezone: 'Asia/Shanghai',
    now,
    config: { telegramChatId: '-1001234567890' },
    mentions: { people, levels },
  });

const parse = (channel: ChannelType, entry: string) => channelOf(channel).mentions?.parse(entry);

describe('entries are read per channel; errors say what a valid entry looks like', () => {
  it.each([
    ['wechat', '13800138000', { kind: 'mobile', id: '13800138000' }],
    ['wechat', '+86 138-0013-8000', { kind: 'mobile', id: '13800138000' }],
    ['wechat', '@zhangsan', { kind: 'user', id: 'zhangsan' }],
    ['wechat', '@all', { kind: 'all' }],
    ['dingtalk', 'manager4521', { kind: 'user', id: 'manager4521' }],
    ['dingtalk', 'ALL', { kind: 'all' }],
    ['feishu', 'ou_7d8a6e6df7621556ce0d21922b676706', { kind: 'user', id: 'ou_7d8a6e6df7621556ce0d21922b676706' }],
    ['feishu', 'all', { kind: 'all' }],
    ['telegram', '@oncall_alice', { kind: 'user', id: '@oncall_alice' }],
    ['telegram', 'oncall_alice', { kind: 'user', id: '@oncall_alice' }],
    ['telegram', '123456789 Alice Chen', { kind: 'user', id: '123456789', label: 'Alice Chen' }],
  ] as const)('%s reads %j', (channel, entry, mention) => {
    expect(parse(channel, entry)).toEqual({ ok: true, mention });
  });

  it.each([
    ['wechat', '+1 415 555 0100', /only mainland mobile numbers.*13800138000/],
    ['wechat', 'zhang san', /neither a mobile number nor a user id; use a mobile number \(13800138000\)/],
    ['dingtalk', '张三', /DingTalk userId \(manager4521\)/],
    ['feishu', 'alice@example.com', /can't mention by email; use an open_id \(ou_…\)/],
    ['feishu', 'ou_<script>', /not an open_id or user_id/],
    ['telegram', 'all', /Telegram can't mention everyone; use @username/],
    ['telegram', '@bob', /not a Telegram username or user id; use @username \(5–32/],
  ] as const)('%s refuses %j', (channel, entry, error) => {
    const r = parse(channel, entry);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.error).toMatch(error);
  });

  it('every example entry reads', () => {
    for (const channel of ['wechat', 'dingtalk', 'feishu', 'telegram'] as const) {
      const spec = channelOf(channel).mentions;
      expect(spec?.examples.length).toBeGreaterThan(0);
      for (const ex of spec?.examples ?? []) expect(spec?.parse(ex).ok, `${channel} ${ex}`).toBe(true);
    }
  });
});

describe('WeCom: markdown cannot mention, so a message with mentions is text', () => {
  it('text with mentioned_list (user ids, @all) and mentioned_mobile_list', () => {
    const { body } = render('wechat', ['zhangsan', '13800138000', 'all']);
    expect(body).toMatchObject({
      msgtype: 'text',
      text: { mentioned_list: ['zhangsan', '@all'], mentioned_mobile_list: ['13800138000'] },
    });
    const content = (body.text as { content: string }).content;
    expect(content.split('\n')[0]).toBe('🔌 Provider circuit breaker alert');
    // Plain text: no markdown markers, values as typed.
    expect(content).toContain('timeout <x> & "y"');
    expect(content).not.toContain('**');
  });

  it('without mentions, markdown stays', () => {
    expect(render('wechat', []).body.msgtype).toBe('markdown');
  });

  it('a long message is fitted within the text type’s 2048 bytes', () => {
    const r = render('wechat', ['13800138000'], { lastError: '错'.repeat(3000) });
    const content = (r.body.text as { content: string }).content;
    expect(r.truncated).toBe(true);
    expect(utf8Bytes(content)).toBeLessThanOrEqual(WECHAT_TEXT_MAX_BYTES);
    expect(utf8Bytes(content)).toBeGreaterThan(WECHAT_TEXT_MAX_BYTES / 2);
    expect(channelOf('wechat').limit?.measure(r.body)).toBe(utf8Bytes(content));
  });
});

describe('DingTalk: each person in `at` and written as @… in the text', () => {
  it('mobiles and user ids in both places; isAtAll for everyone', () => {
    const { body } = render('dingtalk', ['13800138000', 'manager4521', 'all']);
    expect(body.at).toEqual({ atMobiles: ['13800138000'], atUserIds: ['manager4521'], isAtAll: true });
    const text = (body.markdown as { text: string }).text;
    expect(text.split('\n').at(-1)).toBe('@13800138000 @manager4521');
  });

  it('without mentions there is no `at`', () => {
    const { body } = render('dingtalk', []);
    expect(body.at).toBeUndefined();
    expect((body.markdown as { text: string }).text).not.toContain('@');
  });
});

describe('Feishu: <at> tags in a card markdown element', () => {
  it('a user by id and everyone', () => {
    const { body } = render('feishu', ['ou_abc123', 'all']);
    const elements = (body.card as { body: { elements: Array<{ tag: string; content?: string }> } }).body.elements;
    expect(elements[0]).toEqual({ tag: 'markdown', content: '<at id=ou_abc123></at> <at id=all></at>' });
  });
});

describe('Telegram: @username, or a text mention for a user id', () => {
  it('both on the last line, the name escaped', () => {
    const { body } = render('telegram', ['@oncall_alice', '123456789 A<b>']);
    expect((body.text as string).split('\n').at(-1)).toBe(
      '@oncall_alice <a href="tg://user?id=123456789">A&lt;b&gt;</a>',
    );
  });
});

describe('levels decide whether a message mentions', () => {
  it.each(['wechat', 'dingtalk', 'feishu', 'telegram'] as const)('%s: only errors mention', (channel) => {
    const people = channel === 'telegram' ? ['@oncall_alice'] : channel === 'feishu' ? ['ou_abc'] : ['13800138000'];
    const error = render(channel, people, { event: 'opened', levels: ['error'] });
    const warning = render(channel, people, { event: 'flapping', levels: ['error'] });
    expect(error.message.level).toBe('error');
    expect(warning.message.level).toBe('warning');
    const json = (b: unknown) => JSON.stringify(b);
    const marker = channel === 'telegram' ? '@oncall_alice' : channel === 'feishu' ? '<at id=ou_abc>' : '13800138000';
    expect(json(error.body)).toContain(marker);
    expect(json(warning.body)).not.toContain(marker);
  });

  it('digests and recoveries carry mentions the same way', () => {
    const items = [breaker('opened'), breaker('recovered'), breaker('opened')];
    const digest = renderDigest({
      type: 'circuit_breaker',
      items,
      channel: 'dingtalk',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      now,
      mentions: { people: ['13800138000'], levels: null },
    });
    expect(digest.body.at).toMatchObject({ atMobiles: ['13800138000'] });
    expect((digest.body.markdown as { text: string }).text).toContain('@13800138000');

    const recovery = render('dingtalk', ['13800138000'], { event: 'recovered' });
    expect(recovery.message.level).toBe('info');
    expect(recovery.body.at).toMatchObject({ atMobiles: ['13800138000'] });
    expect(render('dingtalk', ['13800138000'], { event: 'recovered', levels: ['error'] }).body.at).toBeUndefined();
  });
});

describe('the binding input’s mentions', () => {
  const TARGET = '8f0c3c56-6c8e-4d2e-9a51-0b6f1b1d7e01';
  const issues = (mentions: unknown) =>
    (
      SetBindingsInput.safeParse({ notificationType: 'circuit_breaker', bindings: [{ targetId: TARGET, mentions }] })
        .error?.issues ?? []
    ).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('takes people and levels, or nothing', () => {
    expect(issues({ people: ['13800138000'], levels: ['error', 'warning'] })).toEqual([]);
    expect(issues({ people: [] })).toEqual([]);
    expect(issues(null)).toEqual([]);
  });

  it('names what is wrong: entry length, count, level', () => {
    expect(issues({ people: ['x'.repeat(65)] })).toEqual(['bindings.0.mentions.people.0: at most 64 characters']);
    expect(issues({ people: [' '] })).toEqual(['bindings.0.mentions.people.0: must not be empty']);
    expect(issues({ people: Array(51).fill('a') })).toEqual(['bindings.0.mentions.people: at most 50 people']);
    expect(issues({ people: ['a'], levels: ['fatal'] })).toEqual([
      'bindings.0.mentions.levels.0: must be one of info, warning, error',
    ]);
  });
});
