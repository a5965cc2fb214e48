import type { ChannelType, Locale } from '../domain.ts';
import type { Message } from '../message/model.ts';
import type { JsonValue, TemplateVariable } from '../notifications/types.ts';
import type { ChannelFields, OpenConfigOf, PlainConfigOf } from './fields.ts';
import type { Mention, MentionSpec } from './mentions.ts';
import type { ChannelPace } from './pace.ts';

export type JsonObject = { [key: string]: JsonValue };

/** What a renderer needs besides the message: nothing secret ever goes in here. */
export type RenderOptions<C = Record<string, unknown>> = {
  locale: Locale;
  /** The target's settings that are not secret (a chat id, a thread, recipients). */
  config?: C;
  custom?: { template: JsonObject; variables: Record<string, TemplateVariable> };
  /** People the binding asks to notify with this message (already filtered by level). */
  mentions?: Mention[];
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

/**
 * Everything Herald knows about one channel that is not I/O: its fields (which are secret,
 * their limits), its platform's size and rate limits, how it names people, and its renderer.
 * The database shape, sealing, hints, redaction, the API's view and the form derive from it.
 */
export type ChannelDefinition<T extends ChannelType = ChannelType, F extends ChannelFields = ChannelFields> = {
  type: T;
  fields: F;
  limit: ChannelLimit | null;
  /** What the platform allows one target (may depend on the target, e.g. a Telegram chat). */
  pace(config: PlainConfigOf<F>): ChannelPace;
  /** Settings a preview renders with when there is no target (a sample chat id). */
  previewConfig: PlainConfigOf<F>;
  /** How a binding names people to notify; null: the platform can't mention anyone. */
  mentions: MentionSpec | null;
  render(message: Message, options: RenderOptions<PlainConfigOf<F>>): Rendered;
  /** Rules across fields (a password needs a user), checked on create and on every update. */
  refine?(config: OpenConfigOf<F>): Array<{ field: keyof F & string; message: string }>;
};

/** Keeps a channel's field types (for the derived schemas and views) while checking its shape. */
export function defineChannel<const T extends ChannelType, const F extends ChannelFields>(
  def: ChannelDefinition<T, F>,
): ChannelDefinition<T, F> {
  return def;
}
