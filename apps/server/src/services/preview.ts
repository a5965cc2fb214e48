import {
  channelOf,
  checkTemplate,
  codedIssue,
  isTimeZone,
  mentionProblems,
  type PreviewInput,
  renderNotification,
  sampleData,
} from '@herald/core';
import type { Db } from '../db/database.ts';
import { readSettings } from '../db/repos/settings.ts';
import { type FieldIssue, FieldIssuesError } from './errors.ts';
import { SYSTEM_TIMEZONE } from './settings.ts';

/**
 * The exact body a channel would get for the type's sample data (signatures are added per send).
 * With a public address it shows the links too: the sample's subject, no delivery log (no notification).
 */
export async function previewNotification(db: Db, input: PreviewInput, publicUrl?: string) {
  const issues: FieldIssue[] = [];
  if (input.template && input.providerType !== 'custom') {
    issues.push({ path: ['template'], message: 'a template applies only to the custom channel' });
  }
  if (input.template) {
    for (const p of checkTemplate(input.template, input.notificationType)) {
      const path = ['template', ...(p.path ? p.path.split('.') : [])];
      issues.push(codedIssue(path, p.code, `${p.placeholder} ${p.problem}`.trim(), p.params));
    }
  }
  if (input.timezone !== undefined && !isTimeZone(input.timezone)) {
    issues.push(codedIssue(['timezone'], 'timezone.invalid', 'must be an IANA time zone such as Asia/Shanghai or UTC'));
  }
  for (const p of mentionProblems(input.providerType, input.mentions)) {
    issues.push({ path: ['mentions', ...p.path], message: p.message });
  }
  if (issues.length > 0) throw new FieldIssuesError(issues);
  const settings = await readSettings(db, SYSTEM_TIMEZONE);
  const now = new Date();
  const r = renderNotification({
    type: input.notificationType,
    data: sampleData(input.notificationType, now),
    channel: input.providerType,
    locale: input.locale ?? (settings.locale as never),
    timezone: input.timezone ?? settings.timezone,
    now,
    config: channelOf(input.providerType).previewConfig,
    mentions: input.mentions ? { people: input.mentions.people, levels: input.mentions.levels ?? null } : null,
    ...(input.template ? { customTemplate: input.template as never } : {}),
    ...(publicUrl ? { links: { publicUrl } } : {}),
  });
  return { body: r.body, truncated: r.truncated, message: r.message };
}
