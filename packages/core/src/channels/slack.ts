import { escapeHtml } from '../message/escape.ts';
import { fitMessage } from '../message/fit.ts';
import { formatLocalTime } from '../message/format.ts';
import { type Block, LEVEL_ICON, type Level, type Message, type Section } from '../message/model.ts';
import type { JsonValue } from '../notifications/types.ts';
import { HttpUrl } from '../schemas/common.ts';
import type { Mention, MentionParse } from './mentions.ts';
import { defineChannel, type JsonObject } from './types.ts';

/**
 * Slack Block Kit limits (docs.slack.dev/reference/block-kit): 50 blocks a message; a header's
 * plain_text 150 characters; a section's text 3000; a section's fields at most 10, each 2000; a
 * context at most 10 elements. The top-level `text` (the notification fallback) is best kept within
 * 4,000 characters (chat.postMessage; Slack truncates beyond 40,000). Counted in UTF-16 units.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  fallbackText: 4000,
} as const;

/** A colour cue where blocks have no colour: shown before the time in the closing context. */
const LEVEL_DOT: Record<Level, string> = { error: '🔴', warning: '🟠', info: '🔵' };

// mrkdwn reads <…> as links and mentions (<!channel>) and & as an entity: values show as typed.
const e = (s: string) => escapeHtml(s);
const mrkdwn = (text: string): JsonObject => ({ type: 'mrkdwn', text });
const textSection = (text: string): JsonObject => ({ type: 'section', text: mrkdwn(text) });

const USER_ID = /^[UW][A-Z0-9]{8,20}$/;
const GROUP_ID = /^S[A-Z0-9]{8,20}$/;

function parseMention(entry: string): MentionParse {
  const v = entry.trim().replace(/^@(?=here$|channel$)/, '');
  if (USER_ID.test(v)) return { ok: true, mention: { kind: 'user', id: v } };
  if (GROUP_ID.test(v)) return { ok: true, mention: { kind: 'role', id: v } };
  if (v === 'here') return { ok: true, mention: { kind: 'here' } };
  if (v === 'channel') return { ok: true, mention: { kind: 'all' } };
  return {
    ok: false,
    error:
      `"${entry}" is not a Slack mention: use a member ID (U… or W…, e.g. U012AB3CDEF), ` +
      'a user group ID (S…, e.g. S0614TZR7), here or channel',
  };
}

/** Slack's own mention syntax; a phone number cannot be mentioned on Slack. */
function mentionToken(m: Mention): string | null {
  switch (m.kind) {
    case 'user':
      return `<@${m.id}>`;
    case 'role':
      return `<!subteam^${m.id}>`;
    case 'here':
      return '<!here>';
    case 'all':
      return '<!channel>';
    case 'mobile':
      return null;
  }
}

function runLines(b: Exclude<Block, { type: 'fields' | 'divider' }>): string[] {
  switch (b.type) {
    case 'text':
      return [e(b.text)];
    case 'quote':
      return e(b.text)
        .split('\n')
        .map((l) => `> ${l}`);
    case 'list':
      // A rank keeps its number where no icon (a medal) stands for it.
      return b.items.flatMap((i, n) => [
        `${i.icon ?? (b.ordered ? `${n + 1}.` : '•')} *${e(i.primary)}*`,
        ...(i.secondary ? [`      ${e(i.secondary)}`] : []),
      ]);
  }
}

const fieldText = (f: { label: string; value: string }) => `*${e(f.label)}*\n${e(f.value)}`;

/** One model section as blocks: each run of title and text one section, fields 10 to a section. */
function sectionBlocks(s: Section): JsonObject[] {
  const out: JsonObject[] = [];
  let run: string[] = s.title ? [`*${e(s.title)}*`] : [];
  const flush = () => {
    if (run.length > 0) out.push(textSection(run.join('\n')));
    run = [];
  };
  for (const b of s.blocks) {
    if (b.type === 'fields') {
      // The text before the fields (a section title) heads their first section.
      for (let i = 0; i < b.fields.length; i += SLACK_LIMITS.sectionFields) {
        const fields = b.fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f) => mrkdwn(fieldText(f)));
        out.push({ type: 'section', ...(run.length > 0 ? { text: mrkdwn(run.join('\n')) } : {}), fields });
        run = [];
      }
    } else if (b.type === 'divider') {
      flush();
      out.push({ type: 'divider' });
    } else run.push(...runLines(b));
  }
  flush();
  return out;
}

