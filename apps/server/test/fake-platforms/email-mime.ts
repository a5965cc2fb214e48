/**
 * A minimal MIME reader for the fake SMTP server: headers (unfolded, RFC 2047 words decoded),
 * multipart bodies, base64 / quoted-printable / 7bit / 8bit parts in UTF-8. It is independent
 * of nodemailer's composer, so it checks what was sent rather than repeating how it was built.
 */

export type MimeHeaders = Map<string, string[]>;

export type MimePart = {
  headers: MimeHeaders;
  /** Lower-case type/subtype, e.g. `text/plain`. */
  type: string;
  params: Record<string, string>;
  /** Decoded body (leaf parts), as UTF-8 text. */
  body: string;
  /** Leaf parts of a multipart, in order. */
  parts: MimePart[];
};

export type ParsedMail = MimePart & {
  subject: string;
  from: string;
  to: string[];
  messageId: string;
  date: string;
};

export class MimeError extends Error {
  override name = 'MimeError';
}

const header = (h: MimeHeaders, name: string): string | undefined => h.get(name)?.[0];

/** `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words; whitespace between two words is dropped (RFC 2047 §6.2). */
export function decodeWords(value: string): string {
  const joined = value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, enc: string, text: string) => {
    if (!/^utf-8$/i.test(charset)) throw new MimeError(`encoded word in charset ${charset}, expected UTF-8`);
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' '));
    return bytes.toString('utf8');
  });
}

function qpBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(out);
}

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  if (at < 0) throw new MimeError('no blank line after the headers');
  return { head: raw.slice(0, at), body: raw.slice(at + 4) };
}

function parseHeaders(head: string): MimeHeaders {
  const headers: MimeHeaders = new Map();
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MimeError(`malformed header line: ${line.slice(0, 60)}`);
    if (/[^\x20-\x7e\t]/.test(line)) throw new MimeError(`raw non-ASCII in header ${line.slice(0, colon)}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return headers;
}

/** `text/plain; charset=utf-8; format=flowed` → type and parameters. */
function contentTypeOf(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type, ...rest] = (value ?? 'text/plain; charset=us-ascii').split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params[p.slice(0, eq).trim().toLowerCase()] = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
  }
  return { type: (type ?? '').trim().toLowerCase(), params };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      if (/[^A-Za-z0-9+/=\r\n]/.test(body)) throw new MimeError('a base64 part holds characters outside base64');
      return Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return qpBytes(body.replace(/=\r\n/g, '')).toString('utf8');
    case '7bit':
    case '8bit':
      return body;
    default:
      throw new MimeError(`unknown Content-Transfer-Encoding ${encoding}`);
  }
}

function parsePart(raw: string): MimePart {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const { type, params } = contentTypeOf(header(headers, 'content-type'));
  if (!type.startsWith('multipart/')) {
    if (type.startsWith('text/') && params.charset?.toLowerCase() !== 'utf-8') {
      throw new MimeError(`${type} part in charset ${params.charset ?? 'us-ascii (none given)'}, expected utf-8`);
    }
    const decoded = decodeBody(body, header(headers, 'content-transfer-encoding'));
    return { headers, type, params, body: decoded, parts: [] };
  }
  const boundary = params.boundary;
  if (!boundary) throw new MimeError(`${type} without a boundary`);
  const close = body.indexOf(`\r\n--${boundary}--`);
  if (close < 0) throw new MimeError(`${type} never closed with --${boundary}--`);
  const sections = `\r\n${body.slice(0, close)}`.split(`\r\n--${boundary}\r\n`).slice(1);
  if (sections.length === 0) throw new MimeError(`${type} has no parts`);
  const parts = sections.map(parsePart).flatMap((p) => (p.type.startsWith('multipart/') ? p.parts : [p]));
  return { headers, type, params, body: '', parts };
}

/** Reads a message as received over SMTP (CRLF line ends); throws MimeError naming what is wrong. */
export function parseMail(raw: string): ParsedMail {
  const part = parsePart(raw);
  const one = (name: string) => {
    const values = part.headers.get(name) ?? [];
    if (values.length !== 1) throw new MimeError(`${values.length} ${name} headers, expected exactly one`);
    return values[0] as string;
  };
  return {
    ...part,
    subject: decodeWords(one('subject')),
    from: decodeWords(one('from')),
    to: one('to')
      .split(',')
      .map((a) => a.trim()),
    messageId: one('message-id'),
    date: one('date'),
  };
}

/** The address in `Name <addr>` (or the value itself), lower-cased. */
export const mailboxOf = (value: string): string => (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase();
