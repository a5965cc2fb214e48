/**
 * Telegram's `parse_mode: "HTML"`, ported from tdlib's `parse_html` (td/telegram/MessageEntity.cpp,
 * which the Bot API server runs): the same tags, attributes, entities and error texts, with byte
 * offsets in UTF-8. Unknown named entities (`&nbsp;`) and a bare `&` stay literal text, as in tdlib;
 * a bare `<` starts a tag and fails. Newer Telegram also takes `<blockquote expandable>`.
 */

export type TelegramEntity = { type: string; offset: number; length: number; url?: string; custom_emoji_id?: string };

export type ParsedHtml = { ok: true; text: string; entities: TelegramEntity[] } | { ok: false; error: string };

const TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const ENTITY_TYPE: Record<string, string> = {
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
  span: 'spoiler',
  'tg-emoji': 'custom_emoji',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};

const NAMED: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };

// tdlib reads a NUL-terminated string; '\0' stands for "past the end" here.
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\0' || c === '\v';
const isAlpha = (c: string) => /^[A-Za-z]$/.test(c);
const isDigit = (c: string) => /^[0-9]$/.test(c);
const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c);
const isAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);

/** `&lt; &gt; &amp; &quot;` and numeric references (`;` optional); null when not an entity. */
function decodeEntity(s: string, pos: number): { code: number; end: number } | null {
  const at = (i: number) => s.charAt(i) || '\0';
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === '#') {
    end++;
    if (at(pos + 2) === 'x') {
      end++;
      while (isHex(at(end))) code = code * 16 + Number.parseInt(at(end++), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + Number(at(end++));
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (isAlpha(at(end))) end++;
    code = NAMED[s.slice(pos + 1, end)] ?? 0;
    if (code === 0) return null;
  }
  if (at(end) === ';') end++;
  return { code, end };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Open = { tag: string; arg: string; offset: number; expandable: boolean };

export function parseTelegramHtml(html: string): ParsedHtml {
  const at = (i: number) => html.charAt(i) || '\0';
  const byte = (i: number) => Buffer.byteLength(html.slice(0, i), 'utf8');
  const fail = (error: string): ParsedHtml => ({ ok: false, error });
  let text = '';
  const entities: TelegramEntity[] = [];
  const stack: Open[] = [];

  for (let i = 0; i < html.length; i++) {
    const c = html.charAt(i);
    if (c === '&') {
      const d = decodeEntity(html, i);
      if (d) {
        text += String.fromCodePoint(d.code);
        i = d.end - 1;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      continue;
    }
    const begin = i++;
    if (at(i) !== '/') {
      while (!isSpace(at(i)) && at(i) !== '>') i++;
      if (at(i) === '\0') return fail(`Unclosed start tag at byte offset ${byte(begin)}`);
      const tag = html.slice(begin + 1, i).toLowerCase();
      if (!TAGS.has(tag)) return fail(`Unsupported start tag "${tag}" at byte offset ${byte(begin)}`);
      let arg = '';
      let expandable = false;
      while (at(i) !== '>') {
        while (at(i) !== '\0' && isSpace(at(i))) i++;
        if (at(i) === '>') break;
        const nameStart = i;
        while (!isSpace(at(i)) && at(i) !== '=' && at(i) !== '>') i++;
        const name = html.slice(nameStart, i);
        if (name === '') return fail(`Empty attribute name in the tag "${tag}" at byte offset ${byte(begin)}`);
        while (at(i) !== '\0' && isSpace(at(i))) i++;
        if (at(i) !== '=') {
          if (tag === 'blockquote' && name.toLowerCase() === 'expandable') {
            expandable = true;
            continue;
          }
          return fail(
            `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byte(begin)}`,
          );
        }
        i++;
        while (at(i) !== '\0' && isSpace(at(i))) i++;
        if (at(i) === '\0') return fail(`Unclosed start tag "${tag}" at byte offset ${byte(begin)}`);
        let value = '';
        if (at(i) !== "'" && at(i) !== '"') {
          const tokenStart = i;
          while (isAlnum(at(i)) || at(i) === '.' || at(i) === '-') i++;
          value = html.slice(tokenStart, i).toLowerCase();
          if (!isSpace(at(i)) && at(i) !== '>')
            return fail(`Unexpected end of name token at byte offset ${byte(tokenStart)}`);
        } else {
          const quote = at(i++);
          while (at(i) !== quote && at(i) !== '\0') {
            const d = at(i) === '&' ? decodeEntity(html, i) : null;
            if (d) {
              value += String.fromCodePoint(d.code);
              i = d.end;
            } else {
              value += at(i++);
            }
          }
          if (at(i) === quote) i++;
        }
        if (at(i) === '\0') return fail(`Unclosed start tag at byte offset ${byte(begin)}`);
        if (tag === 'a' && name === 'href') arg = value;
        else if (tag === 'code' && name === 'class' && value.startsWith('language-')) arg = value.slice(9);
        else if (tag === 'span' && name === 'class' && value.startsWith('tg-')) arg = value.slice(3);
        else if (tag === 'tg-emoji' && name === 'emoji-id') arg = value;
      }
      if (tag === 'span' && arg !== 'spoiler') {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byte(begin)}`);
      }
      stack.push({ tag, arg, offset: text.length, expandable });
      continue;
    }
    const open = stack.pop();
    if (!open) return fail(`Unexpected end tag at byte offset ${byte(begin)}`);
    while (!isSpace(at(i)) && at(i) !== '>') i++;
    const endName = html.slice(begin + 2, i).toLowerCase();
    while (isSpace(at(i)) && at(i) !== '\0') i++;
    if (at(i) !== '>') return fail(`Unclosed end tag at byte offset ${byte(begin)}`);
    if (endName !== '' && endName !== open.tag) {
      return fail(`Unmatched end tag at byte offset ${byte(begin)}, expected "</${open.tag}>", found "</${endName}>"`);
    }
    const length = text.length - open.offset;
    if (length > 0) {
      const entity: TelegramEntity = { type: ENTITY_TYPE[open.tag] ?? open.tag, offset: open.offset, length };
      if (open.tag === 'blockquote' && open.expandable) entity.type = 'expandable_blockquote';
      if (open.tag === 'a') entity.url = open.arg || text.slice(open.offset);
      if (open.tag === 'tg-emoji') {
        if (!/^[1-9]\d*$/.test(open.arg)) return fail('Invalid custom emoji identifier specified');
        entity.custom_emoji_id = open.arg;
      }
      entities.push(entity);
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) return fail(`Can't find end tag corresponding to start tag ${unclosed.tag}`);
  if (LONE_SURROGATE.test(text)) {
    return fail(
      'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
    );
  }
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text, entities };
}
