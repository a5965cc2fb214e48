import { describe, expect, it } from 'vitest';
import { splitDigest } from '../digest/index.ts';
import { LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import type { Message } from '../message/model.ts';
import { CircuitBreakerNotificationData } from '../notifications/index.ts';
import { renderNotification, sampleData } from '../render-notification.ts';
import { mentionsFor } from './mentions.ts';
import { paceIntervalMs } from './pace.ts';
import { fitsSlackLimits, SLACK_LIMITS, slack } from './slack.ts';
import type { JsonObject } from './types.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
type SlackBlock = { type: string; text?: { type: string; text: string }; fields?: Array<{ text: string }> } & Record<
  string,
  unknown
>;
const blocksOf = (b: JsonObject) => b.blocks as SlackBlock[];

/** Slack names people and has a limit; the general type allows neither. */
function defined<T>(v: T | null): T {
  if (v === null) throw new Error('slack must define this');
  return v;
}
const spec = defined(slack.mentions);
const limit = defined(slack.limit);

/** An independent reading of the Block Kit limits (docs.slack.dev/reference/block-kit/blocks). */
function limitProblems(b: JsonObject): string[] {
  const out: string[] = [];
  const blocks = blocksOf(b);
  if (blocks.length > 50) out.push(`${blocks.length} blocks`);
  if (typeof b.text !== 'string' || b.text.length === 0 || b.text.length > 4000) out.push('text');
  for (const x of blocks) {
    if (x.type === 'header' && ((x.text?.text.length ?? 0) > 150 || x.text?.type !== 'plain_text')) out.push('header');
    if (x.type === 'section') {
      if (!x.text && !x.fields) out.push('empty section');
      if (x.text && (x.text.text.length === 0 || x.text.text.length > 3000)) out.push('section text');
      if (x.fields && (x.fields.length > 10 || x.fields.some((f) => f.text.length > 2000))) out.push('fields');
    }
    if (x.type === 'context' && (x.elements as unknown[]).length > 10) out.push('context');
  }
  return out;
}

const message = (patch: Partial<Message> = {}): Message => ({
  title: 'Title',
  level: 'error',
  sections: [{ blocks: [{ type: 'text', text: 'hello' }] }],
  timestamp: '2026-01-15T06:30:00.000Z',
  timezone: 'UTC',
  ...patch,
});
const render = (m: Message, mentions?: Parameters<typeof slack.render>[1]['mentions']) =>
  slack.render(m, { locale: 'en', ...(mentions ? { mentions } : {}) });

describe('slack mentions', () => {
  const parse = (entry: string) => spec.parse(entry);

  it('reads member, user group, here and channel entries', () => {
    expect(parse('U012AB3CDEF')).toEqual({ ok: true, mention: { kind: 'user', id: 'U012AB3CDEF' } });
    expect(parse(' W0123ABCDE ')).toEqual({ ok: true, mention: { kind: 'user', id: 'W0123ABCDE' } });
    expect(parse('S0614TZR7')).toEqual({ ok: true, mention: { kind: 'role', id: 'S0614TZR7' } });
    expect(parse('here')).toEqual({ ok: true, mention: { kind: 'here' } });
    expect(parse('@here')).toEqual({ ok: true, mention: { kind: 'here' } });
    expect(parse('channel')).toEqual({ ok: true, mention: { kind: 'all' } });
    expect(parse('@channel')).toEqual({ ok: true, mention: { kind: 'all' } });
  });

  it('refuses anything else, saying what is valid', () => {
    for (const bad of [
      'u012ab3cdef',
      'U12',
      '@alice',
      '<@U012AB3CDEF>',
      'everyone',
      '13800138000',
      'C0123456789',
      '',
    ]) {
      const r = parse(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error).toContain(`"${bad}" is not a Slack mention`);
        expect(r.error).toContain('U… or W…');
        expect(r.error).toContain('S…');
        expect(r.error).toContain('here or channel');
      }
    }
  });

  it('are Slack tokens in the fallback text and a first section, so they ping', () => {
    const people = ['U012AB3CDEF', 'S0614TZR7', 'here', 'channel'];
    const mentions = mentionsFor(spec, { people, levels: null }, 'error');
    const { body } = render(message(), mentions);
    const tokens = '<@U012AB3CDEF> <!subteam^S0614TZR7> <!here> <!channel>';
    expect(blocksOf(body)[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: tokens } });
    expect(String(body.text).split('\n')[0]).toBe(tokens);
    expect(blocksOf(body)[1]?.type).toBe('header');
  });

  it('are absent without mentions, and for levels the binding leaves out', () => {
    const plain = render(message()).body;
    expect(blocksOf(plain)[0]?.type).toBe('header');
    expect(JSON.stringify(plain)).not.toMatch(/<[@!]/);
    const data = sampleData('cost_alert', now); // a warning
    const only = (levels: Array<'error' | 'warning'>) =>
      renderNotification({
        type: 'cost_alert',
        data,
        channel: 'slack',
        locale: 'en',
        timezone: 'UTC',
        now,
        mentions: { people: ['U012AB3CDEF'], levels },
      }).body;
    expect(JSON.stringify(only(['error']))).not.toContain('<@U012AB3CDEF>');
    expect(blocksOf(only(['warning']))[0]?.text?.text).toBe('<@U012AB3CDEF>');
  });
});

