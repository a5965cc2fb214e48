import type { Block, Message, Section } from './model.ts';

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'text':
      return [b.text];
    case 'quote':
      return [`> ${b.text}`];
    case 'fields':
      return b.fields.map((f) => `${f.label}: ${f.value}`);
    case 'list':
      return b.items.flatMap((item, i) => [
        `${b.ordered ? `${i + 1}.` : '-'} ${item.primary}`,
        ...(item.secondary ? [`  ${item.secondary}`] : []),
      ]);
    case 'divider':
      return ['---'];
  }
}

function sectionLines(s: Section): string[] {
  return [...(s.title ? [s.title] : []), ...s.blocks.flatMap(blockLines), ''];
}

/** The body of a message as plain text (no header, no timestamp): the `{{sections}}` variable. */
export function sectionsAsPlainText(m: Message): string {
  const lines = m.sections.flatMap(sectionLines);
  if (m.footer?.length) lines.push('---', ...m.footer.flatMap(sectionLines));
  return lines.join('\n').trim();
}
