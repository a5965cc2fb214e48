import {
  CHANNEL_FIELDS,
  type ChannelType,
  channelConfigSchema,
  channelOf,
  type FieldSpec,
  isRequiredField,
  isSecretKind,
  type TargetView,
} from '@herald/core';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { type ReadProblem, readField, textOfValue } from '../../channels/field-values.ts';
import { type AnyChannelUi, CHANNEL_UI, fieldTextOf } from '../../channels/index.ts';
import type { Language } from '../../i18n/languages.ts';
import { type IssueLike, issueText, type Translate } from '../../lib/errors.ts';
import { type PlainConfig, parsePace } from './platform-pace.ts';

export type TargetFormValues = {
  providerType: ChannelType;
  name: string;
  proxyUrl: string;
  proxyFallbackToDirect: boolean;
  isEnabled: boolean;
  /** Messages per minute as typed; '' = the platform's own pace. */
  pacePerMinute: string;
  /**
   * Channel fields as typed, by API name (lists one per line, numbers as text, templates as JSON).
   * Kept across a change of channel: a name shared by channels means the same thing in each.
   */
  fields: Record<string, string>;
  /** Secrets the admin asked to remove (sent as null), by field name (the proxy's too). */
  cleared: Record<string, boolean>;
};

/** Problems by field name (a channel field's API name, or name/proxyUrl/pacePerMinute). */
export type FieldErrors = Partial<Record<string, string>>;

/** The UI's words: i18next for the catalogue, the language for the channels' own texts. */
export type FormText = { t: TFunction; language: Language };

/** What every channel's new target starts with (a sample template, …). */
const DEFAULTS: Record<string, string> = Object.assign(
  {},
  ...Object.values(CHANNEL_UI).map((ui) => (ui as AnyChannelUi).defaults),
);

export function initialValues(target: TargetView | null): TargetFormValues {
  const fields: Record<string, string> = { ...DEFAULTS };
  if (target) {
    const view = target as unknown as Record<string, unknown>;
    for (const [name, spec] of Object.entries(channelOf(target.providerType).fields)) {
      // A secret is never shown: its input starts empty and means "keep".
      fields[name] = isSecretKind(spec.kind) ? '' : textOfValue(spec.kind, view[name]);
    }
  }
  return {
    providerType: target?.providerType ?? 'wechat',
    name: target?.name ?? '',
    proxyUrl: '',
    proxyFallbackToDirect: target?.proxyFallbackToDirect ?? false,
    isEnabled: target?.isEnabled ?? true,
    pacePerMinute: target?.pacePerMinute != null ? String(target.pacePerMinute) : '',
    fields,
    cleared: {},
  };
}

/** The kind's message for a field whose value is refused (the channel's own words when it has them). */
function refusedMessage(
  type: ChannelType,
  field: string,
  spec: FieldSpec,
  message: string,
  { t, language }: FormText,
): string {
  // A URL's issue text already says which rule it breaks (https on a platform host, no user:password@).
  if (spec.kind === 'url') return message;
  return fieldTextOf(type, field, language).invalid ?? t(`targets.form.invalidKind.${spec.kind}`, { message });
}

function problemMessage(type: ChannelType, field: string, spec: FieldSpec, problem: ReadProblem, ui: FormText) {
  switch (problem.kind) {
    case 'number':
      return refusedMessage(type, field, spec, problem.text, ui);
    case 'json':
      return ui.t('targets.form.invalidJson', { message: problem.message });
    case 'headerLine':
      return ui.t('targets.form.invalidKind.headers', {
        message: ui.t('targets.form.invalidHeaderLine', { line: problem.line }),
      });
  }
}

/** What an empty input sends: a text '' so the schema names a required one; otherwise null (unset). */
const emptyValue = (spec: FieldSpec) =>
  isRequiredField(spec) && (spec.kind === 'text' || spec.kind === 'choice') ? '' : null;

type Built = { input: Record<string, unknown>; errors: FieldErrors };

/**
 * The create input (every field of the channel) or the update patch, by each field's kind:
 * a secret left empty is kept on edit (left out) and on create sent as '' only when required
 * (so the schema names it); a cleared one is null. Numbers, lists and templates are read from
 * their text, with the problems found while reading.
 */
