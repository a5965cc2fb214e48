import { isObject } from './base.ts';

/**
 * The message a Teams Workflows webhook posts, and the Adaptive Card inside it, checked as the
 * Adaptive Cards schema (adaptivecards.io/explorer, learn.microsoft.com/adaptive-cards/
 * schema-explorer) and Teams define them: the envelope's `type: message` and exact card content
 * type (Workflows takes Adaptive Cards only, no connector MessageCards), a card `version` Teams
 * renders (up to 1.5), elements no newer than that version, required properties, enum values,
 * and Table rows as wide as the columns.
 *
 * Stricter than Teams in one way: for the elements Herald sends (TextBlock, Container, FactSet,
 * Table and its rows and cells, ColumnSet, Column) an unknown property is refused, where Teams
 * silently ignores it: a misspelt `wrap` would otherwise pass unseen. Other elements are known by
 * type only.
 */

export const TEAMS_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The newest card version Teams renders for webhook and bot messages. */
export const TEAMS_MAX_CARD_VERSION = 5;

export class CardProblem extends Error {
  /** `envelope`: the trigger's schema (type, attachments); `card`: the Adaptive Card. */
  readonly where: 'envelope' | 'card';
  constructor(where: 'envelope' | 'card', message: string) {
    super(message);
    this.where = where;
  }
}

const COLORS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'];
const CONTAINER_STYLES = ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'];
const SPACINGS = ['default', 'none', 'small', 'medium', 'large', 'extraLarge', 'padding'];
const H_ALIGN = ['left', 'center', 'right'];
const V_ALIGN = ['top', 'center', 'bottom'];

/** Element types by the card version that introduced them (1.x minor). */
const ELEMENT_VERSION: Record<string, number> = {
  TextBlock: 0,
  Image: 0,
  Container: 0,
  ColumnSet: 0,
  FactSet: 0,
  ImageSet: 0,
  'Input.Text': 0,
  'Input.Number': 0,
  'Input.Date': 0,
  'Input.Time': 0,
  'Input.Toggle': 0,
  'Input.ChoiceSet': 0,
  Media: 1,
  RichTextBlock: 2,
  ActionSet: 2,
  Table: 5,
};

/** Action types by the card version that introduced them. */
const ACTION_VERSION: Record<string, number> = {
  'Action.OpenUrl': 0,
  'Action.Submit': 0,
  'Action.ShowCard': 0,
  'Action.ToggleVisibility': 2,
  'Action.Execute': 4,
};
const OPEN_URL = [
  'type',
  'id',
  'title',
  'iconUrl',
  'style',
  'fallback',
  'tooltip',
  'isEnabled',
  'mode',
  'requires',
  'url',
];

const COMMON = ['type', 'id', 'isVisible', 'separator', 'spacing', 'height', 'fallback', 'requires'];
const CONTAINER_LIKE = [
  'items',
  'selectAction',
  'style',
  'verticalContentAlignment',
  'bleed',
  'backgroundImage',
  'minHeight',
  'rtl',
];
const CARD = [
  'type',
  'version',
  '$schema',
  'body',
  'actions',
  'selectAction',
  'fallbackText',
  'backgroundImage',
  'minHeight',
  'rtl',
  'speak',
  'lang',
  'verticalContentAlignment',
  'refresh',
  'authentication',
  'metadata',
  'msteams',
];
const ATTACHMENT = ['contentType', 'contentUrl', 'content', 'name', 'thumbnailUrl'];

type Ctx = { version: number };
function fail(message: string, path: string): never {
  throw new CardProblem('card', `${message} (at ${path})`);
}

function only(o: Record<string, unknown>, allowed: string[], path: string) {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(`unknown property '${key}'`, path);
}

function oneOf(o: Record<string, unknown>, key: string, values: string[], path: string) {
  const v = o[key];
  if (v !== undefined && !(typeof v === 'string' && values.includes(v))) {
    fail(`${key} must be one of ${values.join(', ')}, not ${JSON.stringify(v)}`, path);
  }
}

function bool(o: Record<string, unknown>, key: string, path: string) {
  if (o[key] !== undefined && typeof o[key] !== 'boolean') fail(`${key} must be true or false`, path);
}

function list(o: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(`${key} is required and must be an array`, path);
  return v;
}

function common(el: Record<string, unknown>, path: string) {
  oneOf(el, 'spacing', SPACINGS, path);
  bool(el, 'separator', path);
  bool(el, 'isVisible', path);
}

