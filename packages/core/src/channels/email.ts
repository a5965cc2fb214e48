import { z } from 'zod';
import type { Locale } from '../domain.ts';
import { escapeHtml } from '../message/escape.ts';
import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import { type Block, LEVEL_ICON, type Level, type Message, type Section } from '../message/model.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { SecretText } from '../schemas/common.ts';
import { Text } from '../schemas/text.ts';
import { defineChannel } from './types.ts';

/**
 * Gmail clips a message over 102 KB ("[Message clipped]"), hiding the rest behind a link. Both
 * parts are counted as they go out: base64 (4 bytes per 3, a line break every 76), the larger of
 * the encodings a mailer picks. Far below any server's SIZE limit (10 MB and more).
 */
export const EMAIL_MAX_BODY_BYTES = 102_000;

/** A part's size as sent in base64: 4 bytes per 3, CRLF after every 76. */
export function base64Bytes(text: string): number {
  const encoded = 4 * Math.ceil(utf8Bytes(text) / 3);
  return encoded + 2 * Math.ceil(encoded / 76);
}

export const EMAIL_MAX_RECIPIENTS = 50;
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;

// ---------------------------------------------------------------------------------------------
// Fields

/** One mailbox: local@domain, no spaces, angle brackets or line breaks (they would forge headers). */
const ADDRESS =
  /^[^\s<>@",;:()[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const NAMED = /^([^<>\r\n"]*?)\s*<([^<>\s]+)>$/;

export const EmailAddress = Text()
  .trim()
  .max(254, 'at most 254 characters')
  .regex(ADDRESS, 'must be an email address such as ops@example.com');

/** `ops@example.com` or `Herald <ops@example.com>`: the address the mail comes from. */
export const EmailFrom = Text()
  .trim()
  .max(320, 'at most 320 characters')
  .refine((v) => {
    const named = NAMED.exec(v);
    return ADDRESS.test(named ? (named[2] as string) : v);
  }, 'must be an address such as alerts@example.com or Name <alerts@example.com>');

/** The address inside `Name <addr>`, or the value itself. */
export const addressOf = (from: string): string => NAMED.exec(from.trim())?.[2] ?? from.trim();

const EmailTo = z
  .array(EmailAddress, 'must be a list of email addresses')
  .min(1, 'at least one recipient, e.g. ops@example.com')
  .max(EMAIL_MAX_RECIPIENTS, `at most ${EMAIL_MAX_RECIPIENTS} recipients`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.toLowerCase())) ctx.addIssue({ code: 'custom', path: [i], message: `${a} is listed twice` });
      seen.add(a.toLowerCase());
    });
  });

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
export const SmtpHost = Text()
  .trim()
  .min(1, 'a host is required, e.g. smtp.example.com')
  .max(253, 'at most 253 characters')
  .refine(
    (v) => HOST_NAME.test(v) || (v.includes(':') && IPV6.test(v)),
    'must be a host name or IP address such as smtp.example.com (no scheme, no port)',
  );

const SmtpPort = z
  .number('must be a port number such as 587')
  .int('a port is a whole number')
  .min(1, 'a port is between 1 and 65535 (587 for STARTTLS, 465 for TLS)')
  .max(65_535, 'a port is between 1 and 65535 (587 for STARTTLS, 465 for TLS)');

const SmtpSecurity = z.enum(SMTP_SECURITY, 'must be starttls (usually port 587), tls (465) or none');
const SmtpUser = Text().trim().min(1, 'must not be empty').max(256, 'at most 256 characters');

// ---------------------------------------------------------------------------------------------
// Rendering: one model, an HTML part and a plain-text part

const LEVEL_COLOUR: Record<Level, string> = { error: '#cf222e', warning: '#9a6700', info: '#0969da' };
const MUTED = '#57606a';
const e = (s: string) => escapeHtml(s, true);
/** Escaped, line breaks kept (an upstream error spans lines). */
const para = (s: string) => e(s).replace(/\r?\n/g, '<br>');

const CELL = 'padding:4px 12px 4px 0;vertical-align:top;text-align:left;';
const TABLE = 'border-collapse:collapse;width:100%;margin:0 0 12px;';

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'text':
      return `<p style="margin:0 0 12px;">${para(b.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #d0d7de;background:#f6f8fa;">${para(b.text)}</blockquote>`;
    case 'fields':
      return `<table style="${TABLE}">${b.fields
        .map(
          (f) =>
            `<tr><th scope="row" style="${CELL}font-weight:600;width:40%;">${e(f.label)}</th><td style="${CELL}">${para(f.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'list':
      return `<table style="${TABLE}">${b.items
        .map((i, n) => {
          const mark = i.icon ?? (b.ordered ? `${n + 1}.` : '•');
          const second = i.secondary ? `<br><span style="color:${MUTED};">${para(i.secondary)}</span>` : '';
          return `<tr><th scope="row" style="${CELL}font-weight:600;width:2.5em;">${e(mark)}</th><td style="${CELL}"><strong>${para(i.primary)}</strong>${second}</td></tr>`;
        })
        .join('')}</table>`;
    case 'divider':
      return '<hr style="border:0;border-top:1px solid #d0d7de;margin:16px 0;">';
  }
}

