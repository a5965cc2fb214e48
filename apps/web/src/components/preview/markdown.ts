import { type Block, type Inline, pushText, safeHref } from './rich.ts';

/** How one platform's markdown reads its text. */
export type Dialect = {
  /**
   * How a value's special characters are kept literal: `backslash` (Discord, ntfy, Teams),
   * `entities` (&lt; &gt; &amp;: DingTalk, Feishu, Slack), or `none` (WeCom shows text as sent).
   */
  escapes: 'backslash' | 'entities' | 'none';
  /** Slack mrkdwn: *bold*, _italic_, ~strike~, <url|text>, <@U…>, <!here>. */
  slack?: boolean;
  /** Tags the platform reads in its markdown: Feishu's <at id=…></at>, Discord's <@…>, WeCom's <font color>. */
  tags?: 'feishu' | 'discord' | 'wecom';
};

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i;
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** One HTML entity at the start of `s` as its character and length, when `s` starts with a known one. */
export function readEntity(s: string): { v: string; n: number } | null {
  const m = ENTITY.exec(s);
  if (!m?.[1]) return null;
  const name = m[1];
  let v: string | undefined;
  if (name.startsWith('#x') || name.startsWith('#X')) v = codePoint(Number.parseInt(name.slice(2), 16));
  else if (name.startsWith('#')) v = codePoint(Number.parseInt(name.slice(1), 10));
  else v = ENTITIES[name.toLowerCase()];
  return v === undefined ? null : { v, n: m[0].length };
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Decodes entities in a whole string (code spans, link targets). */
function decode(s: string, d: Dialect): string {
  if (d.escapes === 'entities') return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m) => readEntity(m)?.v ?? m);
  if (d.escapes === 'backslash') return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return s;
}

/** Where `delim` closes after `from` (an escaped one does not), or -1. */
function findClose(s: string, from: number, delim: string, d: Dialect, flanking: boolean): number {
  for (let i = from; i <= s.length - delim.length; i++) {
    if (d.escapes === 'backslash' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '\n' && s[i + 1] === '\n') return -1;
    if (!s.startsWith(delim, i) || i === from) continue;
    if (/\s/.test(s[i - 1] ?? '')) continue;
    if (flanking && WORD.test(s[i + delim.length] ?? '')) continue;
    return i;
  }
  return -1;
}

type Emphasis = { delim: string; node: 'b' | 'i' | 's'; intraword: boolean };

const MARKDOWN_EMPHASIS: Emphasis[] = [
  { delim: '**', node: 'b', intraword: true },
  { delim: '__', node: 'b', intraword: false },
  { delim: '~~', node: 's', intraword: true },
  { delim: '*', node: 'i', intraword: true },
  { delim: '_', node: 'i', intraword: false },
];
const SLACK_EMPHASIS: Emphasis[] = [
  { delim: '*', node: 'b', intraword: false },
  { delim: '_', node: 'i', intraword: false },
  { delim: '~', node: 's', intraword: false },
];