export function buildInput(values: TargetFormValues, editing: boolean, ui: FormText): Built {
  const errors: FieldErrors = {};
  const type = values.providerType;
  const input: Record<string, unknown> = {
    providerType: type,
    name: values.name,
    proxyFallbackToDirect: values.proxyFallbackToDirect,
    isEnabled: values.isEnabled,
  };
  if (values.cleared.proxyUrl) input.proxyUrl = null;
  else if (values.proxyUrl.trim() !== '') input.proxyUrl = values.proxyUrl.trim();
  const pace = parsePace(values.pacePerMinute);
  if ('error' in pace) errors.pacePerMinute = ui.t('targets.form.invalidPace');
  // Empty: the platform's pace (null clears a pace set before).
  else if (pace.value !== null || editing) input.pacePerMinute = pace.value;

  for (const [name, spec] of Object.entries(channelOf(type).fields)) {
    const text = values.fields[name] ?? '';
    if (isSecretKind(spec.kind)) {
      if (values.cleared[name]) {
        input[name] = null;
        continue;
      }
      if (text.trim() === '') {
        if (!editing && isRequiredField(spec)) input[name] = '';
        continue;
      }
    }
    const read = readField(spec.kind, text);
    if ('problem' in read) errors[name] = problemMessage(type, name, spec, read.problem, ui);
    else input[name] = read.value === undefined ? emptyValue(spec) : read.value;
  }
  return { input, errors };
}

/** The channel's settings that are not secret, as typed so far (for its pace). */
export function plainConfigOfValues(values: TargetFormValues): PlainConfig {
  const config: PlainConfig = {};
  for (const [name, spec] of Object.entries(channelOf(values.providerType).fields)) {
    if (isSecretKind(spec.kind)) continue;
    const read = readField(spec.kind, values.fields[name] ?? '');
    config[name] = 'value' in read ? (read.value ?? null) : null;
  }
  return config;
}

/** A message in the UI language for a field the shared schema (or the server) refused. */
export function fieldMessage(type: ChannelType, field: string, serverMessage: string, ui: FormText): string {
  switch (field) {
    case 'name':
      return ui.t('targets.form.nameRequired');
    case 'proxyUrl':
      return ui.t('targets.form.invalidProxy');
    case 'pacePerMinute':
      return ui.t('targets.form.invalidPace');
  }
  const spec = channelOf(type).fields[field] ?? CHANNEL_FIELDS.get(field as never);
  return spec
    ? refusedMessage(type, field, spec, serverMessage, ui)
    : ui.t('targets.form.invalidKind.text', { message: serverMessage });
}

/** Issues (from zod or the server's BAD_REQUEST) grouped by their top-level field. */
export function errorsFromIssues(
  type: ChannelType,
  issues: readonly (IssueLike & { path: readonly PropertyKey[] | string; message: string })[],
  ui: FormText,
): FieldErrors {
  const raw: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String);
    const field = path[0] && path[0] !== '(input)' ? path[0] : 'name';
    const text = issueText(issue, ui.t as unknown as Translate);
    const detail = path.length > 1 ? `${path.slice(1).join('.')}: ${text}` : text;
    raw[field] = [...(raw[field] ?? []), detail];
  }
  return Object.fromEntries(
    Object.entries(raw).map(([field, messages]) => [field, fieldMessage(type, field, messages.join('; '), ui)]),
  );
}

/**
 * The channel's schema: the whole one for create; for a patch its fields optional, without the
 * checks across fields (they involve stored secrets the form never sees; the server runs them).
 */
function schemaFor(type: ChannelType, partial: boolean): z.ZodType {
  const schema = channelConfigSchema(type);
  return partial ? z.object(schema.shape).partial() : schema;
}

/** Reads and checks the form with the shared schema; returns what to send or the field errors. */
export function validateTarget(
  values: TargetFormValues,
  editing: boolean,
  ui: FormText,
): { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const { input, errors } = buildInput(values, editing, ui);
  const parsed = schemaFor(values.providerType, editing).safeParse(input);
  const all: FieldErrors = parsed.success ? {} : errorsFromIssues(values.providerType, parsed.error.issues, ui);
  Object.assign(all, errors);
  if (Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, input };
}