/** What a notification shows: who is mentioned, the title, and the first section's text and fields. */
function fallbackText(m: Message, mentions: string | null): string {
  const lines = [...(mentions ? [mentions] : []), `${m.icon ?? LEVEL_ICON[m.level]} *${e(m.title)}*`];
  for (const b of m.sections[0]?.blocks ?? []) {
    if (b.type === 'text' || b.type === 'quote') lines.push(...runLines(b));
    if (b.type === 'fields') lines.push(...b.fields.map((f) => `${e(f.label)}: ${e(f.value)}`));
  }
  return lines.join('\n');
}

function body(m: Message, mentions: string | null): JsonObject {
  const blocks: JsonValue[] = [];
  // A mention pings only from a section's (or the fallback's) mrkdwn, never from a header.
  if (mentions) blocks.push(textSection(mentions));
  blocks.push({
    type: 'header',
    text: { type: 'plain_text', text: `${m.icon ?? LEVEL_ICON[m.level]} ${m.title}`, emoji: true },
  });
  blocks.push(...m.sections.flatMap(sectionBlocks));
  if (m.footer?.length) blocks.push({ type: 'divider' }, ...m.footer.flatMap(sectionBlocks));
  // Links as mrkdwn <url|text>: & < > escaped in both, as Slack asks.
  const links = (m.links ?? []).map((l) => `<${e(l.url)}|${e(l.label)}>`).join(' · ');
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(`${LEVEL_DOT[m.level]} ${e(formatLocalTime(m.timestamp, m.timezone))}`),
      ...(links ? [mrkdwn(links)] : []),
    ],
  });
  return { text: fallbackText(m, mentions), blocks };
}

type Obj = Record<string, unknown>;
const textOf = (o: unknown) => String(((o as Obj | undefined)?.text as Obj | undefined)?.text ?? '');

/** The longest section text: what the 3000-character limit is measured on. */
export function longestSectionText(b: JsonObject): number {
  const blocks = (b.blocks ?? []) as Obj[];
  return Math.max(0, ...blocks.filter((x) => x.type === 'section').map((x) => textOf(x).length));
}

/** Every Block Kit limit a message body must keep (Slack answers `invalid_blocks` otherwise). */
export function fitsSlackLimits(b: JsonObject): boolean {
  const blocks = (b.blocks ?? []) as Obj[];
  if (blocks.length > SLACK_LIMITS.blocks) return false;
  if (String(b.text ?? '').length > SLACK_LIMITS.fallbackText) return false;
  return blocks.every((x) => {
    if (x.type === 'header') return textOf(x).length <= SLACK_LIMITS.headerText;
    if (x.type === 'context') return ((x.elements ?? []) as unknown[]).length <= SLACK_LIMITS.contextElements;
    if (x.type !== 'section') return true;
    const fields = (x.fields ?? []) as Obj[];
    return (
      textOf(x).length <= SLACK_LIMITS.sectionText &&
      fields.length <= SLACK_LIMITS.sectionFields &&
      fields.every((f) => String(f.text ?? '').length <= SLACK_LIMITS.fieldText)
    );
  });
}

export const slack = defineChannel({
  type: 'slack',
  fields: { webhookUrl: { kind: 'url', schema: HttpUrl } },
  // About one message a second per webhook, short bursts allowed (docs.slack.dev/apis/web-api/rate-limits).
  pace: () => ({ limits: [{ max: 1, windowMs: 1_000 }] }),
  previewConfig: {},
  mentions: { examples: ['U012AB3CDEF', 'S0614TZR7', 'here', 'channel'], parse: parseMention },
  limit: {
    max: SLACK_LIMITS.sectionText,
    unit: 'characters',
    appliesTo: 'section text',
    measure: longestSectionText,
  },
  render(message, { locale, mentions }) {
    const tokens = (mentions ?? []).map(mentionToken).filter((t): t is string => t !== null);
    const who = tokens.length > 0 ? tokens.join(' ') : null;
    const { output, truncated } = fitMessage(message, locale, (m) => body(m, who), fitsSlackLimits);
    return { body: output, truncated };
  },
});
