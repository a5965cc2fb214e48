import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE } from '../domain.ts';
import { LEVEL_ICON, LEVELS, type Message } from '../message/model.ts';
import { CHANNELS } from './index.ts';

/** A message with every block kind, lists with and without icons and second lines, no icon of its own. */
const message = (patch: Partial<Message> = {}): Message => ({
  title: 'T<1>',
  level: 'warning',
  sections: [
    {
      title: 'S',
      blocks: [
        { type: 'list', ordered: false, items: [{ primary: 'a' }, { primary: 'b', secondary: 'b2' }] },
        { type: 'list', ordered: true, items: [{ icon: '🥇', primary: 'c' }, { primary: 'd' }] },
        {
          type: 'fields',
          fields: [
            { label: 'L1', value: 'v1' },
            { label: 'L2', value: 'v2' },
            { label: 'L3', value: 'v3' },
          ],
        },
      ],
    },
  ],
  footer: [{ blocks: [{ type: 'text', text: ' end ' }] }],
  timestamp: '2026-01-15T06:30:00.000Z',
  timezone: 'UTC',
  ...patch,
});
const opts = { locale: 'en', config: { telegramChatId: '1' } } as const;

describe('renderers: list markers, second lines, and messages without an icon', () => {
  it('wechat', () => {
    const { body } = CHANNELS.wechat.render(message(), opts);
    expect((body.markdown as { content: string }).content).toBe(
      [
        '## ⚠️ T<1>',
        '',
        '**S**',
        '- **a**',
        '',
        '- **b**',
        'b2',
        '',
        '🥇 **c**',
        '',
        '2. **d**',
        '',
        'L1: v1',
        'L2: v2',
        'L3: v3',
        '',
        '---',
        ' end ',
        '',
        '2026-01-15 06:30 (UTC)',
      ].join('\n'),
    );
    expect(LEVELS.map((l) => LEVEL_ICON[l])).toEqual(['📊', '⚠️', '🚨']);
  });

  it('dingtalk', () => {
    const { body } = CHANNELS.dingtalk.render(message({ footer: [] }), opts);
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: 'T&lt;1&gt;',
        text: [
          '### T&lt;1&gt;',
          '',
          '**S**',
          '- **a**',
          '- **b**',
          '  b2',
          '1. **c**',
          '2. **d**',
          '- L1: v1',
          '- L2: v2',
          '- L3: v3',
          '',
          '2026-01-15 06:30 (UTC)',
        ].join('\n'),
      },
    });
  });

  it('telegram', () => {
    const { body } = CHANNELS.telegram.render(message(), {
      locale: 'en',
      config: { telegramChatId: '1', telegramTopicId: 9 },
    });
    expect(body).toEqual({
      chat_id: '1',
      message_thread_id: 9,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      text: [
        '<b>T&lt;1&gt;</b>',
        '',
        '<b>S</b>',
        '• <b>a</b>',
        '• <b>b</b>',
        '  b2',
        '1. <b>c</b>',
        '2. <b>d</b>',
        '<b>L1</b>: v1',
        '<b>L2</b>: v2',
        '<b>L3</b>: v3',
        '',
        '---',
        ' end ',
        '',
        '2026-01-15 06:30 (UTC)',
      ].join('\n'),
    });
    expect(
      CHANNELS.telegram.render(message(), { locale: 'en', config: { telegramChatId: '1', telegramTopicId: null } })
        .body,
    ).not.toHaveProperty('message_thread_id');
  });

  it('feishu: list rows, fields two per row with the odd one alone, header without an icon', () => {
    const { body } = CHANNELS.feishu.render(message(), opts);
    const card = body.card as { header: unknown; body: { elements: Array<Record<string, unknown>> } };
    expect(card.header).toEqual({ title: { tag: 'plain_text', content: 'T<1>' }, template: 'orange' });
    expect(card.body.elements.slice(0, 3)).toEqual([
      { tag: 'markdown', content: '**S**' },
      { tag: 'markdown', content: '- **a**\n\n- **b**\nb2' },
      { tag: 'markdown', content: '🥇 **c**\n\n2. **d**' },
    ]);
    const rows = card.body.elements.filter((e) => e.tag === 'column_set') as Array<{ columns: unknown[] }>;
    expect(rows.map((r) => r.columns.length)).toEqual([2, 1]);
  });

  it('feishu: an even number of fields fills its rows exactly', () => {
    const two = message({
      sections: [
        {
          blocks: [
            {
              type: 'fields',
              fields: [
                { label: 'a', value: '1' },
                { label: 'b', value: '2' },
              ],
            },
          ],
        },
      ],
    });
    const card = CHANNELS.feishu.render(two, opts).body.card as { body: { elements: Array<Record<string, unknown>> } };
    const rows = card.body.elements.filter((e) => e.tag === 'column_set') as Array<{ columns: unknown[] }>;
    expect(rows.map((r) => r.columns.length)).toEqual([2]);
  });

  it('refuse to render without what they need', () => {
    expect(() => CHANNELS.telegram.render(message(), { locale: 'en' })).toThrow('a Telegram target needs a chat id');
    expect(() => CHANNELS.telegram.render(message(), { locale: 'en', config: { telegramChatId: '' } })).toThrow(
      'a Telegram target needs a chat id',
    );
    expect(() => CHANNELS.custom.render(message(), { locale: 'en' })).toThrow('a custom target needs a template');
  });

  it('describe their limits as the platforms do', () => {
    // The reference's four platforms and custom; each newer channel's own test states its limit.
    const limits = Object.fromEntries(
      (['wechat', 'feishu', 'dingtalk', 'telegram', 'custom'] as const).map((type) => {
        const l = CHANNELS[type].limit;
        return [type, l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }];
      }),
    );
    expect(limits).toEqual({
      wechat: { max: 4096, unit: 'bytes', appliesTo: 'markdown.content' },
      feishu: { max: 20_480, unit: 'bytes', appliesTo: 'request body' },
      dingtalk: { max: 20_000, unit: 'bytes', appliesTo: 'request body' },
      telegram: { max: 4096, unit: 'characters', appliesTo: 'text after entity parsing' },
      custom: null,
    });
    expect(Object.entries(CHANNELS).every(([k, c]) => c.type === k)).toBe(true);
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(CHANNELS.wechat.limit?.measure({ markdown: {} })).toBe(0);
  });
});
