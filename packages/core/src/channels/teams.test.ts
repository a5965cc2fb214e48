import { describe, expect, it } from 'vitest';
import { hasDigest } from '../digest/has-digest.ts';
import { renderDigest } from '../digest/render-digest.ts';
import { LOCALES, NOTIFICATION_TYPES } from '../domain.ts';
import type { Message } from '../message/model.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { renderNotification } from '../render-notification.ts';
import { escapeTeams, TEAMS_MAX_BODY_BYTES, teams } from './teams.ts';
import type { JsonObject } from './types.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const bytes = (b: unknown) => new TextEncoder().encode(JSON.stringify(b)).length;
type Card = { type: string; version: string; body: JsonObject[]; msteams: unknown; $schema: string };
const cardOf = (body: JsonObject) =>
  (body.attachments as Array<{ contentType: string; contentUrl: null; content: Card }>)[0] as {
    contentType: string;
    contentUrl: null;
    content: Card;
  };

/** Every element inside a card, nested ones (containers, table cells) included. */
function elements(items: JsonObject[]): JsonObject[] {
  return items.flatMap((el) => {
    const inner = [
      ...((el.items as JsonObject[] | undefined) ?? []),
      ...((el.rows as Array<{ cells: Array<{ items: JsonObject[] }> }> | undefined) ?? []).flatMap((r) =>
        r.cells.flatMap((c) => c.items),
      ),
    ];
    return [el, ...elements(inner)];
  });
}

const message = (patch: Partial<Message> = {}): Message => ({
  title: 'Breaker *open*',
  level: 'error',
  icon: '🚨',
  sections: [
    {
      title: 'Details',
      blocks: [
        { type: 'fields', fields: [{ label: 'Provider', value: 'a_b [x](y)' }] },
        { type: 'divider' },
        { type: 'text', text: 'line one\n1. not a list\n- nor this' },
        { type: 'quote', text: 'quoted' },
        {
          type: 'list',
          ordered: true,
          items: [{ icon: '🥇', primary: 'Alice', secondary: '$1' }, { primary: 'Bob' }],
        },
        { type: 'list', ordered: false, items: [{ primary: 'x' }, { primary: 'y' }] },
      ],
    },
  ],
  footer: [{ blocks: [{ type: 'text', text: 'footer' }] }],
  timestamp: '2026-01-15T06:30:00.000Z',
  timezone: 'Asia/Shanghai',
  ...patch,
});

describe('teams card', () => {
  const { body, truncated } = teams.render(message(), { locale: 'en' });
  const card = cardOf(body);
  const all = elements(card.content.body);

  it('is one Adaptive Card 1.5 in the message envelope Workflows posts, full width', () => {
    expect(truncated).toBe(false);
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.contentUrl).toBeNull();
    expect(card.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.5',
      msteams: { width: 'Full' },
    });
  });

  it('colours the banner by level', () => {
    const banner = (level: Message['level']) =>
      cardOf(teams.render(message({ level }), { locale: 'en' }).body).content.body[0] as JsonObject & {
        items: JsonObject[];
      };
    for (const [level, style] of [
      ['error', 'attention'],
      ['warning', 'warning'],
      ['info', 'accent'],
    ] as const) {
      expect(banner(level)).toMatchObject({ type: 'Container', style });
      expect(banner(level).items[0]).toMatchObject({ type: 'TextBlock', color: style, weight: 'bolder' });
    }
    expect(banner('error').items[0]?.text).toBe('🚨 Breaker \\*open\\*');
  });

  it('shows fields as facts, escaped', () => {
    expect(all.find((el) => el.type === 'FactSet')).toEqual({
      type: 'FactSet',
      facts: [{ title: 'Provider', value: 'a\\_b \\[x\\](y)' }],
    });
  });

  it('shows lists as tables: rank, name and value; every row as wide as the columns', () => {
    const [ranked, plain] = all.filter((el) => el.type === 'Table') as Array<{
      columns: unknown[];
      rows: Array<{ cells: Array<{ items: JsonObject[] }> }>;
    }>;
    expect(ranked?.columns).toHaveLength(3);
    expect(ranked?.rows.map((r) => r.cells.map((c) => c.items.map((i) => i.text).join()))).toEqual([
      ['🥇', 'Alice', '$1'],
      ['2\\.', 'Bob', ''],
    ]);
    expect(plain?.columns).toHaveLength(2);
    expect(plain?.rows.map((r) => r.cells.map((c) => c.items[0]?.text))).toEqual([
      ['•', 'x'],
      ['•', 'y'],
    ]);
  });

  it('wraps every text block, puts dividers as separators and ends with the time', () => {
    const texts = all.filter((el) => el.type === 'TextBlock');
    expect(texts.every((t) => t.wrap === true)).toBe(true);
    expect(all.some((el) => el.type === 'divider' || el.type === undefined)).toBe(false);
    const top = card.content.body;
    const afterDivider = top.findIndex((el) => el.type === 'FactSet') + 1;
    expect(top[afterDivider]).toMatchObject({ type: 'TextBlock', separator: true });
    expect(top.at(-2)).toMatchObject({ text: 'footer', separator: true });
    expect(top.at(-1)).toMatchObject({ type: 'TextBlock', text: '2026-01-15 14:30 (Asia/Shanghai)', isSubtle: true });
  });
});

