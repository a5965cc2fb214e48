import { describe, expect, it } from 'vitest';
import type { Message } from './model.ts';
import { sectionsAsPlainText } from './plain-text.ts';

const base = { title: 'T', level: 'info', timestamp: '2026-01-15T06:30:00.000Z', timezone: 'UTC' } as const;

describe('sectionsAsPlainText ({{sections}})', () => {
  it('writes every block kind, numbering ordered lists from 1', () => {
    const m: Message = {
      ...base,
      sections: [
        { blocks: [{ type: 'quote', text: 'quoted' }] },
        {
          title: 'Details',
          blocks: [
            {
              type: 'fields',
              fields: [
                { label: 'A', value: '1' },
                { label: 'B', value: '2' },
              ],
            },
            { type: 'text', text: 'plain' },
            {
              type: 'list',
              ordered: true,
              items: [{ icon: '🥇', primary: 'first', secondary: 'more' }, { primary: 'second' }, { primary: 'third' }],
            },
            { type: 'list', ordered: false, items: [{ primary: 'dot', secondary: '' }] },
            { type: 'divider' },
          ],
        },
      ],
      footer: [{ title: 'Foot', blocks: [{ type: 'text', text: 'bye' }] }],
    };
    expect(sectionsAsPlainText(m)).toBe(
      [
        '> quoted',
        '',
        'Details',
        'A: 1',
        'B: 2',
        'plain',
        '1. first',
        '  more',
        '2. second',
        '3. third',
        '- dot',
        '---',
        '',
        '---',
        'Foot',
        'bye',
      ].join('\n'),
    );
  });

  it('has no footer separator without a footer, and nothing around the text', () => {
    const m: Message = { ...base, sections: [{ blocks: [{ type: 'text', text: ' a ' }] }], footer: [] };
    expect(sectionsAsPlainText(m)).toBe('a');
    expect(sectionsAsPlainText({ ...m, footer: undefined } as Message)).toBe('a');
    expect(sectionsAsPlainText({ ...base, sections: [] })).toBe('');
  });
});
