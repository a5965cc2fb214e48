import { describe, expect, it } from 'vitest';
import { hasDigest } from '../digest/has-digest.ts';
import { renderDigest } from '../digest/render-digest.ts';
import { LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import { formatLocalTime } from '../message/format.ts';
import type { Message } from '../message/model.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { CreateTargetInput } from '../schemas/targets.ts';
import { addressOf, base64Bytes, EMAIL_MAX_BODY_BYTES, email, emailSubject } from './email.ts';
import type { ChannelLimit } from './types.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
type Body = { subject: string; text: string; html: string };
const bytes = (s: string) => new TextEncoder().encode(s).length;
const limit = email.limit as ChannelLimit;
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

const message = (patch: Partial<Message> = {}): Message => ({
  title: 'Breaker <open> & "closed"',
  level: 'error',
  sections: [
    {
      title: 'Details <b>',
      blocks: [
        { type: 'fields', fields: [{ label: 'Provider <x>', value: 'a & b\nsecond line' }] },
        { type: 'divider' },
        { type: 'text', text: '<script>alert(1)</script>' },
        { type: 'quote', text: 'it\'s "quoted"' },
        { type: 'list', ordered: true, items: [{ icon: '🥇', primary: 'Alice', secondary: '$1' }, { primary: 'Bob' }] },
        { type: 'list', ordered: false, items: [{ primary: 'x' }] },
      ],
    },
  ],
  footer: [{ blocks: [{ type: 'text', text: 'footer note' }] }],
  timestamp: '2026-01-15T06:30:00.000Z',
  timezone: 'Asia/Shanghai',
  ...patch,
});

const render = (m: Message, locale: (typeof LOCALES)[number] = 'en') => {
  const r = email.render(m, { locale });
  return { body: r.body as Body, truncated: r.truncated };
};

describe('email rendering', () => {
  it('builds the subject from the level icon (or the message icon) and the title, on one line', () => {
    expect(render(message()).body.subject).toBe('🚨 Breaker <open> & "closed"');
    expect(emailSubject(message({ icon: '🔌', level: 'info' }))).toBe('🔌 Breaker <open> & "closed"');
    expect(emailSubject(message({ level: 'warning', title: 'two\nlines\r\n here' }))).toBe('⚠️ two lines here');
  });

  it('escapes every value in the HTML part and emits only its own markup', () => {
    const { html } = render(message()).body;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(
      '<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">🚨 Breaker &lt;open&gt; &amp; &quot;closed&quot;</h1>',
    );
    expect(html).toContain('>Details &lt;b&gt;</h2>');
    expect(html).toContain("it's &quot;quoted&quot;"); // apostrophes in text need no escaping
    expect(html).toContain('a &amp; b<br>second line');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => (m[1] as string).toLowerCase()));
    expect([...tags].sort()).toEqual(
      [
        '!doctype',
        'html',
        'head',
        'meta',
        'title',
        'body',
        'table',
        'tr',
        'td',
        'th',
        'h1',
        'h2',
        'p',
        'blockquote',
        'hr',
        'strong',
        'br',
        'span',
        'div',
        'time',
      ].sort(),
    );
  });

  it('is an accessible layout: language, layout tables marked presentation, fields and ranks as row headers, the time', () => {
    const { html } = render(message(), 'ja').body;
    expect(html.startsWith('<!DOCTYPE html><html lang="ja">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.match(/<table role="presentation"/g)).toHaveLength(2);
    expect(html).toContain(
      '<th scope="row" style="padding:4px 12px 4px 0;vertical-align:top;text-align:left;font-weight:600;width:40%;">Provider &lt;x&gt;</th>',
    );
    expect(html).toMatch(/<th scope="row"[^>]*>🥇<\/th><td[^>]*><strong>Alice<\/strong><br><span[^>]*>\$1<\/span>/);
    expect(html).toMatch(/<th scope="row"[^>]*>2\.<\/th><td[^>]*><strong>Bob<\/strong><\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>•<\/th>/);
    expect(html).toContain('<time datetime="2026-01-15T06:30:00.000Z">2026-01-15 14:30 (Asia/Shanghai)</time>');
    expect(html).toContain('border-top:4px solid #cf222e');
    expect(html).not.toContain('<style'); // mail clients drop it: every style is inline
  });

  it('writes the plain-text part with the shared plain-text renderer, headed by the subject and ended by the time', () => {
    const m = message();
    const { text, subject } = render(m).body;
    expect(text).toBe(`${subject}\n\n${sectionsAsPlainText(m)}\n\n${formatLocalTime(m.timestamp, m.timezone)}`);
    expect(text).toContain('<script>alert(1)</script>'); // plain text is not markup: shown as written
  });

  it.each(NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => [type, locale] as const)))(
    '%s in %s renders whole, both parts from the same message, within the limit (digests too)',
    (type, locale) => {
      const r = renderNotification({
        type,
        data: NOTIFICATIONS[type].sample({ now }),
        channel: 'email',
        locale,
        timezone: 'Asia/Shanghai',
        now,
      });
      const body = r.body as Body;
      expect(r.truncated).toBe(false);
      expect(Object.keys(body).sort()).toEqual(['html', 'subject', 'text']);
      expect(body.subject).toBe(emailSubject(r.message));
      expect(body.html).toContain(`<html lang="${locale}">`);
      expect(body.text.split('\n')[0]).toBe(body.subject);
      // Every field value of the model appears in both parts.
      for (const s of r.message.sections)
        for (const b of s.blocks)
          if (b.type === 'fields')
            for (const f of b.fields) expect(body.text).toContain(f.value.split('\n')[0] as string);
      expect(limit.measure(body)).toBeLessThanOrEqual(EMAIL_MAX_BODY_BYTES);
      if (hasDigest(type)) {
        const items = Array.from({ length: 40 }, () => NOTIFICATIONS[type].sample({ now }));
        const digest = renderDigest({ type, items, channel: 'email', locale, timezone: 'UTC', now });
        expect(limit.measure(digest.body)).toBeLessThanOrEqual(EMAIL_MAX_BODY_BYTES);
        expect((digest.body as Body).html).toContain('<table');
      }
    },
  );
});

