import { fitMessage, utf8Bytes } from '../message/fit.ts';
import { formatDateTime } from '../message/format.ts';
import { type Block, LEVEL_ICON, type Message, type Section } from '../message/model.ts';
import { HttpUrl } from '../schemas/common.ts';
import { MINUTE_MS } from './pace.ts';
import { defineChannel, type JsonObject } from './types.ts';

/** WeCom group robot: markdown content at most 4096 bytes UTF-8 (errcode 40058 beyond). */
export const WECHAT_MARKDOWN_MAX_BYTES = 4096;

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [b.text];
    case 'quote':
      return [`> ${b.text}`];
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      // A rank keeps its number where no icon (a medal) stands for it.
      return b.items.flatMap((i, n) => [
        `${i.icon ?? (b.ordered ? `${n + 1}.` : '-')} **${i.primary}**`,
        ...(i.secondary ? [i.secondary] : []),
        '',
      ]);
    case 'divider':
      return ['---'];
  }
}

const sectionLines = (s: Section) => [...(s.title ? [`**${s.title}**`] : []), ...s.blocks.flatMap(blockLines), ''];

export function wechatMarkdown(m: Message): string {
  const lines = [`## ${m.icon ?? LEVEL_ICON[m.level]} ${m.title}`, '', ...m.sections.flatMap(sectionLines)];
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  lines.push(formatDateTime(m.timestamp, m.timezone));
  return lines.join('\n');
}

const contentOf = (body: JsonObject) => ((body.markdown as JsonObject).content as string) ?? '';

export const wechat = defineChannel({
  type: 'wechat',
  fields: { webhookUrl: { kind: 'url', schema: HttpUrl } },
  pace: () => ({ limits: [{ max: 20, windowMs: MINUTE_MS }] }),
  previewConfig: {},
  mentions: null,
  limit: {
    max: WECHAT_MARKDOWN_MAX_BYTES,
    unit: 'bytes',
    appliesTo: 'markdown.content',
    measure: (body) => utf8Bytes(contentOf(body)),
  },
  render(message, { locale }) {
    const { output, truncated } = fitMessage(
      message,
      locale,
      wechatMarkdown,
      (text) => utf8Bytes(text) <= WECHAT_MARKDOWN_MAX_BYTES,
    );
    return { body: { msgtype: 'markdown', markdown: { content: output } }, truncated };
  },
});
