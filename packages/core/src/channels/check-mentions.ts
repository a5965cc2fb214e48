import type { ChannelType } from '../domain.ts';
import { channelOf } from './index.ts';

export type MentionProblem = { path: Array<string | number>; message: string };

/**
 * What is wrong with a binding's mentions for a target of `channel`, paths relative to the
 * mentions object: the save, the preview and the form all check them this way.
 */
export function mentionProblems(
  channel: ChannelType,
  mentions: { people: readonly string[] } | null | undefined,
): MentionProblem[] {
  if (!mentions || mentions.people.length === 0) return [];
  const spec = channelOf(channel).mentions;
  if (!spec) return [{ path: [], message: `${channel} can't mention people` }];
  const problems: MentionProblem[] = [];
  mentions.people.forEach((entry, i) => {
    const r = spec.parse(entry);
    if (!r.ok) problems.push({ path: ['people', i], message: r.error });
  });
  return problems;
}
