import type { Locale } from '../domain.ts';
import type { Block, Message, Section } from './model.ts';

/**
 * Shortens a message until its rendering fits a platform limit. It works on the model, not on
 * the rendered text, so markup is never cut and every value is cut on a grapheme boundary
 * (no split multi-byte character or emoji). What was cut is marked with "…" and a notice.
 */
const NOTICE: Record<Locale, { truncated: string; more: (n: number) => string }> = {
  'zh-CN': { truncated: '⚠️ 消息过长，已截断', more: (n) => `… 另有 ${n} 项未显示` },
  'zh-TW': { truncated: '⚠️ 訊息過長，已截斷', more: (n) => `… 另有 ${n} 項未顯示` },
  en: { truncated: '⚠️ Message too long, shortened', more: (n) => `… ${n} more not shown` },
  ja: { truncated: '⚠️ メッセージが長すぎるため省略しました', more: (n) => `… ほか ${n} 件は省略` },
  ru: { truncated: '⚠️ Сообщение слишком длинное, сокращено', more: (n) => `… не показано: ${n}` },
};

const VALUE_CAPS = [2000, 1000, 500, 250, 120, 60, 30, 15];
/** Values are not cut below this while list rows can still be dropped instead. */
const ROW_CAP = 60;

function halvings(n: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(n / 2); k >= 1; k = Math.floor(k / 2)) out.push(k);
  return out;
}

const segmenter = new Intl.Segmenter(); // grapheme clusters, its default granularity

/** At most `max` graphemes, the last being "…" when anything was cut. */
export function truncateGraphemes(value: string, max: number): string {
  if (value.length <= max) return value; // UTF-16 length ≥ grapheme count
  const graphemes = Array.from(segmenter.segment(value), (s) => s.segment);
  if (graphemes.length <= max) return value;
  return `${graphemes.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function capBlock(b: Block, cap: number, maxItems: number, locale: Locale): Block[] {
  const c = (s: string) => truncateGraphemes(s, cap);
  switch (b.type) {
    case 'text':
    case 'quote':
      return [{ ...b, text: c(b.text) }];
    case 'fields':
      return [
        { type: 'fields', fields: b.fields.slice(0, maxItems).map((f) => ({ label: c(f.label), value: c(f.value) })) },
      ];
    case 'list': {
      const items = b.items.slice(0, maxItems).map((i) => ({
        ...i,
        primary: c(i.primary),
        ...(i.secondary !== undefined ? { secondary: c(i.secondary) } : {}),
      }));
      const hidden = b.items.length - items.length;
      return hidden > 0
        ? [
            { ...b, items },
            { type: 'text', text: NOTICE[locale].more(hidden) },
          ]
        : [{ ...b, items }];
    }
    case 'divider':
      return [b];
  }
}

function capSection(s: Section, cap: number, maxItems: number, locale: Locale): Section {
  return {
    ...(s.title !== undefined ? { title: truncateGraphemes(s.title, cap) } : {}),
    blocks: s.blocks.flatMap((b) => capBlock(b, cap, maxItems, locale)),
  };
}

function shrink(m: Message, cap: number, maxItems: number, locale: Locale): Message {
  const capAll = (sections: Section[]) => sections.map((s) => capSection(s, cap, maxItems, locale));
  return {
    ...m,
    title: truncateGraphemes(m.title, Math.max(cap, 30)),
    sections: capAll(m.sections),
    footer: [...capAll(m.footer ?? []), { blocks: [{ type: 'text', text: NOTICE[locale].truncated }] }],
  };
}

export function fitMessage<T>(
  message: Message,
  locale: Locale,
  render: (m: Message) => T,
  fits: (out: T) => boolean,
): { output: T; truncated: boolean } {
  const full = render(message);
  if (fits(full)) return { output: full, truncated: false };
  // Cut long values first, then drop list rows (halving), then cut values further.
  const longest = Math.max(1, ...[...message.sections, ...(message.footer ?? [])].flatMap(listLengths));
  const steps: Array<[cap: number, maxItems: number]> = [
    ...VALUE_CAPS.filter((c) => c >= ROW_CAP).map((c): [number, number] => [c, longest]),
    ...halvings(longest).map((n): [number, number] => [ROW_CAP, n]),
    ...VALUE_CAPS.filter((c) => c < ROW_CAP).map((c): [number, number] => [c, 1]),
  ];
  for (const [cap, maxItems] of steps) {
    const out = render(shrink(message, cap, maxItems, locale));
    if (fits(out)) return { output: out, truncated: true };
  }
  // Nothing but the title and the notice: always within any platform's limit.
  const bare: Message = {
    ...message,
    title: truncateGraphemes(message.title, 30),
    sections: [],
    footer: [{ blocks: [{ type: 'text', text: NOTICE[locale].truncated }] }],
  };
  return { output: render(bare), truncated: true };
}

function listLengths(s: Section): number[] {
  return s.blocks.map((b) => (b.type === 'list' ? b.items.length : b.type === 'fields' ? b.fields.length : 1));
}

/** UTF-8 byte length (counted by hand: core stays free of platform globals). */
export function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}