describe('email at its limit', () => {
  it('measures both parts as base64 sends them: 4 bytes per 3 and a line break every 76', () => {
    for (const s of ['', 'a', 'ab', 'abc', '中', 'x'.repeat(57), 'x'.repeat(58), '中😀'.repeat(500)]) {
      const wrapped = (b64(s).match(/.{1,76}/g) ?? []).map((line) => `${line}\r\n`).join('');
      expect(base64Bytes(s)).toBe(wrapped.length);
    }
    const body = render(message()).body;
    expect(limit.measure(body)).toBe(base64Bytes(body.html) + base64Bytes(body.text));
  });

  const withError = (lastError: string) =>
    renderNotification({
      type: 'circuit_breaker',
      data: { ...NOTIFICATIONS.circuit_breaker.sample({ now }), lastError },
      channel: 'email',
      locale: 'en',
      timezone: 'UTC',
      now,
    });

  it('sends the largest message that fits whole, and shortens one more letter visibly', () => {
    // Find the longest error that fits, by bisection on the real measure.
    let lo = 1;
    let hi = EMAIL_MAX_BODY_BYTES;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (withError('a'.repeat(mid)).truncated) hi = mid - 1;
      else lo = mid;
    }
    const whole = withError('a'.repeat(lo));
    expect(whole.truncated).toBe(false);
    expect(limit.measure(whole.body)).toBeLessThanOrEqual(EMAIL_MAX_BODY_BYTES);
    expect((whole.body as Body).text).toContain('a'.repeat(lo));
    // One more letter adds a byte to each part: at most 4 + 2 base64 bytes each.
    expect(limit.measure(whole.body)).toBeGreaterThan(EMAIL_MAX_BODY_BYTES - 12);
    const over = withError('a'.repeat(lo + 1));
    expect(over.truncated).toBe(true);
    expect(limit.measure(over.body)).toBeLessThanOrEqual(EMAIL_MAX_BODY_BYTES);
    for (const part of [(over.body as Body).html, (over.body as Body).text]) {
      expect(part).toContain('Message too long, shortened');
      expect(part).toContain('…');
    }
  });

  it('counts multi-byte text in bytes and never splits a character', () => {
    const r = withError('中😀'.repeat(EMAIL_MAX_BODY_BYTES));
    expect(r.truncated).toBe(true);
    expect(limit.measure(r.body)).toBeLessThanOrEqual(EMAIL_MAX_BODY_BYTES);
    expect((r.body as Body).html.isWellFormed()).toBe(true);
    expect(bytes((r.body as Body).html)).toBeLessThan(EMAIL_MAX_BODY_BYTES);
  });
});

