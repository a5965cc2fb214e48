import type { ChannelType, FieldsOf, TargetView } from '@herald/core';
import type { MantineColor } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import type { IconComponent } from '../components/icons.tsx';
import type { Language } from '../i18n/languages.ts';

/** How one field is labelled in the form. */
export type FieldText = {
  label: string;
  description?: string;
  placeholder?: string;
  /** Shown when the shared schema refuses the value (what a valid one looks like). */
  invalid?: string;
  /** A choice field's values in words (a value without one is shown as it is). */
  choices?: Partial<Record<string, string>>;
};

/** A channel's words in one dashboard language: its name, and a label for each of its fields. */
export type ChannelText<C extends ChannelType> = {
  name: string;
  fields: { [F in keyof FieldsOf<C> & string]: FieldText };
  /** How a binding names people on this platform (the mentions field's help), when it can. */
  mentionsHelp?: string;
};

/** The form's text values of a channel's fields (lists one per line, numbers as typed). */
export type FieldValues = Record<string, string>;

/** What a channel's own fields component gets from the target form. */
export type ChannelFieldsProps = {
  values: FieldValues;
  set: (field: string, value: string) => void;
  /** Secrets the admin asked to remove. */
  cleared: Record<string, boolean>;
  setCleared: (field: string, cleared: boolean) => void;
  errors: Partial<Record<string, string>>;
  /** The stored target when editing (secrets only as set/hint). */
  target: TargetView | null;
  /** One of the channel's plain fields as the generic form draws it (its label, kind and state). */
  field: (name: string) => ReactNode;
};

/**
 * One channel in the dashboard: its words in every language, its badge, and (only when the
 * generic fields built from its core definition are not enough) its own fields component.
 */
export type ChannelUi<C extends ChannelType> = {
  text: Record<Language, ChannelText<C>>;
  icon: IconComponent;
  color: MantineColor;
  /** Draws all of the channel's fields in its own order; `field(name)` draws a plain one generically. */
  Fields?: ComponentType<ChannelFieldsProps>;
  /** The text a new target's fields start with (e.g. a sample template). */
  defaults?: Partial<Record<keyof FieldsOf<C> & string, string>>;
  /** When the platform's pace depends on a setting, how to name each case's pace before it is known. */
  paceCases?: PaceCases<Partial<Record<keyof FieldsOf<C> & string, unknown>>>;
  /** What the platform's known error codes mean and what to do, by code as the log shows it ("310000"). */
  errorHints?: ErrorHints;
  /** Draws a body this channel sends the way its app shows it (without one: the JSON). */
  Preview?: ComponentType<ChannelPreviewProps>;
};

/** What a channel's preview gets: the exact body the server sends (any JSON: read it defensively). */
export type ChannelPreviewProps = { body: unknown };

/** A platform error code's meaning and the admin's next step, in one language. */
export type ErrorHintText = { meaning: string; action: string };
/**
 * One known error code: its words in every language, and the fix the log offers as a button
 * (`editTarget`: the target's settings are wrong, e.g. its signing secret).
 */
export type ErrorHint = { text: Record<Language, ErrorHintText>; fix?: 'editTarget' };
export type ErrorHints = Readonly<Record<string, ErrorHint>>;

/**
 * The cases of a pace that depends on the target's settings (Telegram: a group or a private chat):
 * a sample of the settings for each case by key, and a sentence naming each case's pace (`{{group}}`).
 */
export type PaceCases<Config> = { configs: Record<string, Config>; text: Record<Language, string> };

/** Any channel's words seen through the general type (for code that works on every channel). */
export type AnyChannelText = { name: string; fields: Partial<Record<string, FieldText>>; mentionsHelp?: string };

/** Any channel's dashboard unit seen through the general type. */
export type AnyChannelUi = Omit<ChannelUi<ChannelType>, 'text' | 'defaults' | 'paceCases'> & {
  text: Record<Language, AnyChannelText>;
  defaults?: Partial<Record<string, string>>;
  paceCases?: PaceCases<Record<string, unknown>>;
};
