import { isObject } from './base.ts';

/**
 * Feishu card JSON 2.0 checks, strict where real 2.0 cards are ("unknown properties are
 * rejected", platforms-and-peers.md §3.3 [PB-F5]). Full property lists for the elements Herald
 * renders (markdown, hr, div, column_set, column); other 2.0 components are known by tag only.
 *
 * Answers: a webhook bot reports card errors as code 11246 with the card service's own code in
 * the text, e.g. "ErrCode: 200621; ErrMsg: parse card json err …" (eastreams/loong#697,
 * bigduu/Bamboo-agent#484), 200861 for tags 2.0 dropped (deepcoldy/botmux#139), 11310
 * "unsupported type of block; ErrorValue: <tag>" for unknown tags.
 *
 * Stricter than Feishu in one way: a card without `schema: "2.0"` (a 1.0 card, which Feishu
 * accepts) is refused, since Herald only sends 2.0 cards.
 */

/** Header colours (13) [PB-F6]. */
export const FEISHU_TEMPLATES = [
  'blue',
  'wathet',
  'turquoise',
  'green',
  'yellow',
  'orange',
  'red',
  'carmine',
  'violet',
  'purple',
  'indigo',
  'grey',
  'default',
] as const;

const CARD = ['schema', 'config', 'card_link', 'header', 'body'];
const CONFIG = [
  'streaming_mode',
  'streaming_config',
  'summary',
  'locales',
  'enable_forward',
  'update_multi',
  'width_mode',
  'use_custom_translation',
  'enable_forward_interaction',
  'style',
];
const HEADER = ['title', 'subtitle', 'text_tag_list', 'i18n_text_tag_list', 'template', 'icon', 'ud_icon', 'padding'];
const HEADER_TEXT = ['tag', 'content', 'i18n_content'];
const BODY = [
  'direction',
  'padding',
  'horizontal_spacing',
  'horizontal_align',
  'vertical_spacing',
  'vertical_align',
  'elements',
];
const PLAIN_TEXT = ['tag', 'content', 'i18n_content', 'text_size', 'text_color', 'text_align', 'lines'];

const ELEMENTS: Record<string, string[]> = {
  markdown: ['tag', 'element_id', 'margin', 'text_align', 'text_size', 'icon', 'content', 'i18n_content', 'href'],
  hr: ['tag', 'element_id', 'margin'],
  div: ['tag', 'element_id', 'margin', 'width', 'text', 'icon', 'fields'],
  column_set: [
    'tag',
    'element_id',
    'margin',
    'horizontal_spacing',
    'horizontal_align',
    'flex_mode',
    'background_style',
    'columns',
    'action',
  ],
};
const COLUMN = [
  'tag',
  'element_id',
  'background_style',
  'width',
  'weight',
  'vertical_align',
  'vertical_spacing',
  'horizontal_align',
  'horizontal_spacing',
  'direction',
  'padding',
  'margin',
  'elements',
  'action',
];
/** Other 2.0 components: accepted, their properties not checked. */
const OTHER_TAGS = new Set([
  'img',
  'img_combination',
  'button',
  'table',
  'chart',
  'person',
  'person_list',
  'avatar',
  'form',
  'interactive_container',
  'collapsible_panel',
  'input',
  'select_static',
  'multi_select_static',
  'select_person',
  'multi_select_person',
  'select_img',
  'date_picker',
  'picker_time',
  'picker_datetime',
  'checker',
  'overflow',
  'audio',
  'plain_text',
]);
/** 1.0 components 2.0 cards no longer take. */
const V1_ONLY = new Set(['note', 'action']);
const FLEX_MODES = ['none', 'stretch', 'flow', 'bisect', 'trisect'];

class CardError extends Error {}

const parseErr = (detail: string, path: string) =>
  new CardError(`ErrCode: 200621; ErrMsg: parse card json err, ${detail}, path: ${path || '[]'}; `);

function only(obj: Record<string, unknown>, allowed: string[], path: string) {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) throw parseErr(`unknown property: ${key}`, path);
}

