import type { BindingMentions } from '../channels/mentions.ts';
import type { JsonObject } from '../channels/types.ts';
import type { ChannelType, Locale, NotificationType } from '../domain.ts';
import type { LinkContext } from '../message/links.ts';
import type { ListItem } from '../message/model.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { type BuildContext, DEFAULT_DIGEST_TEMPLATE } from '../notifications/types.ts';
import { type RenderedNotification, renderMessage } from '../render-notification.ts';
import { templateUses } from '../template/render.ts';
import { digestVariables } from '../template/variables.ts';
import { assembleDigest, digestRows } from './build-digest.ts';
import type { DigestPart } from './types.ts';

export type DigestInput = {
  type: NotificationType;
  /** Each item: that type's validated notification data. */
  items: unknown[];
  channel: ChannelType;
  locale: Locale;
  timezone: string;
  now: Date;
  /** The target's settings that are not secret (a chat id, a thread, recipients). */
  config?: Record<string, unknown>;
  /** The binding's mentions; the message's level decides whether they apply. */
  mentions?: BindingMentions | null;
  /** The target's or binding's template for this type. */
  customTemplate?: JsonObject;
  /** Herald's public address and the digest's delivery: the message links to what it carried. */
  links?: LinkContext;
};

/** A digest's exact body for its channel; a part's title ends with "(i/n)". */
export function renderDigest(input: DigestInput & { part?: DigestPart }): RenderedNotification {
  const ctx = contextOf(input);
  return renderDigestRows(input, digestRows(input.type, input.items, ctx), ctx, input.part);
}

export const contextOf = (input: DigestInput): BuildContext => ({
  locale: input.locale,
  timezone: input.timezone,
  now: input.now,
  ...(input.links ? { links: input.links } : {}),
});

/** As renderDigest, from rows already built for these items. */
export function renderDigestRows(
  input: DigestInput,
  rows: ListItem[],
  ctx: BuildContext,
  part: DigestPart | undefined,
): RenderedNotification {
  const message = assembleDigest(input.type, input.items, rows, ctx, part);
  return renderMessage(input, message, () => ({
    // A template made for single notifications would show one of them: a digest needs one that lists `items`.
    template:
      input.customTemplate && templateUses(input.customTemplate, 'items')
        ? input.customTemplate
        : (NOTIFICATIONS[input.type].defaultDigestTemplate ?? DEFAULT_DIGEST_TEMPLATE),
    variables: digestVariables(input.type, input.items, message, ctx),
  }));
}
