import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitMessage, truncateGraphemes, utf8Bytes } from './fit.ts';
import type { Block, Message } from './model.ts';

// Independent references: the platform's own encoder, and a segmenter of our own.
const encoder = new TextEncoder();
const referenceSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (s: string) => Array.from(referenceSegmenter.segment(s), (g) => g.segment);

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇨🇳';

describe('utf8Bytes', () => {
  it('counts every code point range as TextEncoder does', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['a', 1],
      ['\u007f', 1],
      ['\u0080', 2],
      ['é', 2],
      ['\u07ff', 2],
      ['\u0800', 3],
      ['中', 3],
      ['中文', 6],
      ['\uffff', 3],
      ['\u{10000}', 4],
      ['😀', 4],
      [FAMILY, 25],
      [FLAG, 8],
      ['\u{10ffff}', 4],
      ['\ud800', 3], // a lone surrogate is sent as U+FFFD
    ];
    for (const [s, bytes] of cases) {
      expect(utf8Bytes(s), JSON.stringify(s)).toBe(bytes);
      expect(encoder.encode(s).length).toBe(bytes);
    }
  });

  it('equals TextEncoder on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => utf8Bytes(s) === encoder.encode(s).length),
      { numRuns: 500 },
    );
  });
});

describe('truncateGraphemes', () => {
  it('leaves a value of at most max graphemes unchanged, at the boundary too', () => {
    expect(truncateGraphemes('abc', 3)).toBe('abc');
    expect(truncateGraphemes('abc', 4)).toBe('abc');
    // 11 UTF-16 units but 1 grapheme: fits in 1.
    expect(truncateGraphemes(FAMILY, 1)).toBe(FAMILY);
    expect(truncateGraphemes(`${FAMILY}${FLAG}中`, 3)).toBe(`${FAMILY}${FLAG}中`);
  });

  it('cuts to exactly max graphemes, the last being …', () => {
    expect(truncateGraphemes('abcd', 3)).toBe('ab…');
    expect(truncateGraphemes('abcd', 1)).toBe('…');
    expect(truncateGraphemes(`${FAMILY}${FLAG}中文`, 3)).toBe(`${FAMILY}${FLAG}…`);
    expect(truncateGraphemes(`中${FAMILY}${FAMILY}`, 2)).toBe('中…');
  });

  it('never splits a grapheme and keeps a prefix, on any string', () => {
    const text = fc.array(fc.constantFrom('a', '中', '😀', FAMILY, FLAG, 'é', 'e\u0301', '\n', '&'), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 45 }), (parts, max) => {
        const value = parts.join('');
        const out = truncateGraphemes(value, max);
        const n = graphemes(value).length;
        if (n <= max) return out === value;
        const kept = graphemes(out);
        return kept.length === max && kept.at(-1) === '…' && value.startsWith(kept.slice(0, -1).join(''));
      }),
      { numRuns: 500 },
    );
  });
});

const long = (c: string, n: number) => c.repeat(n);
const count = (s: string) => graphemes(s).length;

/** Every string value of a message, with its place, for checking what shortening did. */
function values(m: Message): string[] {
  const out = [m.title];
  for (const s of [...m.sections, ...(m.footer ?? [])]) {
    if (s.title !== undefined) out.push(s.title);
    for (const b of s.blocks) {
      if (b.type === 'text' || b.type === 'quote') out.push(b.text);
      if (b.type === 'fields') for (const f of b.fields) out.push(f.label, f.value);
      if (b.type === 'list') for (const i of b.items) out.push(i.primary, ...(i.secondary ? [i.secondary] : []));
    }
  }
  return out;
}
const longest = (m: Message) => Math.max(...values(m).map(count));
const rows = (m: Message) =>
  Math.max(0, ...m.sections.flatMap((s) => s.blocks.map((b) => (b.type === 'list' ? b.items.length : 0))));

