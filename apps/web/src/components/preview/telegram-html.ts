import { readEntity } from './markdown.ts';
import { type Inline, pushText, safeHref } from './rich.ts';

/** Telegram's HTML parse mode: the only tags it reads, and what each draws. */
const TAGS: Record<string, 'b' | 'i' | 'u' | 's' | 'spoiler' | 'code' | 'pre' | 'quote' | 'link'> = {
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  u: 'u',
  ins: 'u',
  s: 's',
  strike: 's',
  del: 's',
  'tg-spoiler': 'spoiler',
  code: 'code',
  pre: 'pre',
  blockquote: 'quote',
  a: 'link',
};

const TOKEN = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>/iy;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

function decodeAll(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m) => readEntity(m)?.v ?? m);
}

type Open = { tag: string; node: Inline & { c: Inline[] }; code?: { kind: 'code' | 'pre' } };

/**
 * A Telegram HTML message as Telegram draws it: the tags it supports become formatting, their
 * entities text; any other tag is shown as the text it is (Telegram would refuse the message).
 */
export function parseTelegramHtml(html: string): Inline[] {
  const root: Inline[] = [];
  const stack: Open[] = [];
  const current = () => stack[stack.length - 1]?.node.c ?? root;
  let i = 0;
  while (i < html.length) {
    const ch = html[i] ?? '';
    if (ch === '<') {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(html);
      const kind = m ? TAGS[(m[2] ?? '').toLowerCase()] : undefined;
      const isSpoilerSpan =
        m && (m[2] ?? '').toLowerCase() === 'span' && attribute(m[3] ?? '', 'class') === 'tg-spoiler';
      if (m && (kind || isSpoilerSpan || (m[1] && (m[2] ?? '').toLowerCase() === 'span'))) {
        const tag = (m[2] ?? '').toLowerCase();
        if (m[1]) {
          const at = stack.findLastIndex((o) => o.tag === tag);
          if (at >= 0) {
            const closed = stack.splice(at);
            for (const o of closed.reverse()) finish(o, stack, root);
          }
        } else {
          stack.push(open(tag, isSpoilerSpan ? 'spoiler' : (kind ?? 'spoiler'), m[3] ?? ''));
        }
        i += m[0].length;
        continue;
      }
    }
    if (ch === '&') {
      const entity = readEntity(html.slice(i));
      if (entity) {
        pushText(current(), entity.v);
        i += entity.n;
        continue;
      }
    }
    if (ch === '\n') current().push({ t: 'br' });
    else pushText(current(), ch);
    i++;
  }
  for (const o of stack.splice(0).reverse()) finish(o, stack, root);
  return root;
}

function open(tag: string, kind: NonNullable<(typeof TAGS)[string]>, attrs: string): Open {
  if (kind === 'link') {
    const raw = decodeAll(attribute(attrs, 'href') ?? '');
    const mention = /^tg:\/\/user\?id=(\d+)$/.exec(raw);
    const node = { t: 'link' as const, href: mention ? null : safeHref(raw), c: [] as Inline[] };
    return { tag, node: mention ? { ...node, mention: true } : node } as Open;
  }
  if (kind === 'code' || kind === 'pre') return { tag, node: { t: 'b', c: [] }, code: { kind } };
  return { tag, node: { t: kind, c: [] } as Inline & { c: Inline[] } };
}

/** Puts a closed tag's node in its parent (code and pre keep only their text). */
function finish(o: Open, stack: Open[], root: Inline[]): void {
  const parent = stack[stack.length - 1]?.node.c ?? root;
  if (o.code) {
    const text = o.node.c.map((n) => (n.t === 'text' ? n.v : n.t === 'br' ? '\n' : '')).join('');
    parent.push({ t: o.code.kind, v: text });
    return;
  }
  if ('mention' in o.node) {
    const text = o.node.c.map((n) => (n.t === 'text' ? n.v : '')).join('');
    parent.push({ t: 'mention', v: `@${text}` });
    return;
  }
  parent.push(o.node);
}
