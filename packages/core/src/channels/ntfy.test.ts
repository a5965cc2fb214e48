import { describe, expect, it } from 'vitest';
import { DIGEST_TYPES, renderDigest } from '../digest/index.ts';
import { LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import type { Message } from '../message/model.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import {
  escapeNtfyMarkdown,
  NTFY_MESSAGE_MAX_BYTES,
  NTFY_PRIORITY,
  NtfyToken,
  NtfyTopicUrl,
  ntfy,
  ntfyMarkdown,
  ntfyRootOf,
  ntfyTopicOf,
} from './ntfy.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const bytes = (s: string) => new TextEncoder().encode(s).length;
const messageOf = (b: Record<string, unknown>) => b.message as string;

const render = (lastError: string, locale: 'en' | 'zh-CN' = 'en', event = 'opened') =>
  renderNotification({
    type: 'circuit_breaker',
    data: { ...NOTIFICATIONS.circuit_breaker.sample({ now }), lastError, event },
    channel: 'ntfy',
    locale,
    timezone: 'UTC',
    now,
  });

const bare = (over: Partial<Message>): Message => ({
  title: 'T',
  level: 'info',
  sections: [],
  timestamp: now.toISOString(),
  timezone: 'UTC',
  ...over,
});

describe('ntfy body', () => {
  it.each(NOTIFICATION_TYPES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
    '%s in %s: JSON publishing fields only, message within 4,096 bytes',
    (type, locale) => {
      const { body, truncated, message } = renderNotification({
        type,
        data: NOTIFICATIONS[type].sample({ now }),
        channel: 'ntfy',
        locale,
        timezone: 'Asia/Shanghai',
        now,
      });
      expect(truncated).toBe(false);
      expect(Object.keys(body).sort()).toEqual(['markdown', 'message', 'priority', 'tags', 'title']);
      expect(body.markdown).toBe(true);
      expect(body.priority).toBe(NTFY_PRIORITY[message.level]);
      expect(body.title).toContain(message.title);
      expect((body.tags as string[]).every((t) => /^[a-z0-9_+-]+$/.test(t))).toBe(true);
      expect(bytes(messageOf(body))).toBeLessThanOrEqual(NTFY_MESSAGE_MAX_BYTES);
    },
  );

  it('maps levels to priorities 5, 4, 3 and tags the level and the icon', () => {
    const opened = render('x').body;
    expect([opened.priority, opened.tags]).toEqual([5, ['rotating_light', 'electric_plug']]);
    const flapping = render('x', 'en', 'flapping').body;
    expect([flapping.priority, flapping.tags]).toEqual([4, ['warning', 'repeat']]);
    const recovered = render('x', 'en', 'recovered').body;
    expect([recovered.priority, recovered.tags]).toEqual([3, ['white_check_mark']]);
  });

  it('keeps an icon with no short code in the title, and the title within 250 characters', () => {
    const body = ntfy.render(bare({ title: 'x'.repeat(400), icon: '🦄' }), { locale: 'en' }).body;
    expect((body.title as string).startsWith('🦄 x')).toBe(true);
    expect(Array.from(body.title as string)).toHaveLength(250);
    expect(body.tags).toEqual([]);
  });

  it('digests of every kind fit, in every language', () => {
    for (const type of DIGEST_TYPES) {
      for (const locale of LOCALES) {
        const items = Array.from({ length: 40 }, () => NOTIFICATIONS[type].sample({ now }));
        const { body } = renderDigest({ type, items, channel: 'ntfy', locale, timezone: 'UTC', now });
        expect(bytes(messageOf(body)), `${type} ${locale}`).toBeLessThanOrEqual(NTFY_MESSAGE_MAX_BYTES);
        expect(body.priority).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('ntfy Markdown escaping', () => {
  it('shows markup characters as typed', () => {
    expect(escapeNtfyMarkdown('a*b_c`d[e](f)<g>|h~i&j\\k')).toBe('a\\*b\\_c\\`d\\[e\\](f)\\<g\\>\\|h\\~i\\&j\\\\k');
  });

  it('escapes what would start a heading, quote, list or rule at a line start, and keeps line breaks', () => {
    expect(escapeNtfyMarkdown('# h\n> q\n- l\n+ p\n1. n\n2) m\n===')).toBe(
      '\\# h\\\n\\> q\\\n\\- l\\\n\\+ p\\\n1\\. n\\\n2\\) m\\\n\\===',
    );
    expect(escapeNtfyMarkdown('a - b 1. c')).toBe('a - b 1. c');
    // Not markers: a number with decimals, a word after #, a negative number.
    expect(escapeNtfyMarkdown('42.50 USD\n#tag\n-5')).toBe('42.50 USD\\\n#tag\\\n-5');
  });

  it('puts a blank line before the rule, so text above it never becomes a heading', () => {
    const md = ntfyMarkdown(bare({ sections: [{ blocks: [{ type: 'text', text: 'above' }] }], footer: [] }));
    expect(md).not.toMatch(/above\n---/);
    const withFooter = ntfyMarkdown(
      bare({
        sections: [{ blocks: [{ type: 'text', text: 'above' }] }],
        footer: [{ blocks: [{ type: 'text', text: 'below' }] }],
      }),
    );
    expect(withFooter).toContain('above\n\n---\n\nbelow');
  });
});

describe('ntfy at its limit (4,096 bytes of message)', () => {
  const base = bytes(messageOf(render('a').body));
  const exact = 'a'.repeat(1 + NTFY_MESSAGE_MAX_BYTES - base);

  it('a message of exactly the limit is sent whole', () => {
    const { body, truncated } = render(exact);
    expect(bytes(messageOf(body))).toBe(NTFY_MESSAGE_MAX_BYTES);
    expect(truncated).toBe(false);
    expect(messageOf(body)).toContain(exact);
  });

  it('one byte more is shortened to within the limit, visibly', () => {
    const { body, truncated } = render(`${exact}a`);
    expect(truncated).toBe(true);
    expect(bytes(messageOf(body))).toBeLessThanOrEqual(NTFY_MESSAGE_MAX_BYTES);
    expect(messageOf(body)).toContain('Message too long, shortened');
    expect(ntfy.limit?.measure(body)).toBe(bytes(messageOf(body)));
  });

  it('multi-byte text is measured in bytes, not characters', () => {
    const { body, truncated } = render('中😀'.repeat(2000), 'zh-CN');
    expect(truncated).toBe(true);
    expect(bytes(messageOf(body))).toBeLessThanOrEqual(NTFY_MESSAGE_MAX_BYTES);
    expect(messageOf(body).isWellFormed()).toBe(true);
  });
});

describe('ntfy fields', () => {
  it('takes a topic URL and finds the topic and the root to publish JSON to', () => {
    const url = 'https://ntfy.example.com/herald-alerts';
    expect(NtfyTopicUrl.safeParse(url).success).toBe(true);
    expect([ntfyTopicOf(url), ntfyRootOf(url)]).toEqual(['herald-alerts', 'https://ntfy.example.com/']);
    // A server behind a path prefix keeps it.
    expect(ntfyRootOf('http://127.0.0.1:8080/ntfy/Alerts_1')).toBe('http://127.0.0.1:8080/ntfy/');
  });

  it.each([
    ['https://ntfy.example.com/', 'topic URL'],
    ['https://ntfy.example.com/bad.topic', 'topic URL'],
    [`https://ntfy.example.com/${'a'.repeat(65)}`, 'topic URL'],
    ['https://ntfy.example.com/alerts/', 'topic URL'],
    ['https://ntfy.example.com/v1', "ntfy's own paths"],
    ['https://ntfy.example.com/alerts?x=1', '?query'],
    ['ftp://ntfy.example.com/alerts', 'http:// or https://'],
  ])('refuses %s, saying what a valid one is', (url, says) => {
    const r = NtfyTopicUrl.safeParse(url);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toContain(says);
  });

  it('takes a tk_ access token only', () => {
    expect(NtfyToken.safeParse('tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2').success).toBe(true);
    for (const bad of ['tk_short', 'AgQdq7mVBoFD37zQVN29RhuMzNIz2xx', 'phil:password']) {
      expect(NtfyToken.safeParse(bad).error?.issues[0]?.message).toMatch(/tk_ followed by 29/);
    }
    expect(ntfy.fields.ntfyToken.schema.safeParse(undefined).success).toBe(true);
  });

  it('paces at ntfy’s refill rate: one request every 5 s', () => {
    expect(ntfy.pace({})).toEqual({ limits: [{ max: 1, windowMs: 5_000 }] });
  });
});

describe('ntfy limit', () => {
  it('is described as the platform documents it', () => {
    const l = ntfy.limit;
    expect(l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }).toEqual({
      max: 4096,
      unit: 'bytes',
      appliesTo: 'message',
    });
  });
});