function textBlock(el: Record<string, unknown>, ctx: Ctx, path: string) {
  const props = ['text', 'color', 'fontType', 'horizontalAlignment', 'isSubtle', 'maxLines', 'size', 'weight'];
  only(el, [...COMMON, ...props, 'wrap', 'style'], path);
  if (typeof el.text !== 'string') fail('TextBlock needs text (a string)', path);
  oneOf(el, 'color', COLORS, path);
  oneOf(el, 'fontType', ['default', 'monospace'], path);
  oneOf(el, 'horizontalAlignment', H_ALIGN, path);
  oneOf(el, 'size', ['default', 'small', 'medium', 'large', 'extraLarge'], path);
  oneOf(el, 'weight', ['default', 'lighter', 'bolder'], path);
  oneOf(el, 'style', ['default', 'heading'], path);
  if (el.style === 'heading' && ctx.version < 5) fail('TextBlock style heading needs version 1.5', path);
  bool(el, 'wrap', path);
  bool(el, 'isSubtle', path);
  if (el.maxLines !== undefined && !(Number.isInteger(el.maxLines) && (el.maxLines as number) >= 1)) {
    fail('maxLines must be a whole number ≥ 1', path);
  }
}

function containerLike(el: Record<string, unknown>, ctx: Ctx, path: string) {
  oneOf(el, 'style', CONTAINER_STYLES, path);
  oneOf(el, 'verticalContentAlignment', V_ALIGN, path);
  bool(el, 'bleed', path);
  elements(list(el, 'items', path), ctx, `${path}.items`);
}

function factSet(el: Record<string, unknown>, path: string) {
  only(el, [...COMMON, 'facts'], path);
  const facts = list(el, 'facts', path);
  if (facts.length === 0) fail('FactSet needs at least one fact', path);
  facts.forEach((f, i) => {
    const at = `${path}.facts[${i}]`;
    if (!isObject(f)) fail('a fact must be an object', at);
    only(f, ['title', 'value'], at);
    if (typeof f.title !== 'string' || typeof f.value !== 'string') fail('a fact needs title and value (strings)', at);
  });
}

function columnWidth(w: unknown): boolean {
  return (typeof w === 'number' && w > 0) || (typeof w === 'string' && /^\d+px$/.test(w));
}

function table(el: Record<string, unknown>, ctx: Ctx, path: string) {
  only(
    el,
    [
      ...COMMON,
      'columns',
      'rows',
      'firstRowAsHeader',
      'showGridLines',
      'gridStyle',
      'horizontalCellContentAlignment',
      'verticalCellContentAlignment',
    ],
    path,
  );
  bool(el, 'firstRowAsHeader', path);
  bool(el, 'showGridLines', path);
  oneOf(el, 'gridStyle', CONTAINER_STYLES, path);
  const columns = list(el, 'columns', path);
  if (columns.length === 0) fail('Table needs at least one column', path);
  columns.forEach((c, i) => {
    const at = `${path}.columns[${i}]`;
    if (!isObject(c)) fail('a column definition must be an object', at);
    only(c, ['type', 'width', 'horizontalCellContentAlignment', 'verticalCellContentAlignment'], at);
    if (c.type !== undefined && c.type !== 'TableColumnDefinition') fail('type must be TableColumnDefinition', at);
    if (c.width !== undefined && !columnWidth(c.width)) fail('width must be a weight > 0 or pixels like "50px"', at);
  });
  list(el, 'rows', path).forEach((r, i) => {
    const at = `${path}.rows[${i}]`;
    if (!isObject(r)) fail('a row must be an object', at);
    if (r.type !== undefined && r.type !== 'TableRow') fail('type must be TableRow', at);
    only(r, ['type', 'cells', 'style', 'horizontalCellContentAlignment', 'verticalCellContentAlignment'], at);
    oneOf(r, 'style', CONTAINER_STYLES, at);
    const cells = list(r, 'cells', at);
    if (cells.length !== columns.length) fail(`a row has ${cells.length} cells for ${columns.length} columns`, at);
    cells.forEach((c, j) => {
      const cat = `${at}.cells[${j}]`;
      if (!isObject(c)) fail('a cell must be an object', cat);
      if (c.type !== undefined && c.type !== 'TableCell') fail('type must be TableCell', cat);
      only(c, ['type', ...CONTAINER_LIKE], cat);
      containerLike(c, ctx, cat);
    });
  });
}

function columnSet(el: Record<string, unknown>, ctx: Ctx, path: string) {
  only(el, [...COMMON, 'columns', 'selectAction', 'style', 'bleed', 'minHeight', 'horizontalAlignment'], path);
  oneOf(el, 'style', CONTAINER_STYLES, path);
  list(el, 'columns', path).forEach((c, i) => {
    const at = `${path}.columns[${i}]`;
    if (!isObject(c)) fail('a column must be an object', at);
    only(c, [...COMMON, ...CONTAINER_LIKE, 'width'], at);
    if (c.type !== undefined && c.type !== 'Column') fail('ColumnSet holds only Column', at);
    common(c, at);
    containerLike(c, ctx, at);
  });
}

