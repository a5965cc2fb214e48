/**
 * What a preview draws: a small tree of text and formatting parsed from a platform's markup.
 * Values only ever end up as text nodes, so nothing a message carries is read as HTML.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'b' | 'i' | 'u' | 's' | 'spoiler'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'pre'; v: string }
  | { t: 'quote'; c: Inline[] }
  /** `href` is set only for http(s) and mailto addresses; anything else shows as text. */
  | { t: 'link'; href: string | null; c: Inline[] }
  | { t: 'mention'; v: string }
  | { t: 'color'; color: string; c: Inline[] };

export type Block =
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'p'; c: Inline[] }
  | { t: 'quote'; c: Block[] }
  | { t: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { t: 'hr' };

/** An address a preview may link to: http(s) or mailto, nothing that runs or opens an app. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The visible text of a tree (tests and accessible names). */
export function plainText(nodes: Array<Inline | Block>): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'text':
        case 'code':
        case 'pre':
        case 'mention':
          return n.v;
        case 'br':
          return '\n';
        case 'hr':
          return '---';
        case 'list':
          return n.items.map((i) => plainText(i)).join('\n');
        default:
          return plainText(n.c as Array<Inline | Block>);
      }
    })
    .join('');
}

/** Appends text, merging it into a text node just before it. */
export function pushText(out: Inline[], v: string): void {
  if (v === '') return;
  const last = out[out.length - 1];
  if (last?.t === 'text') last.v += v;
  else out.push({ t: 'text', v });
}