describe('slack blocks', () => {
  it('header, sections with fields, divider, footer and a context with the level colour and time', () => {
    const { body, truncated } = render(
      message({
        level: 'warning',
        icon: '💰',
        sections: [
          { title: 'Spend', blocks: [{ type: 'fields', fields: [{ label: 'Now', value: '$5' }] }] },
          { blocks: [{ type: 'quote', text: 'one\ntwo' }, { type: 'divider' }] },
          {
            blocks: [
              { type: 'list', ordered: true, items: [{ icon: '🥇', primary: 'a', secondary: 'a2' }, { primary: 'b' }] },
            ],
          },
        ],
        footer: [{ blocks: [{ type: 'text', text: 'bye' }] }],
      }),
    );
    expect(truncated).toBe(false);
    expect(blocksOf(body)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '💰 Title', emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Spend*' },
        fields: [{ type: 'mrkdwn', text: '*Now*\n$5' }],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '> one\n> two' } },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '🥇 *a*\n      a2\n2. *b*' } },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: 'bye' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '🟠 2026-01-15 06:30 (UTC)' }] },
    ]);
    // The notification shows the title and the first section's fields.
    expect(body.text).toBe('💰 *Title*\nNow: $5');
  });

  it('shows the level by colour where the message has no icon', () => {
    for (const [level, dot, icon] of [
      ['error', '🔴', '🚨'],
      ['warning', '🟠', '⚠️'],
      ['info', '🔵', '📊'],
    ] as const) {
      const blocks = blocksOf(render(message({ level })).body);
      expect(blocks[0]?.text?.text).toBe(`${icon} Title`);
      expect(JSON.stringify(blocks.at(-1))).toContain(dot);
    }
  });

  it('escapes &, < and > in mrkdwn so nothing pings or links; the plain_text header shows text as typed', () => {
    const evil = '<!channel> & <@U012AB3CDEF> <https://x.test|click>';
    const { body } = render(
      message({
        title: evil,
        sections: [
          {
            title: evil,
            blocks: [
              { type: 'text', text: evil },
              { type: 'fields', fields: [{ label: evil, value: evil }] },
            ],
          },
        ],
      }),
    );
    const escaped = '&lt;!channel&gt; &amp; &lt;@U012AB3CDEF&gt; &lt;https://x.test|click&gt;';
    const blocks = blocksOf(body);
    expect(blocks[0]?.text?.text).toBe(`🚨 ${evil}`);
    expect(blocks[1]?.text?.text).toBe(`*${escaped}*\n${escaped}`);
    expect(blocks[1]?.fields?.[0]?.text).toBe(`*${escaped}*\n${escaped}`);
    expect(body.text).toBe(`🚨 *${escaped}*\n${escaped}\n${escaped}: ${escaped}`);
    const mrkdwnTexts = JSON.stringify([body.text, ...blocks.slice(1)]);
    expect(mrkdwnTexts).not.toMatch(/<[!@h]/);
  });

  it('puts at most 10 fields in a section', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const { body, truncated } = render(message({ sections: [{ title: 'F', blocks: [{ type: 'fields', fields }] }] }));
    expect(truncated).toBe(false);
    const sections = blocksOf(body).filter((b) => b.fields);
    expect(sections.map((s) => s.fields?.length)).toEqual([10, 10, 3]);
    expect(sections.map((s) => s.text?.text ?? null)).toEqual(['*F*', null, null]);
  });
});

