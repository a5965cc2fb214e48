import type { z } from 'zod';
import type { Locale, NotificationType } from '../domain.ts';
import type { LinkContext } from '../message/links.ts';
import type { Message } from '../message/model.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A template variable: its text for `{{name}}` inside strings, its JSON for `{{json:name}}`. */
export type TemplateVariable = { text: string; json: JsonValue };

export type BuildContext = {
  locale: Locale;
  /** IANA zone times are shown in (binding → settings → UTC, resolved by the caller). */
  timezone: string;
  /** When the message is built; a parameter so output is reproducible. */
  now: Date;
  /** Herald's public address and this message's ids: builders add links to the dashboard. */
  links?: LinkContext;
};

export type VariableDoc = { name: string; description: Record<Locale, string>; example: string };

export type NotificationDefinition<Schema extends z.ZodType = z.ZodType> = {
  type: NotificationType;
  /** The data a notification of this type carries (what the engine or a hub supplies). */
  data: Schema;
  build(data: z.output<Schema>, ctx: BuildContext): Message;
  /** Type-specific custom-template variables (the common ones are added by the template module). */
  variables(data: z.output<Schema>, ctx: BuildContext): Record<string, TemplateVariable>;
  variableDocs: VariableDoc[];
  /** The spec's default custom-webhook template for this type. */
  defaultTemplate: Record<string, JsonValue>;
  /** Types that have digests: a digest's template when the target's does not list `items`. */
  defaultDigestTemplate?: Record<string, JsonValue>;
  sample(ctx: Pick<BuildContext, 'now'>): z.output<Schema>;
};

export const text = (value: string | number): TemplateVariable => ({ text: String(value), json: value });

/** `{ title, count, items }`: a digest's default custom-webhook body (one notification's fields would name just one). */
export const DEFAULT_DIGEST_TEMPLATE: Record<string, JsonValue> = {
  title: '{{title}}',
  count: '{{json:count}}',
  items: '{{json:items}}',
};