const message = (blocks: Block[], extra: Partial<Message> = {}): Message => ({
  title: 'Title',
  level: 'info',
  sections: [{ blocks }],
  timestamp: '2026-01-15T06:30:00.000Z',
  timezone: 'UTC',
  ...extra,
});
const identity = (m: Message) => m;
const NOTICE_EN = { blocks: [{ type: 'text', text: '⚠️ Message too long, shortened' }] };

describe('fitMessage: the shortening ladder, step by step', () => {
  it('returns the message untouched when it fits', () => {
    const m = message([{ type: 'text', text: long('x', 5000) }]);
    const r = fitMessage(m, 'en', identity, () => true);
    expect(r).toEqual({ output: m, truncated: false });
  });

  it.each([2000, 1000, 500, 250, 120, 60])(
    'cuts values to %i graphemes when that is the first cap that fits',
    (cap) => {
      const m = message([{ type: 'text', text: long('中', 5000) }], { title: long('T', 5000) });
      const { output, truncated } = fitMessage(m, 'en', identity, (o) => longest(o) <= cap);
      expect(truncated).toBe(true);
      const text = (output.sections[0]?.blocks[0] as { text: string } | undefined)?.text ?? '';
      expect(count(text)).toBe(cap);
      expect(text).toBe(`${long('中', cap - 1)}…`);
      expect(count(output.title)).toBe(cap);
      expect(output.footer).toEqual([NOTICE_EN]);
    },
  );

  it('then drops list rows by halving, at a 60-grapheme cap, and says how many are hidden', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ primary: `row ${i}`, secondary: long('s', 100) }));
    const m = message([{ type: 'list', ordered: true, items }]);
    for (const [allowed, shown] of [
      [40, 40],
      [39, 20],
      [20, 20],
      [19, 10],
      [10, 10],
      [9, 5],
      [4, 2],
      [1, 1],
    ] as const) {
      const { output } = fitMessage(m, 'en', identity, (o) => longest(o) <= 60 && rows(o) <= allowed);
      const blocks = output.sections[0]?.blocks ?? [];
      const list = blocks[0] as Extract<Block, { type: 'list' }>;
      expect(
        list.items.map((i) => i.primary),
        `${allowed} allowed`,
      ).toEqual(items.slice(0, shown).map((i) => i.primary));
      expect(list.items[0]?.secondary).toBe(`${long('s', 59)}…`);
      expect(blocks.slice(1)).toEqual(shown < 40 ? [{ type: 'text', text: `… ${40 - shown} more not shown` }] : []);
    }
  });

  it('then cuts values to 30 and 15 with one row, the title never below 30', () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ primary: long(String(i), 100) }));
    const m = message([{ type: 'list', ordered: false, items }], { title: long('T', 100) });
    for (const cap of [30, 15]) {
      const { output } = fitMessage(
        m,
        'zh-CN',
        identity,
        (o) =>
          count((o.sections[0]?.blocks[0] as { items: { primary: string }[] } | undefined)?.items[0]?.primary ?? '') <=
          cap,
      );
      const blocks = output.sections[0]?.blocks ?? [];
      expect(blocks).toEqual([
        { type: 'list', ordered: false, items: [{ primary: `${long('0', cap - 1)}…` }] },
        { type: 'text', text: '… 另有 2 项未显示' },
      ]);
      expect(output.title).toBe(`${long('T', 29)}…`);
      expect(output.footer).toEqual([{ blocks: [{ type: 'text', text: '⚠️ 消息过长，已截断' }] }]);
    }
  });

  it('ends with the title and the notice alone when nothing else fits', () => {
    const m = message([{ type: 'text', text: 'x' }], {
      title: long('T', 100),
      footer: [{ blocks: [{ type: 'divider' }] }],
    });
    const { output, truncated } = fitMessage(m, 'en', identity, (o) => o.sections.length === 0);
    expect(truncated).toBe(true);
    expect(output).toEqual({ ...m, title: `${long('T', 29)}…`, sections: [], footer: [NOTICE_EN] });
  });

  it('stops at the first step that fits: nothing is cut further than needed', () => {
    const m = message([{ type: 'text', text: long('x', 1500) }]);
    const seen: number[] = [];
    const { output } = fitMessage(
      m,
      'en',
      (o) => {
        seen.push(longest(o));
        return o;
      },
      (o) => longest(o) <= 1000,
    );
    expect(seen).toEqual([1500, 1500, 1000]);
    expect(longest(output)).toBe(1000);
  });

  it('tries the whole ladder in order when nothing fits: caps, then halved rows, then small caps, then bare', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ primary: `${i}`.padEnd(3000, 'x') }));
    const m = message([{ type: 'list', ordered: true, items }], { title: long('T', 3000) });
    const steps: string[] = [];
    fitMessage(
      m,
      'en',
      (o) => {
        const list = o.sections[0]?.blocks[0] as Extract<Block, { type: 'list' }> | undefined;
        steps.push(`${count(o.title)}/${list ? count(list.items[0]?.primary ?? '') : '-'}×${list?.items.length ?? 0}`);
        return o;
      },
      () => false,
    );
    expect(steps).toEqual([
      '3000/3000×40',
      '2000/2000×40',
      '1000/1000×40',
      '500/500×40',
      '250/250×40',
      '120/120×40',
      '60/60×40',
      '60/60×20',
      '60/60×10',
      '60/60×5',
      '60/60×2',
      '60/60×1',
      '30/30×1',
      '30/15×1',
      '30/-×0',
    ]);
  });

  it('cuts every kind of value and keeps the shape of the message', () => {
    const v = long('v', 300);
    const m = message(
      [
        { type: 'text', text: v },
        { type: 'quote', text: v },
        { type: 'fields', fields: [{ label: v, value: v }] },
        { type: 'list', ordered: true, items: [{ icon: '🥇', primary: v, secondary: v }, { primary: v }] },
        { type: 'divider' },
      ],
      { footer: [{ title: v, blocks: [{ type: 'text', text: v }] }], icon: '📊' },
    );
    m.sections.push({ title: v, blocks: [] });
    const { output } = fitMessage(m, 'en', identity, (o) => longest(o) <= 250);
    const c = `${long('v', 249)}…`;
    expect(output).toEqual({
      ...m,
      title: 'Title',
      sections: [
        {
          blocks: [
            { type: 'text', text: c },
            { type: 'quote', text: c },
            { type: 'fields', fields: [{ label: c, value: c }] },
            { type: 'list', ordered: true, items: [{ icon: '🥇', primary: c, secondary: c }, { primary: c }] },
            { type: 'divider' },
          ],
        },
        { title: c, blocks: [] },
      ],
      footer: [{ title: c, blocks: [{ type: 'text', text: c }] }, NOTICE_EN],
    });
    expect(output.sections[0]?.blocks[3]).not.toHaveProperty('items.1.secondary');
  });

  it('drops fields beyond the row count like list rows, from sections and footers', () => {
    const fields = Array.from({ length: 8 }, (_, i) => ({ label: `f${i}`, value: long('x', 100) }));
    const m = message([{ type: 'fields', fields }], { footer: [{ blocks: [{ type: 'fields', fields }] }] });
    const { output } = fitMessage(m, 'en', identity, (o) =>
      [...o.sections, ...(o.footer ?? [])].every((s) =>
        s.blocks.every((b) => b.type !== 'fields' || b.fields.length <= 2),
      ),
    );
    const kept = (b: Block | undefined) => (b as Extract<Block, { type: 'fields' }>).fields.map((f) => f.label);
    expect(kept(output.sections[0]?.blocks[0])).toEqual(['f0', 'f1']);
    expect(kept(output.footer?.[0]?.blocks[0])).toEqual(['f0', 'f1']);
  });
});