function element(el: unknown, ctx: Ctx, path: string) {
  if (!isObject(el)) fail('an element must be an object', path);
  const type = el.type;
  if (typeof type !== 'string' || !(type in ELEMENT_VERSION))
    fail(`unknown element type ${JSON.stringify(type)}`, path);
  if ((ELEMENT_VERSION[type] as number) > ctx.version) fail(`${type} needs version 1.${ELEMENT_VERSION[type]}`, path);
  common(el, path);
  switch (type) {
    case 'TextBlock':
      return textBlock(el, ctx, path);
    case 'Container':
      only(el, [...COMMON, ...CONTAINER_LIKE], path);
      return containerLike(el, ctx, path);
    case 'FactSet':
      return factSet(el, path);
    case 'Table':
      return table(el, ctx, path);
    case 'ColumnSet':
      return columnSet(el, ctx, path);
    case 'Image':
      if (typeof el.url !== 'string') fail('Image needs url', path);
  }
}

/** A card's buttons: known types of its version; an OpenUrl (what Herald sends) fully checked. */
function action(a: unknown, ctx: Ctx, path: string) {
  if (!isObject(a)) fail('an action must be an object', path);
  const type = typeof a.type === 'string' ? a.type : '';
  const since = ACTION_VERSION[type];
  if (since === undefined) fail(`unknown action type ${JSON.stringify(a.type)}`, path);
  if (since > ctx.version) fail(`${type} needs card version 1.${since}`, path);
  if (type !== 'Action.OpenUrl') return;
  only(a, OPEN_URL, path);
  if (typeof a.url !== 'string' || !URL.canParse(a.url)) fail('url is required and must be an absolute URL', path);
  if (a.title !== undefined && typeof a.title !== 'string') fail('title must be text', path);
  oneOf(a, 'style', ['default', 'positive', 'destructive'], path);
}

function elements(items: unknown[], ctx: Ctx, path: string) {
  items.forEach((el, i) => {
    element(el, ctx, `${path}[${i}]`);
  });
}

export function checkAdaptiveCard(card: unknown, path = 'content') {
  if (!isObject(card)) fail('the card must be an object', path);
  only(card, CARD, path);
  if (card.type !== 'AdaptiveCard') fail('type must be AdaptiveCard', path);
  const version = typeof card.version === 'string' ? /^1\.(\d)$/.exec(card.version) : null;
  if (!version) fail('version is required, like "1.5"', path);
  const minor = Number(version[1]);
  if (minor > TEAMS_MAX_CARD_VERSION) fail(`Teams renders cards up to version 1.${TEAMS_MAX_CARD_VERSION}`, path);
  const body = list(card, 'body', path);
  if (body.length === 0) fail('the card body is empty', path);
  elements(body, { version: minor }, `${path}.body`);
  if (card.actions !== undefined) {
    list(card, 'actions', path).forEach((a, i) => {
      action(a, { version: minor }, `${path}.actions[${i}]`);
    });
  }
  if (card.msteams !== undefined) {
    if (!isObject(card.msteams)) fail('msteams must be an object', path);
    only(card.msteams, ['width', 'entities'], `${path}.msteams`);
    if (card.msteams.width !== undefined && card.msteams.width !== 'Full') fail('msteams.width can only be Full', path);
  }
}

/** The body Workflows' "When a Teams webhook request is received" takes, and every card in it. */
export function checkTeamsMessage(json: unknown) {
  function schema(detail: string): never {
    throw new CardProblem('envelope', detail);
  }
  if (!isObject(json)) schema('Invalid type. Expected Object.');
  if (json.type !== 'message') schema(`type must be 'message', not ${JSON.stringify(json.type)}.`);
  const attachments = json.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0) {
    schema('Required properties are missing from object: attachments.');
  }
  attachments.forEach((a, i) => {
    const at = `attachments[${i}]`;
    if (!isObject(a)) schema(`${at} must be an object.`);
    if (a.contentType !== TEAMS_CARD_CONTENT_TYPE) {
      schema(`${at}.contentType must be '${TEAMS_CARD_CONTENT_TYPE}', not ${JSON.stringify(a.contentType)}.`);
    }
    for (const key of Object.keys(a)) if (!ATTACHMENT.includes(key)) schema(`${at} has an unknown property '${key}'.`);
    if (a.contentUrl !== undefined && a.contentUrl !== null) schema(`${at}.contentUrl must be null for a card.`);
    checkAdaptiveCard(a.content, `${at}.content`);
  });
}
