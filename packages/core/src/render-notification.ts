import { channelOf } from './channels/index.ts';
import { type BindingMentions, mentionsFor } from './channels/mentions.ts';
import type { JsonObject, Rendered, RenderOptions } from './channels/types.ts';
import type { ChannelType, Locale, NotificationType } from './domain.ts';
import type { LinkContext } from './message/links.ts';
import type { Message } from './message/model.ts';
import { NOTIFICATIONS } from './notifications/index.ts';
import type { BuildContext } from './notifications/types.ts';
import { templateVariables } from './template/variables.ts';

export type RenderNotificationInput = {
  type: NotificationType;
  /** Already validated against the type's data schema. */
  data: unknown;
  channel: ChannelType;
  locale: Locale;
  timezone: string;
  now: Date;
  /** The target's settings that are not secret (a chat id, a thread, recipients). */
  config?: Record<string, unknown>;
  /** The binding's mentions; the message's level decides whether they apply. */
  mentions?: BindingMentions | null;
  /** The custom target's template, or the binding's override. */
  customTemplate?: JsonObject;
  /** Herald's public address and the notification's id: the message links to the dashboard. */
  links?: LinkContext;
};

export type RenderedNotification = Rendered & { message: Message };

export function buildMessage(type: NotificationType, data: unknown, ctx: BuildContext): Message {
  return (NOTIFICATIONS[type] as { build(d: unknown, c: BuildContext): Message }).build(data, ctx);
}

/** From notification data to the exact body a channel sends: the path sends, tests and previews share. */
export function renderNotification(input: RenderNotificationInput): RenderedNotification {
  const ctx: BuildContext = {
    locale: input.locale,
    timezone: input.timezone,
    now: input.now,
    ...(input.links ? { links: input.links } : {}),
  };
  const message = buildMessage(input.type, input.data, ctx);
  return renderMessage(input, message, () => ({
    template: input.customTemplate ?? NOTIFICATIONS[input.type].defaultTemplate,
    variables: templateVariables(input.type, input.data, message, ctx),
  }));
}

/** A built message to a channel's body; `custom` is asked for only when the channel is custom. */
export function renderMessage(
  target: Pick<RenderNotificationInput, 'channel' | 'locale' | 'config' | 'mentions'>,
  message: Message,
  custom: () => NonNullable<RenderOptions['custom']>,
): RenderedNotification {
  const channel = channelOf(target.channel);
  const mentions = mentionsFor(channel.mentions, target.mentions, message.level);
  const rendered = channel.render(message, {
    locale: target.locale,
    config: target.config ?? {},
    ...(mentions.length > 0 ? { mentions } : {}),
    ...(target.channel === 'custom' ? { custom: custom() } : {}),
  });
  return { ...rendered, message };
}

/** Sample data for a type, e.g. for connectivity tests and previews. */
export function sampleData(type: NotificationType, now: Date): unknown {
  return NOTIFICATIONS[type].sample({ now });
}
