import type { ChannelType, Locale } from '../domain.ts';
import type { Message } from '../message/model.ts';
import type { JsonValue, TemplateVariable } from '../notifications/types.ts';

export type JsonObject = { [key: string]: JsonValue };

/** What a renderer needs besides the message: nothing secret ever goes in here. */
export type RenderOptions = {
  locale: Locale;
  telegram?: { chatId: string; topicId?: number | null };
  custom?: { template: JsonObject; variables: Record<string, TemplateVariable> };
};

export type Rendered = { body: JsonObject; truncated: boolean };

export type ChannelLimit = {
  max: number;
  unit: 'bytes' | 'characters';
  /** What the limit applies to, as the platform documents it. */
  appliesTo: string;
  /** The size of a rendered body in that unit. */
  measure(body: JsonObject): number;
};

export type ChannelDefinition = {
  type: ChannelType;
  limit: ChannelLimit | null;
  render(message: Message, options: RenderOptions): Rendered;
};
