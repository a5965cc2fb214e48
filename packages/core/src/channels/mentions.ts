import { LEVELS, type Level } from '../message/model.ts';

/**
 * One person (or group) a message notifies, as parsed from a binding's entry by the target's
 * channel: `user` is the platform's user id (or @username), `mobile` a phone number, `role` a
 * Discord role, `all` everyone in the chat, `here` everyone active (Slack, Discord).
 */
export type Mention =
  | { kind: 'user'; id: string; label?: string }
  | { kind: 'mobile'; id: string }
  | { kind: 'role'; id: string }
  | { kind: 'all' }
  | { kind: 'here' };

export type MentionParse = { ok: true; mention: Mention } | { ok: false; error: string };

/** How a channel names people: what an entry may look like, and how to read one. */
export type MentionSpec = {
  /** Example entries, shown in the form and in errors. */
  examples: readonly string[];
  parse(entry: string): MentionParse;
};

/** A binding's mentions: who, and (optionally) only for messages of some levels. */
export type BindingMentions = { people: string[]; levels: Level[] | null };

/** The mentions a message of `level` carries: none when the binding limits them to other levels. */
export function mentionsFor(
  spec: MentionSpec | null,
  mentions: BindingMentions | null | undefined,
  level: Level,
): Mention[] {
  if (!spec || !mentions || mentions.people.length === 0) return [];
  if (mentions.levels && mentions.levels.length > 0 && !mentions.levels.includes(level)) return [];
  const out: Mention[] = [];
  for (const entry of mentions.people) {
    const r = spec.parse(entry);
    if (r.ok) out.push(r.mention);
  }
  return out;
}

export const MENTION_LEVELS = LEVELS;