/** Reads a tag the dialect knows at the start of `s` (a mention, a coloured run, a Slack link). */
function readTag(s: string, d: Dialect): { node: Inline; n: number } | null {
  if (d.slack) {
    const m = /^<([^<>\n]+)>/.exec(s);
    if (!m?.[1]) return null;
    const [target = '', label] = m[1].split('|', 2);
    if (/^[@#]/.test(target) || target.startsWith('!')) {
      const name = label ?? target.replace(/^!(subteam\^)?/, '').replace(/^[@#]/, '');
      return { node: { t: 'mention', v: `${target.startsWith('#') ? '#' : '@'}${decode(name, d)}` }, n: m[0].length };
    }
    const href = safeHref(decode(target, d));
    return { node: { t: 'link', href, c: [{ t: 'text', v: decode(label ?? target, d) }] }, n: m[0].length };
  }
  if (d.tags === 'discord') {
    const m = /^<(@!?|@&|#)(\d+)>/.exec(s);
    if (!m) return null;
    return {
      node: { t: 'mention', v: `${m[1] === '#' ? '#' : '@'}${m[1] === '@&' ? 'role:' : ''}${m[2]}` },
      n: m[0].length,
    };
  }
  if (d.tags === 'feishu') {
    const m = /^<at\s+(?:user_)?id\s*=\s*"?([^"\s>]+)"?\s*>([^<]*)<\/at>/i.exec(s);
    if (!m?.[1]) return null;
    return { node: { t: 'mention', v: `@${m[1] === 'all' ? 'all' : m[2] || m[1]}` }, n: m[0].length };
  }
  if (d.tags === 'wecom') {
    const m = /^<font\s+color\s*=\s*"?(info|comment|warning)"?\s*>([\s\S]*?)<\/font>/i.exec(s);
    if (!m?.[1]) return null;
    return { node: { t: 'color', color: m[1].toLowerCase(), c: parseInline(m[2] ?? '', d) }, n: m[0].length };
  }
  return null;
}

/** One line (or a few joined by \n) of a platform's markdown as inline nodes. */
export function parseInline(s: string, d: Dialect): Inline[] {
  const out: Inline[] = [];
  const emphasis = d.slack ? SLACK_EMPHASIS : MARKDOWN_EMPHASIS;
  let i = 0;
  outer: while (i < s.length) {
    const ch = s[i] ?? '';
    const rest = s.slice(i);
    if (d.escapes === 'backslash' && ch === '\\') {
      const next = s[i + 1] ?? '';
      if (next === '\n') {
        out.push({ t: 'br' });
        i += 2;
        continue;
      }
      if (PUNCTUATION.test(next)) {
        pushText(out, next);
        i += 2;
        continue;
      }
    }
    if (d.escapes === 'entities' && ch === '&') {
      const entity = readEntity(rest);
      if (entity) {
        pushText(out, entity.v);
        i += entity.n;
        continue;
      }
    }
    if (ch === '\n') {
      out.push({ t: 'br' });
      i++;
      continue;
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        out.push({
          t: 'code',
          v: decode(s.slice(i + 1, end), { ...d, escapes: d.escapes === 'backslash' ? 'none' : d.escapes }),
        });
        i = end + 1;
        continue;
      }
    }
    if (ch === '<') {
      const tag = readTag(rest, d);
      if (tag) {
        out.push(tag.node);
        i += tag.n;
        continue;
      }
    }
    if (ch === '[' && !d.slack) {
      const m = /^\[([^\]\n]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/.exec(rest);
      if (m) {
        out.push({ t: 'link', href: safeHref(decode(m[2] ?? '', d)), c: parseInline(m[1] ?? '', d) });
        i += m[0].length;
        continue;
      }
    }
    for (const e of emphasis) {
      if (!rest.startsWith(e.delim)) continue;
      if (!e.intraword && WORD.test(s[i - 1] ?? '')) continue;
      const after = s[i + e.delim.length] ?? '';
      if (after === '' || /\s/.test(after)) continue;
      const end = findClose(s, i + e.delim.length, e.delim, d, !e.intraword);
      if (end < 0) continue;
      out.push({ t: e.node, c: parseInline(s.slice(i + e.delim.length, end), d) });
      i = end + e.delim.length;
      continue outer;
    }
    pushText(out, ch);
    i++;
  }
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const QUOTE = /^\s{0,3}(?:>|&gt;)\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^(\s*)[-*+•]\s+(.*)$/;
const ORDERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;

/** A platform's markdown message as blocks: headings, quotes, lists, rules and paragraphs. */
export function parseMarkdown(source: string, d: Dialect): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ t: 'p', c: parseInline(para.join('\n'), d) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      flush();
      continue;
    }
    const quoteLine = d.slack || d.escapes !== 'entities' ? /^\s{0,3}>\s?(.*)$/ : QUOTE;
    const quote = quoteLine.exec(line);
    if (quote) {
      flush();
      const inner: string[] = [];
      while (i < lines.length) {
        const q = quoteLine.exec(lines[i] ?? '');
        if (!q) break;
        inner.push(q[1] ?? '');
        i++;
      }
      i--;
      blocks.push({ t: 'quote', c: parseMarkdown(inner.join('\n'), d) });
      continue;
    }
    const heading = d.slack ? null : HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ t: 'h', level: heading[1]?.length ?? 1, c: parseInline(heading[2] ?? '', d) });
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ t: 'hr' });
      continue;
    }
    const first = ORDERED.exec(line) ?? BULLET.exec(line);
    if (first && !d.slack) {
      flush();
      const ordered = ORDERED.test(line);
      const items: string[] = [];
      const start = ordered ? Number(first[2]) : 1;
      while (i < lines.length) {
        const l = lines[i] ?? '';
        const m = ordered ? ORDERED.exec(l) : BULLET.exec(l);
        if (m) items.push(m[ordered ? 3 : 2] ?? '');
        else if (/^\s+\S/.test(l) && items.length > 0) items[items.length - 1] += `\n${l.trim()}`;
        else break;
        i++;
      }
      i--;
      // A hard break written as a trailing backslash (ntfy) is one line break.
      const clean = (s: string) => (d.escapes === 'backslash' ? s.replace(/\\\n/g, '\n') : s);
      blocks.push({ t: 'list', ordered, start, items: items.map((s) => parseInline(clean(s), d)) });
      continue;
    }
    para.push(d.escapes === 'backslash' && line.endsWith('\\') && !line.endsWith('\\\\') ? line.slice(0, -1) : line);
  }
  flush();
  return blocks;
}