function object(v: unknown, what: string, path: string): Record<string, unknown> {
  if (!isObject(v)) throw parseErr(`${what} must be an object`, path);
  return v;
}

function text(v: unknown, what: string, path: string): string {
  if (typeof v !== 'string') throw parseErr(`${what} must be a string`, path);
  return v;
}

function elements(list: unknown, path: string) {
  if (!Array.isArray(list)) throw parseErr('elements must be an array', path);
  for (const [i, el] of list.entries()) element(el, `${path} -> elements -> [${i}]`);
}

function element(v: unknown, path: string) {
  const el = object(v, 'element', path);
  const tag = text(el.tag, 'tag', path);
  if (V1_ONLY.has(tag)) {
    throw new CardError(
      `ErrPath: ${path}(tag: ${tag}); ErrCode: 200861; ErrMsg: cards of schema V2 no longer support this capability; unsupported tag ${tag}; `,
    );
  }
  if (OTHER_TAGS.has(tag)) return;
  const allowed = ELEMENTS[tag];
  if (!allowed) throw new CardError(`ErrCode: 11310; ErrMsg: unsupported type of block; ErrorValue: ${tag}; `);
  only(el, allowed, path);
  if (tag === 'markdown') text(el.content, 'markdown content', path);
  if (tag === 'div' && el.text !== undefined) {
    const t = object(el.text, 'div text', path);
    only(t, PLAIN_TEXT, `${path} -> text`);
    if (t.tag !== 'plain_text' && t.tag !== 'lark_md')
      throw parseErr('div text tag must be plain_text or lark_md', path);
  }
  if (tag === 'column_set') {
    if (el.flex_mode !== undefined && !FLEX_MODES.includes(String(el.flex_mode))) {
      throw parseErr(`invalid flex_mode: ${String(el.flex_mode)}`, path);
    }
    if (!Array.isArray(el.columns)) throw parseErr('columns must be an array', path);
    for (const [i, c] of el.columns.entries()) column(c, `${path} -> columns -> [${i}]`);
  }
}

function column(v: unknown, path: string) {
  const col = object(v, 'column', path);
  if (col.tag !== 'column') throw parseErr('a column_set holds only column elements', path);
  only(col, COLUMN, path);
  const width = col.width;
  if (width !== undefined && width !== 'auto' && width !== 'weighted' && !/^\d+px$/.test(String(width))) {
    throw parseErr(`invalid width: ${String(width)}`, path);
  }
  const weight = col.weight;
  if (weight !== undefined && (!Number.isInteger(weight) || (weight as number) < 1 || (weight as number) > 5)) {
    throw parseErr('weight must be an integer from 1 to 5', path);
  }
  if (col.elements !== undefined) elements(col.elements, path);
}

/** null when Feishu would take the card; else the `msg` of its 11246 answer. */
export function checkFeishuCard(card: unknown): string | null {
  try {
    const c = object(card, 'card', '');
    if (c.schema !== '2.0') throw parseErr('card schema must be "2.0" (JSON 2.0 card)', '');
    only(c, CARD, '');
    if (c.config !== undefined) only(object(c.config, 'config', 'config'), CONFIG, 'config');
    if (c.header !== undefined) {
      const header = object(c.header, 'header', 'header');
      only(header, HEADER, 'header');
      const title = object(header.title, 'header title', 'header -> title');
      only(title, HEADER_TEXT, 'header -> title');
      if (title.tag !== 'plain_text') throw parseErr('header title tag must be plain_text', 'header -> title');
      text(title.content, 'header title content', 'header -> title');
      if (header.template !== undefined && !(FEISHU_TEMPLATES as readonly string[]).includes(String(header.template))) {
        throw parseErr(`invalid header template: ${String(header.template)}`, 'header');
      }
    }
    const body = object(c.body, 'body', 'body');
    only(body, BODY, 'body');
    elements(body.elements, 'body');
    return null;
  } catch (e) {
    if (e instanceof CardError) return e.message;
    throw e;
  }
}
