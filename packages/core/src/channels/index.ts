import type { ChannelType } from '../domain.ts';
import { custom } from './custom.ts';
import { dingtalk } from './dingtalk.ts';
import { discord } from './discord.ts';
import { email } from './email.ts';
import { feishu } from './feishu.ts';
import { type ChannelFields, type FieldSpec, isSecretKind } from './fields.ts';
import { ntfy } from './ntfy.ts';
import type { ChannelPace } from './pace.ts';
import { slack } from './slack.ts';
import { teams } from './teams.ts';
import { telegram } from './telegram.ts';
import type { ChannelDefinition } from './types.ts';
import { wechat } from './wechat.ts';

/**
 * Every channel Herald sends to. A new channel is its own file plus one line here (and one in
 * each layer's registry: the server's senders, the dashboard's fields, the test fakes).
 */
export const CHANNELS = {
  wechat,
  feishu,
  dingtalk,
  telegram,
  custom,
  slack,
  discord,
  teams,
  ntfy,
  email,
} satisfies { [T in ChannelType]: ChannelDefinition<T, ChannelFields> };

export type Channels = typeof CHANNELS;
/** One channel's own fields, by API name. */
export type FieldsOf<T extends ChannelType> = Channels[T]['fields'];
/** Every channel's fields together (a name shared by channels means the same thing in each). */
export type AllChannelFields = UnionToIntersection<FieldsOf<ChannelType>>;
export type ChannelFieldName = keyof AllChannelFields & string;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Any channel's definition, seen through the general type (for code that works on every channel). */
export const channelOf = (type: ChannelType): ChannelDefinition => CHANNELS[type] as unknown as ChannelDefinition;

/** Every field name any channel has, with its spec (the first channel's; all agree, see the test). */
export const CHANNEL_FIELDS: ReadonlyMap<ChannelFieldName, FieldSpec> = new Map(
  Object.values(CHANNELS).flatMap((c) => Object.entries(c.fields as ChannelFields)) as Array<
    [ChannelFieldName, FieldSpec]
  >,
);

/** Names of the fields that are secret in any channel: sealed, hinted, redacted. */
export const SECRET_FIELD_NAMES: readonly ChannelFieldName[] = [...CHANNEL_FIELDS]
  .filter(([, spec]) => isSecretKind(spec.kind))
  .map(([name]) => name);

/** What each platform allows one target (from the target's plain settings). */
export const CHANNEL_PACE = Object.fromEntries(
  Object.values(CHANNELS).map((c) => [c.type, (config: Record<string, unknown>) => channelOf(c.type).pace(config)]),
) as Record<ChannelType, (config: Record<string, unknown>) => ChannelPace>;

export { SigningSecret } from './custom.ts';
export type { ChannelFields, FieldKind, FieldSpec, OpenConfigOf, PlainConfigOf, SecretKind } from './fields.ts';
export { isRequiredField, isSecretKind, SECRET_KINDS } from './fields.ts';
export type { BindingMentions, Mention, MentionParse, MentionSpec } from './mentions.ts';
export { mentionsFor } from './mentions.ts';
export { NTFY_MESSAGE_MAX_BYTES, ntfyRootOf, ntfyTopicOf } from './ntfy.ts';
export type { ChannelPace, RateLimit } from './pace.ts';
export { MINUTE_MS, paceIntervalMs, perMinuteOf } from './pace.ts';
export { TelegramBotToken, TelegramChatId } from './telegram.ts';
export type { ChannelDefinition, ChannelLimit, JsonObject, Rendered, RenderOptions } from './types.ts';
export { defineChannel } from './types.ts';