describe('escapeTeams', () => {
  it('escapes what Markdown would read, and nothing a reader needs', () => {
    expect(escapeTeams('**b** _i_ ~s~ `c` [l](u) <at>x</at> \\')).toBe(
      '\\*\\*b\\*\\* \\_i\\_ \\~s\\~ \\`c\\` \\[l\\](u) \\<at\\>x\\</at\\> \\\\',
    );
    expect(escapeTeams('# h\n+ p\n- m\n12. n\n3) o\n4.5%')).toBe(
      '\\# h\n\n\\+ p\n\n\\- m\n\n12\\. n\n\n3\\) o\n\n4.5%',
    );
    expect(escapeTeams('a-b 1. c (d) 50%')).toBe('a-b 1. c (d) 50%');
  });
});

describe('teams for every notification', () => {
  it.each(NOTIFICATION_TYPES.flatMap((type) => LOCALES.map((locale) => [type, locale] as const)))(
    '%s in %s renders whole within 28,000 bytes',
    (type, locale) => {
      const render = (data: unknown) =>
        renderNotification({ type, data, channel: 'teams', locale, timezone: 'Asia/Shanghai', now });
      const { body, truncated } = render(NOTIFICATIONS[type].sample({ now }));
      expect(truncated).toBe(false);
      expect(bytes(body)).toBeLessThanOrEqual(TEAMS_MAX_BODY_BYTES);
      expect(teams.limit?.measure(body)).toBe(bytes(body));
      if (hasDigest(type)) {
        const items = Array.from({ length: 40 }, () => NOTIFICATIONS[type].sample({ now }));
        const digest = renderDigest({ type, items, channel: 'teams', locale, timezone: 'UTC', now });
        expect(bytes(digest.body)).toBeLessThanOrEqual(TEAMS_MAX_BODY_BYTES);
      }
    },
  );
});

describe('teams at its limit', () => {
  const render = (lastError: string) =>
    renderNotification({
      type: 'circuit_breaker',
      data: { ...NOTIFICATIONS.circuit_breaker.sample({ now }), lastError },
      channel: 'teams',
      locale: 'en',
      timezone: 'UTC',
      now,
    });
  // Each plain letter of the error adds exactly one byte to the body.
  const base = bytes(render('a').body);
  const exact = 'a'.repeat(1 + TEAMS_MAX_BODY_BYTES - base);

  it('a body of exactly 28,000 bytes is sent whole', () => {
    const { body, truncated } = render(exact);
    expect(bytes(body)).toBe(TEAMS_MAX_BODY_BYTES);
    expect(truncated).toBe(false);
    expect(JSON.stringify(body)).toContain(exact);
  });

  it('one byte more is shortened to fit, visibly, with the card intact', () => {
    const { body, truncated } = render(`${exact}a`);
    expect(truncated).toBe(true);
    expect(bytes(body)).toBeLessThanOrEqual(TEAMS_MAX_BODY_BYTES);
    expect(JSON.stringify(body)).toContain('Message too long, shortened');
    expect(cardOf(body).content.type).toBe('AdaptiveCard');
  });

  it('a leaderboard of 50 long names drops rows and says how many', () => {
    // A family emoji is one grapheme of 25 bytes: names of 18 (within the 200-character limit) overflow.
    const entries = Array.from({ length: 50 }, (_, i) => ({
      userId: String(i + 1),
      userName: `${'👨‍👩‍👧‍👦'.repeat(18)}${i}`,
      totalRequests: 1000 - i,
      totalCost: 100 - i,
      totalTokens: 1_000_000,
    }));
    const { body, truncated } = renderNotification({
      type: 'daily_leaderboard',
      data: { date: '2026-01-15', entries, totalRequests: 1, totalCost: 1 },
      channel: 'teams',
      locale: 'zh-CN',
      timezone: 'UTC',
      now,
    });
    expect(truncated).toBe(true);
    expect(bytes(body)).toBeLessThanOrEqual(TEAMS_MAX_BODY_BYTES);
    const table = elements(cardOf(body).content.body).find((el) => el.type === 'Table');
    const rows = (table?.rows as unknown[] | undefined)?.length ?? 0;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(50);
    expect(JSON.stringify(body)).toContain(`另有 ${50 - rows} 项未显示`);
  });
});

describe('teams limit', () => {
  it('is described as the platform documents it', () => {
    const l = teams.limit;
    expect(l && { max: l.max, unit: l.unit, appliesTo: l.appliesTo }).toEqual({
      max: 28_000,
      unit: 'bytes',
      appliesTo: 'request body',
    });
  });
});
