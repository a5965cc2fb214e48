import { isObject } from './base.ts';

/**
 * Block Kit as Slack checks a message's `blocks` (docs.slack.dev/reference/block-kit/blocks,
 * …/composition-objects/text-object). Slack answers any violation with `invalid_blocks`; the
 * reason here is for the test's failure message. Only the block types a notification can use
 * are understood; any other type is refused, so a renderer mistake cannot pass unnoticed.
 */
export const SLACK_BLOCK_LIMITS = {
  blocks: 50,
  blockId: 255,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
} as const;

const BLOCK_KEYS: Record<string, readonly string[]> = {
  header: ['type', 'block_id', 'text'],
  section: ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'],
  divider: ['type', 'block_id'],
  context: ['type', 'block_id', 'elements'],
};

/** A text object: `plain_text` (may say `emoji`) or `mrkdwn` (may say `verbatim`), 1..max characters. */
function textObjectProblem(t: unknown, max: number, where: string, only?: 'plain_text'): string | null {
  if (!isObject(t)) return `${where} must be a text object`;
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') return `${where}.type must be plain_text or mrkdwn`;
  if (only && t.type !== only) return `${where} must be ${only}`;
  const allowed = t.type === 'plain_text' ? ['type', 'text', 'emoji'] : ['type', 'text', 'verbatim'];
  const extra = Object.keys(t).find((k) => !allowed.includes(k));
  if (extra) return `${where}.${extra} is not allowed on ${t.type}`;
  if (typeof t.text !== 'string' || t.text.length === 0) return `${where}.text must be a non-empty string`;
  if (t.text.length > max) return `${where}.text is ${t.text.length} characters, at most ${max}`;
  return null;
}

function blockProblem(b: unknown, i: number): string | null {
  const where = `blocks[${i}]`;
  if (!isObject(b)) return `${where} must be an object`;
  const keys = typeof b.type === 'string' ? BLOCK_KEYS[b.type] : undefined;
  if (!keys) return `${where}.type ${JSON.stringify(b.type)} is not a block Herald's messages use`;
  const extra = Object.keys(b).find((k) => !keys.includes(k));
  if (extra) return `${where}.${extra} is not a field of a ${b.type} block`;
  if (b.block_id !== undefined && (typeof b.block_id !== 'string' || b.block_id.length > SLACK_BLOCK_LIMITS.blockId))
    return `${where}.block_id must be a string of at most 255 characters`;
  switch (b.type) {
    case 'header':
      return textObjectProblem(b.text, SLACK_BLOCK_LIMITS.headerText, `${where}.text`, 'plain_text');
    case 'section': {
      if (b.text === undefined && b.fields === undefined) return `${where} needs text or fields`;
      if (b.text !== undefined) {
        const p = textObjectProblem(b.text, SLACK_BLOCK_LIMITS.sectionText, `${where}.text`);
        if (p) return p;
      }
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length === 0) return `${where}.fields must be a non-empty array`;
        if (b.fields.length > SLACK_BLOCK_LIMITS.sectionFields)
          return `${where}.fields has ${b.fields.length} items, at most ${SLACK_BLOCK_LIMITS.sectionFields}`;
        for (const [j, f] of b.fields.entries()) {
          const p = textObjectProblem(f, SLACK_BLOCK_LIMITS.fieldText, `${where}.fields[${j}]`);
          if (p) return p;
        }
      }
      return null;
    }
    case 'context': {
      if (!Array.isArray(b.elements) || b.elements.length === 0) return `${where}.elements must be a non-empty array`;
      if (b.elements.length > SLACK_BLOCK_LIMITS.contextElements)
        return `${where}.elements has ${b.elements.length} items, at most ${SLACK_BLOCK_LIMITS.contextElements}`;
      for (const [j, el] of b.elements.entries()) {
        const p = textObjectProblem(el, SLACK_BLOCK_LIMITS.sectionText, `${where}.elements[${j}]`);
        if (p) return p;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Why Slack would answer `invalid_blocks`, or null. */
export function checkSlackBlocks(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > SLACK_BLOCK_LIMITS.blocks) return `${blocks.length} blocks, at most ${SLACK_BLOCK_LIMITS.blocks}`;
  const ids = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const p = blockProblem(b, i);
    if (p) return p;
    const id = (b as { block_id?: string }).block_id;
    if (id !== undefined) {
      if (ids.has(id)) return `blocks[${i}].block_id ${JSON.stringify(id)} is not unique`;
      ids.add(id);
    }
  }
  return null;
}

const MENTION =
  /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>|<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>|<!(here|channel|everyone)(?:\|[^>]*)?>/g;

/** The mrkdwn texts of a message's blocks: where a mention pings (a header's plain_text never does). */
function mrkdwnTexts(blocks: unknown[]): string[] {
  const out: string[] = [];
  const take = (t: unknown) => {
    if (isObject(t) && t.type === 'mrkdwn' && typeof t.text === 'string') out.push(t.text);
  };
  for (const b of blocks) {
    if (!isObject(b)) continue;
    take(b.text);
    for (const f of Array.isArray(b.fields) ? b.fields : []) take(f);
    for (const el of Array.isArray(b.elements) ? b.elements : []) take(el);
  }
  return out;
}

/** Who a message pings: member ids, user group ids, `here`, `channel`, `everyone` (in order, once each). */
export function slackMentions(text: unknown, blocks: unknown): string[] {
  const texts = Array.isArray(blocks) ? mrkdwnTexts(blocks) : typeof text === 'string' ? [text] : [];
  const found = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(MENTION)) found.add((m[1] ?? m[2] ?? m[3]) as string);
  return [...found];
}