const sectionHtml = (s: Section) =>
  `${s.title ? `<h2 style="margin:16px 0 8px;font-size:16px;line-height:1.4;">${e(s.title)}</h2>` : ''}${s.blocks.map(blockHtml).join('')}`;

/** The subject: the level's icon (or the message's own) and the title, on one line. */
export const emailSubject = (m: Message) => `${m.icon ?? LEVEL_ICON[m.level]} ${m.title}`.replace(/\s+/g, ' ').trim();

/** A simple, accessible layout with inline styles (mail clients drop <style>), tables for fields and lists. */
export function emailHtml(m: Message, locale: Locale): string {
  const subject = emailSubject(m);
  const footer = m.footer?.length
    ? `<hr style="border:0;border-top:1px solid #d0d7de;margin:16px 0;"><div style="font-size:13px;color:${MUTED};">${m.footer.map(sectionHtml).join('')}</div>`
    : '';
  const links = m.links?.length
    ? `<p style="margin:16px 0 0;">${m.links.map((l) => `<a href="${e(l.url)}" style="color:${LEVEL_COLOUR.info};">${e(l.label)}</a>`).join(' · ')}</p>`
    : '';
  const time = `<p style="margin:16px 0 0;font-size:13px;color:${MUTED};"><time datetime="${e(m.timestamp)}">${e(formatLocalTime(m.timestamp, m.timezone))}</time></p>`;
  return [
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border-top:4px solid ${LEVEL_COLOUR[m.level]};border-radius:6px;">`,
    `<tr><td style="padding:20px 24px;font-family:-apple-system,'Segoe UI',Roboto,Arial,'PingFang SC','Microsoft YaHei',sans-serif;font-size:15px;line-height:1.5;color:#1f2328;overflow-wrap:anywhere;">`,
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">${e(subject)}</h1>`,
    m.sections.map(sectionHtml).join(''),
    footer,
    links,
    time,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
}

/** The plain-text part: the subject line, the body as the shared plain-text renderer writes it, links as `label: url`, the time. */
export function emailText(m: Message): string {
  const links = (m.links ?? []).map((l) => `${l.label}: ${l.url}`);
  return [
    emailSubject(m),
    '',
    sectionsAsPlainText(m),
    '',
    ...(links.length > 0 ? [...links, ''] : []),
    formatLocalTime(m.timestamp, m.timezone),
  ].join('\n');
}

type EmailBody = { subject: string; text: string; html: string };

const partsBytes = (b: { text?: unknown; html?: unknown }) =>
  base64Bytes(typeof b.html === 'string' ? b.html : '') + base64Bytes(typeof b.text === 'string' ? b.text : '');

export const email = defineChannel({
  type: 'email',
  fields: {
    smtpHost: { kind: 'text', schema: SmtpHost },
    smtpPort: { kind: 'number', schema: SmtpPort },
    smtpSecurity: { kind: 'choice', schema: SmtpSecurity, choices: SMTP_SECURITY },
    smtpUser: { kind: 'text', schema: SmtpUser.nullish() },
    smtpPassword: { kind: 'secret', schema: SecretText.nullish() },
    emailFrom: { kind: 'text', schema: EmailFrom },
    emailTo: { kind: 'list', schema: EmailTo },
  },
  refine: ({ smtpUser, smtpPassword, smtpSecurity }) => {
    const issues: Array<{ field: 'smtpUser' | 'smtpPassword' | 'smtpSecurity'; message: string }> = [];
    if (smtpUser && !smtpPassword) issues.push({ field: 'smtpPassword', message: 'required when a user is set' });
    if (smtpPassword && !smtpUser) issues.push({ field: 'smtpUser', message: 'required when a password is set' });
    if (smtpUser && smtpSecurity === 'none') {
      const message = 'a password is only sent encrypted: choose starttls or tls, or remove the user';
      issues.push({ field: 'smtpSecurity', message });
    }
    return issues;
  },
  // An SMTP server's limits are per account and vary; it throttles with 421/450, which are retried.
  pace: () => ({ limits: [] }),
  previewConfig: {},
  mentions: null,
  limit: {
    max: EMAIL_MAX_BODY_BYTES,
    unit: 'bytes',
    appliesTo: 'the HTML and plain-text parts as sent in base64 (Gmail clips larger messages)',
    measure: partsBytes,
  },
  render(message, { locale }) {
    const { output, truncated } = fitMessage(
      message,
      locale,
      (m): EmailBody => ({ subject: emailSubject(m), text: emailText(m), html: emailHtml(m, locale) }),
      (b) => partsBytes(b) <= EMAIL_MAX_BODY_BYTES,
    );
    return { body: output, truncated };
  },
});