describe('email fields', () => {
  const base = {
    name: 'Mail',
    providerType: 'email',
    smtpHost: 'smtp.example.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
    emailFrom: 'Herald <alerts@example.com>',
    emailTo: ['ops@example.com'],
  } as const;
  const issues = (patch: Record<string, unknown>) => {
    const r = CreateTargetInput.safeParse({ ...base, ...patch });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a full setting, and with a user and password over TLS', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ smtpUser: 'alerts', smtpPassword: 'pw', smtpSecurity: 'tls', smtpPort: 465 })).toEqual([]);
    expect(issues({ emailFrom: 'alerts@example.com', smtpHost: '10.0.0.25' })).toEqual([]);
    expect(issues({ smtpHost: '2001:db8::25' })).toEqual([]);
    expect(issues({ emailTo: Array.from({ length: 50 }, (_, i) => `u${i}@example.com`) })).toEqual([]);
  });

  it('names the field and what a valid value looks like', () => {
    expect(issues({ smtpHost: 'smtp://mail.example.com' })).toEqual([
      'smtpHost: must be a host name or IP address such as smtp.example.com (no scheme, no port)',
    ]);
    expect(issues({ smtpHost: 'mail.example.com:587' })).toHaveLength(1);
    expect(issues({ smtpPort: 0 })).toEqual([
      'smtpPort: a port is between 1 and 65535 (587 for STARTTLS, 465 for TLS)',
    ]);
    expect(issues({ smtpPort: 65_536 })).toHaveLength(1);
    expect(issues({ smtpPort: 25.5 })).toEqual(['smtpPort: a port is a whole number']);
    expect(issues({ smtpSecurity: 'ssl' })).toEqual([
      'smtpSecurity: must be starttls (usually port 587), tls (465) or none',
    ]);
    expect(issues({ emailFrom: 'Herald' })).toEqual([
      'emailFrom: must be an address such as alerts@example.com or Name <alerts@example.com>',
    ]);
    expect(issues({ emailFrom: 'a@example.com\r\nBcc: x@evil.test' })).toHaveLength(1);
    expect(issues({ emailTo: [] })).toEqual(['emailTo: at least one recipient, e.g. ops@example.com']);
    expect(issues({ emailTo: ['ops@example.com', 'not an address'] })).toEqual([
      'emailTo.1: must be an email address such as ops@example.com',
    ]);
    expect(issues({ emailTo: ['ops@example.com', 'OPS@example.com'] })).toEqual([
      'emailTo.1: OPS@example.com is listed twice',
    ]);
    expect(issues({ emailTo: Array.from({ length: 51 }, (_, i) => `u${i}@example.com`) })).toEqual([
      'emailTo: at most 50 recipients',
    ]);
  });

  it('needs a password with a user, a user with a password, and encryption for both', () => {
    expect(issues({ smtpUser: 'alerts' })).toEqual(['smtpPassword: required when a user is set']);
    expect(issues({ smtpPassword: 'pw' })).toEqual(['smtpUser: required when a password is set']);
    expect(issues({ smtpUser: 'alerts', smtpPassword: 'pw', smtpSecurity: 'none' })).toEqual([
      'smtpSecurity: a password is only sent encrypted: choose starttls or tls, or remove the user',
    ]);
    expect(issues({ smtpSecurity: 'none', smtpPort: 25 })).toEqual([]);
  });

  it('marks only the password secret, and reads the address out of a named sender', () => {
    const secret = Object.entries(email.fields).flatMap(([k, f]) => (f.kind === 'secret' ? [k] : []));
    expect(secret).toEqual(['smtpPassword']);
    expect(addressOf('Herald Alerts <alerts@example.com>')).toBe('alerts@example.com');
    expect(addressOf(' alerts@example.com ')).toBe('alerts@example.com');
    expect(email.pace({})).toEqual({ limits: [] });
    expect(email.mentions).toBeNull();
  });
});

describe('email limit', () => {
  it('is described as the platform documents it', () => {
    const l = email.limit;
    expect(l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }).toEqual({
      max: 102_000,
      unit: 'bytes',
      appliesTo: 'the HTML and plain-text parts as sent in base64 (Gmail clips larger messages)',
    });
  });
});
