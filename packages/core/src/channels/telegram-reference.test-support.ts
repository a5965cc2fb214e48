/**
 * Test reference, independent of the renderer: Telegram's HTML parse mode as its Bot API
 * documents it. Returns the text a user sees and its entities (offsets in UTF-16 units, as
 * Telegram counts), or throws where Telegram answers "can't parse entities".
 */
const TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type TelegramEntity = { type: string; offset: number; length: number };

export function parseTelegramHtml(html: string): { text: string; entities: TelegramEntity[] } {
  let text = '';
  const entities: TelegramEntity[] = [];
  const open: Array<{ tag: string; offset: number }> = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new Error(`unclosed tag at ${i}`);
      const raw = html.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const tag = (closing ? raw.slice(1) : raw).split(/\s/)[0]?.toLowerCase() ?? '';
      if (!(tag in TAGS)) throw new Error(`unsupported tag <${raw}>`);
      if (closing) {
        const top = open.pop();
        if (top?.tag !== tag) throw new Error(`</${tag}> closes <${top?.tag ?? 'nothing'}>`);
        entities.push({ type: TAGS[tag] as string, offset: top.offset, length: text.length - top.offset });
      } else {
        open.push({ tag, offset: text.length });
      }
      i = end + 1;
    } else if (ch === '&') {
      const m = /^&(?:([a-z]+)|#(\d+)|#x([0-9a-f]+));/i.exec(html.slice(i));
      const decoded = m?.[1]
        ? NAMED[m[1]]
        : m?.[2]
          ? String.fromCodePoint(Number(m[2]))
          : m?.[3]
            ? String.fromCodePoint(parseInt(m[3], 16))
            : undefined;
      if (!m || decoded === undefined) throw new Error(`bare & at ${i}`);
      text += decoded;
      i += m[0].length;
    } else if (ch === '>') {
      throw new Error(`bare > at ${i}`);
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length) throw new Error(`<${open.at(-1)?.tag}> is never closed`);
  return { text, entities };
}
