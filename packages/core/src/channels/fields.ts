import type { z } from 'zod';

/**
 * How a channel's field is kept, shown and typed in. Secret kinds are sealed at rest, never
 * returned by the API (only whether they are set and a hint), and redacted from every log.
 */
export type FieldKind =
  /** Secret: a URL whose scheme and host may be shown. */
  | 'url'
  /** Secret: shown by its last characters only. */
  | 'secret'
  /** Secret: header name → value; the names may be shown. */
  | 'headers'
  | 'text'
  | 'number'
  /** Several values, one per line in the form (string[]). */
  | 'list'
  | 'choice'
  | 'boolean'
  /** A JSON template with placeholders (custom webhooks). */
  | 'template';

export const SECRET_KINDS = ['url', 'secret', 'headers'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export type FieldSpec = {
  kind: FieldKind;
  /** The value's schema; a field whose schema accepts `undefined` is optional. */
  schema: z.ZodType;
  /** A 'choice' field's values, in the order the form offers them. */
  choices?: readonly string[];
};

/** A channel's own fields (besides name, proxy, pace and the enabled switch), by API name. */
export type ChannelFields = Record<string, FieldSpec>;

export const isSecretKind = (kind: FieldKind): kind is SecretKind => (SECRET_KINDS as readonly string[]).includes(kind);

/** A field must be given on create when its schema refuses `undefined`. */
export const isRequiredField = (spec: FieldSpec): boolean => !spec.schema.safeParse(undefined).success;

type SecretKeys<F extends ChannelFields> = { [K in keyof F]: F[K]['kind'] extends SecretKind ? K : never }[keyof F];

/** A channel's settings as its renderer may see them: no secret is ever among them. */
export type PlainConfigOf<F extends ChannelFields> = {
  [K in Exclude<keyof F, SecretKeys<F>>]?: NonNullable<z.infer<F[K]['schema']>> | null;
};

/** A channel's settings with its secrets opened: what its sender gets. */
export type OpenConfigOf<F extends ChannelFields> = {
  [K in keyof F]?: NonNullable<z.infer<F[K]['schema']>> | null;
};
