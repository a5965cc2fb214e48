import type { NotificationType } from '../domain.ts';
import { withLinks } from '../message/links.ts';
import type { ListItem, Message } from '../message/model.ts';
import type { BuildContext } from '../notifications/types.ts';
import { DIGESTS } from './digests.ts';
import { hasDigest } from './has-digest.ts';
import type { DigestDefinition, DigestPart } from './types.ts';

export function digestOf(type: NotificationType): DigestDefinition {
  if (!hasDigest(type)) throw new Error(`${type} notifications have no digest`);
  return DIGESTS[type] as DigestDefinition;
}

/** One list row per notification; a row reads the same in whichever part it lands. */
export function digestRows(type: NotificationType, items: unknown[], ctx: BuildContext): ListItem[] {
  const def = digestOf(type);
  return items.map((d) => def.row(d, ctx));
}

/** The message from rows already built (`rows[i]` is `items[i]`'s). */
export function assembleDigest(
  type: NotificationType,
  items: unknown[],
  rows: ListItem[],
  ctx: BuildContext,
  part?: DigestPart,
): Message {
  if (items.length === 0) throw new Error('a digest needs at least one notification');
  if (part && !(Number.isInteger(part.index) && part.index >= 1 && part.index <= part.total)) {
    throw new Error(`part.index must be a whole number from 1 to part.total (${part.total}), not ${part.index}`);
  }
  const { title, level, icon } = digestOf(type).summary(items, ctx.locale);
  return {
    title: part && part.total > 1 ? `${title} (${part.index}/${part.total})` : title,
    level,
    icon,
    sections: [{ blocks: [{ type: 'list', ordered: false, items: rows }] }],
    ...withLinks(ctx.links, ctx.locale),
    timestamp: ctx.now.toISOString(),
    timezone: ctx.timezone,
  };
}

/** One message carrying several notifications of one type (validated data of that type) for one target. */
export function buildDigestMessage(
  type: NotificationType,
  items: unknown[],
  ctx: BuildContext,
  part?: DigestPart,
): Message {
  return assembleDigest(type, items, digestRows(type, items, ctx), ctx, part);
}

/** Three notifications of a type, for previews of its digest. */
export function digestSample(type: NotificationType, now: Date): unknown[] {
  return digestOf(type).sample(now);
}
