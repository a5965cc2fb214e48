import {
  type BindingView,
  CHANNEL_TYPES,
  type ChannelType,
  checkTemplate,
  type Level,
  mentionProblems,
  type NotificationType,
  SetBindingsInput,
} from '@herald/core';
import { issueText } from '../../lib/errors.ts';
import { cronProblem } from './cron.ts';
import {
  type QuietHoursDraft,
  type QuietHoursMessages,
  quietHoursDraftOf,
  quietHoursProblems,
  quietHoursValue,
} from './quiet-hours.ts';

/** One bound target as the form edits it. */
export type BindingDraft = {
  targetId: string;
  targetName: string;
  /** The target's channel: a template override applies only to `custom`. */
  targetType: string;
  isEnabled: boolean;
  scheduleCron: string;
  /** '' = the system zone. */
  scheduleTimezone: string;
  /** The override as JSON text; null = none (the target's own template is used). */
  templateText: string | null;
  quietHours: QuietHoursDraft;
  /** People to notify; `levels` empty = every level. */
  mentions: MentionsDraft;
};

export type MentionsDraft = { people: string[]; levels: Level[] };
export const NO_MENTIONS: MentionsDraft = { people: [], levels: [] };

/** The target's channel, when it is one Herald knows (mentions are read by it). */
export const channelTypeOf = (type: string): ChannelType | null =>
  (CHANNEL_TYPES as readonly string[]).includes(type) ? (type as ChannelType) : null;

/** The value bindings.set takes: null when nobody is named. */
export function mentionsValue(m: MentionsDraft): { people: string[]; levels: Level[] | null } | null {
  const people = m.people.map((p) => p.trim()).filter(Boolean);
  return people.length === 0 ? null : { people, levels: m.levels.length > 0 ? m.levels : null };
}

export function draftOf(b: BindingView): BindingDraft {
  return {
    targetId: b.targetId,
    targetName: b.targetName,
    targetType: b.targetType,
    isEnabled: b.isEnabled,
    scheduleCron: b.scheduleCron ?? '',
    scheduleTimezone: b.scheduleTimezone ?? '',
    templateText: b.templateOverride ? JSON.stringify(b.templateOverride, null, 2) : null,
    quietHours: quietHoursDraftOf(b.quietHours),
    mentions: b.mentions ? { people: b.mentions.people, levels: b.mentions.levels ?? [] } : NO_MENTIONS,
  };
}

/** The override's JSON, or why it is not a JSON object. */
export function parseOverride(text: string): { template: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a JSON object' };
    return { template: value as Record<string, unknown> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The template's problems for one notification type, one line each (the check the server runs). */
export function overrideProblems(template: Record<string, unknown>, type: NotificationType): string[] {
  return checkTemplate(template, type).map((p) => {
    const text = issueText({ ...p, message: p.problem });
    return p.path ? `${p.path}: ${text}` : text;
  });
}

export type DraftMessages = {
  invalidJson: (message: string) => string;
  cronFields: string;
  cronInvalid: string;
  quietHours: QuietHoursMessages;
};

/**
 * The bindings.set input, checked here first with the server's own schema (time zones, template
 * placeholders) and the server's cron check; errors are keyed by the server's paths
 * (`bindings.0.scheduleCron`), so server and browser errors land at the same field.
 */
export function buildBindingsInput(
  type: NotificationType,
  drafts: BindingDraft[],
  scheduled: boolean,
  messages: DraftMessages,
): { input: SetBindingsInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const bindings = drafts.map((b, i) => {
    let templateOverride: Record<string, unknown> | null = null;
    if (b.targetType === 'custom' && b.templateText !== null) {
      const parsed = parseOverride(b.templateText);
      if ('error' in parsed) errors[`bindings.${i}.templateOverride`] = messages.invalidJson(parsed.error);
      else templateOverride = parsed.template;
    }
    const cron = b.scheduleCron.trim();
    const zone = b.scheduleTimezone.trim();
    if (scheduled && cron) {
      const problem = cronProblem(cron, zone || 'UTC');
      if (problem)
        errors[`bindings.${i}.scheduleCron`] = problem === 'fields' ? messages.cronFields : messages.cronInvalid;
    }
    for (const [field, message] of Object.entries(quietHoursProblems(b.quietHours, messages.quietHours))) {
      errors[`bindings.${i}.quietHours.${field}`] = message;
    }
    const mentions = mentionsValue(b.mentions);
    const channel = channelTypeOf(b.targetType);
    for (const p of channel ? mentionProblems(channel, mentions) : []) {
      errors[['bindings', i, 'mentions', ...p.path].join('.')] = p.message;
    }
    return {
      targetId: b.targetId,
      isEnabled: b.isEnabled,
      templateOverride,
      quietHours: quietHoursValue(b.quietHours),
      mentions,
      ...(scheduled && { scheduleCron: cron || null, scheduleTimezone: zone || null }),
    };
  });
  const checked = SetBindingsInput.safeParse({ notificationType: type, bindings });
  if (!checked.success) {
    for (const issue of checked.error.issues) errors[issue.path.map(String).join('.')] ??= issueText(issue);
  }
  return { input: Object.keys(errors).length === 0 && checked.success ? checked.data : null, errors };
}

/** The first error at `key` or under it (`bindings.0.templateOverride.title`), if any. */
export function errorAt(errors: Record<string, string>, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`));
  return nested ? `${nested.slice(key.length + 1)}: ${errors[nested]}` : undefined;
}
