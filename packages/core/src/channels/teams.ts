import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import type { Block, Level, ListItem, Message, Section } from '../message/model.ts';
import { HttpUrl } from '../schemas/common.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook, "Post to a channel when a
 * webhook request is received". Teams refuses a message over about 28 KB ("Request Entity Too
 * Large", learn.microsoft.com/connectors/teams, known issues): the whole request body is kept
 * within 28,000 bytes.
 */
export const TEAMS_MAX_BODY_BYTES = 28_000;
export const TEAMS_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Table and TextBlock `style: heading` need 1.5, the newest version Teams renders everywhere. */
export const TEAMS_CARD_VERSION = '1.5';

/** The banner's Container style and the title's TextBlock colour, by level. */
export const TEAMS_LEVEL_STYLE: Record<Level, { container: string; color: string }> = {
  error: { container: 'attention', color: 'attention' },
  warning: { container: 'warning', color: 'warning' },
  info: { container: 'accent', color: 'accent' },
};

/**
 * TextBlock, FactSet and table text is read as Markdown (bold, italic, strike, lists, links):
 * what could start one is backslash-escaped so values show as typed (a link needs `[`, so `(`
 * stays as is). A single newline is no break in Markdown: it is doubled.
 */
export function escapeTeams(value: string): string {
  return value
    .replace(/[\\`*_[\]~<>]/g, '\\$&')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/gm, '$1$2\\$3')
    .replace(/\r?\n/g, '\n\n');
}

const e = escapeTeams;
type Element = JsonObject;

const text = (value: string, extra: JsonObject = {}): Element => ({
  type: 'TextBlock',
  text: e(value),
  wrap: true,
  ...extra,
});

const cell = (items: Element[]): JsonObject => ({ type: 'TableCell', items });

/** A list as a Table: rank (a medal, a number or a bullet), name and value. */
function table(ordered: boolean, items: ListItem[]): Element {
  const withValue = items.some((i) => i.secondary !== undefined);
  const columns = withValue ? [{ width: 1 }, { width: 4 }, { width: 6 }] : [{ width: 1 }, { width: 10 }];
  const rows = items.map((item, n) => ({
    type: 'TableRow',
    cells: [
      cell([text(item.icon ?? (ordered ? `${n + 1}.` : '•'))]),
      cell([text(item.primary, { weight: 'bolder' })]),
      ...(withValue ? [cell(item.secondary !== undefined ? [text(item.secondary)] : [])] : []),
    ],
  }));
  return { type: 'Table', columns, rows, firstRowAsHeader: false, showGridLines: false };
}

/** A divider has no element of its own: it puts a separator line above what follows. */
const DIVIDER = Symbol('divider');
type Piece = Element | typeof DIVIDER;

function blockPieces(b: Block): Piece[] {
  switch (b.type) {
    case 'text':
      return [text(b.text)];
    case 'quote':
      return [{ type: 'Container', style: 'emphasis', items: [text(b.text, { isSubtle: true })] }];
    case 'fields':
      return [{ type: 'FactSet', facts: b.fields.map((f) => ({ title: e(f.label), value: e(f.value) })) }];
    case 'list':
      return [table(b.ordered, b.items)];
    case 'divider':
      return [DIVIDER];
  }
}

const sectionPieces = (s: Section): Piece[] => [
  ...(s.title ? [text(s.title, { weight: 'bolder', size: 'medium', spacing: 'medium' })] : []),
  ...s.blocks.flatMap(blockPieces),
];

function joined(pieces: Piece[]): Element[] {
  const out: Element[] = [];
  let separate = false;
  for (const p of pieces) {
    if (p === DIVIDER) separate = true;
    else {
      out.push(separate ? { ...p, separator: true } : p);
      separate = false;
    }
  }
  return out;
}

export function teamsCard(m: Message): JsonObject {
  const style = TEAMS_LEVEL_STYLE[m.level];
  const banner: Element = {
    type: 'Container',
    style: style.container,
    bleed: true,
    items: [
      text(m.icon ? `${m.icon} ${m.title}` : m.title, {
        size: 'large',
        weight: 'bolder',
        color: style.color,
        style: 'heading',
      }),
    ],
  };
  const footer = joined([
    DIVIDER,
    ...(m.footer ?? []).flatMap(sectionPieces),
    text(formatLocalTime(m.timestamp, m.timezone), { isSubtle: true, size: 'small' }),
  ]);
  return {
    type: 'message',
    attachments: [
      {
        contentType: TEAMS_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: TEAMS_CARD_VERSION,
          body: [banner, ...joined(m.sections.flatMap(sectionPieces)), ...footer],
          // Buttons under the card that open the dashboard (plain text titles: no Markdown to escape).
          ...(m.links?.length
            ? { actions: m.links.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url })) }
            : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

const size = (b: JsonObject) => utf8Bytes(JSON.stringify(b));

export const teams = defineChannel({
  type: 'teams',
  fields: {
    webhookUrl: { kind: 'url', schema: HttpUrl },
  },
  // Teams connectors allow 4 requests a second per webhook (learn.microsoft.com/microsoftteams/
  // platform/webhooks-and-connectors/how-to/connectors-using, "Rate limiting for connectors"); the
  // Workflows Teams connector 100 calls a minute per connection (learn.microsoft.com/connectors/teams):
  // 60 a minute keeps clear of both.
  pace: () => ({
    limits: [
      { max: 4, windowMs: 1_000 },
      { max: 60, windowMs: MINUTE_MS },
    ],
  }),
  previewConfig: {},
  mentions: null,
  limit: { max: TEAMS_MAX_BODY_BYTES, unit: 'bytes', appliesTo: 'request body', measure: size },
  render(message, { locale }) {
    const { output, truncated } = fitMessage(message, locale, teamsCard, (b) => size(b) <= TEAMS_MAX_BODY_BYTES);
    return { body: output, truncated };
  },
});