describe('slack at its limits', () => {
  const textOf = (n: number) => message({ sections: [{ blocks: [{ type: 'text', text: 'a'.repeat(n) }] }] });

  it('a section of exactly 3000 characters is sent whole; one more is shortened, visibly', () => {
    const whole = render(textOf(SLACK_LIMITS.sectionText));
    expect(whole.truncated).toBe(false);
    expect(limit.measure(whole.body)).toBe(3000);
    const over = render(textOf(3001));
    expect(over.truncated).toBe(true);
    expect(limit.measure(over.body)).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(over.body)).toContain('Message too long, shortened');
    expect(limitProblems(over.body)).toEqual([]);
  });

  it('a field of exactly 2000 characters is whole; one more is shortened', () => {
    // "*L*\n" is 4 characters of the field's text.
    const field = (n: number) =>
      message({ sections: [{ blocks: [{ type: 'fields', fields: [{ label: 'L', value: 'v'.repeat(n) }] }] }] });
    expect(render(field(1996)).truncated).toBe(false);
    const over = render(field(1997));
    expect(over.truncated).toBe(true);
    expect(limitProblems(over.body)).toEqual([]);
  });

  it('a header over 150 characters and more than 50 blocks are brought within the limits', () => {
    const long = render(message({ title: 'T'.repeat(200) }));
    expect(long.truncated).toBe(true);
    expect(limitProblems(long.body)).toEqual([]);
    const many = render(message({ sections: Array.from({ length: 60 }, () => ({ blocks: [{ type: 'divider' }] })) }));
    expect(many.truncated).toBe(true);
    expect(limitProblems(many.body)).toEqual([]);
    expect(fitsSlackLimits({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toBe(false);
  });

  it('keeps the fallback text within 4,000 characters', () => {
    const m = message({
      sections: [
        {
          blocks: [
            { type: 'text', text: 'a'.repeat(2500) },
            { type: 'quote', text: 'b'.repeat(2500) },
          ],
        },
      ],
    });
    expect(fitsSlackLimits(render(m).body)).toBe(true);
    expect(fitsSlackLimits({ text: 'x'.repeat(4001), blocks: [] })).toBe(false);
    expect(String(render(m).body.text).length).toBeLessThanOrEqual(4000);
  });

  it('every type in every language, with mentions, keeps every Block Kit limit', () => {
    const mentions = { people: ['U012AB3CDEF', 'S0614TZR7', 'here'], levels: null };
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of LOCALES) {
        const { body, truncated } = renderNotification({
          type,
          data: sampleData(type, now),
          channel: 'slack',
          locale,
          timezone: 'Asia/Shanghai',
          now,
          mentions,
        });
        expect(truncated).toBe(false);
        expect(limitProblems(body), `${type} ${locale}`).toEqual([]);
      }
    }
  });

  it('a digest of 300 breakers splits into parts that each keep every limit', () => {
    const items = Array.from({ length: 300 }, (_, i) =>
      CircuitBreakerNotificationData.parse({
        ...(sampleData('circuit_breaker', now) as object),
        providerId: String(i),
        providerName: `provider <${i}> & co`,
      }),
    );
    for (const locale of LOCALES) {
      const parts = splitDigest({ type: 'circuit_breaker', items, channel: 'slack', locale, timezone: 'UTC', now });
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.flatMap((p) => p.items)).toHaveLength(300);
      for (const p of parts) {
        expect(p.rendered.truncated).toBe(false);
        expect(limitProblems(p.rendered.body)).toEqual([]);
        expect(JSON.stringify(p.rendered.body)).not.toContain('<0>');
      }
    }
  });
});

describe('slack target', () => {
  it('is a webhook URL, paced to about one message a second', () => {
    expect(slack.fields.webhookUrl.kind).toBe('url');
    expect(slack.fields.webhookUrl.schema.safeParse('https://hooks.slack.com/services/T0/B0/x').success).toBe(true);
    expect(slack.fields.webhookUrl.schema.safeParse('hooks.slack.com').success).toBe(false);
    expect(paceIntervalMs(slack.pace({}))).toBe(1020);
  });
});

describe('slack limit', () => {
  it('is described as the platform documents it', () => {
    const l = slack.limit;
    expect(l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }).toEqual({
      max: 3000,
      unit: 'characters',
      appliesTo: 'section text',
    });
  });
});
