import { type ChannelType, checkTemplate, TargetConfig, type TargetView } from '@herald/core';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { parsePace } from './platform-pace.ts';

/** Secrets the form shows as password inputs; on edit, left empty means "keep". */
export const SECRET_INPUTS = [
  'webhookUrl',
  'feishuSecret',
  'dingtalkSecret',
  'telegramBotToken',
  'signingSecret',
  'proxyUrl',
  'customHeaders',
] as const;
export type SecretInput = (typeof SECRET_INPUTS)[number];

export type TargetFormValues = {
  providerType: ChannelType;
  name: string;
  webhookUrl: string;
  feishuSecret: string;
  dingtalkSecret: string;
  telegramBotToken: string;
  telegramChatId: string;
  telegramTopicId: string;
  customTemplate: string;
  customHeaders: string;
  signingSecret: string;
  proxyUrl: string;
  proxyFallbackToDirect: boolean;
  isEnabled: boolean;
  /** Messages per minute as typed; '' = the platform's own pace. */
  pacePerMinute: string;
  /** Secrets the admin asked to remove (sent as null). */
  cleared: Partial<Record<SecretInput, boolean>>;
};

export const DEFAULT_TEMPLATE = {
  title: '{{title}}',
  level: '{{level}}',
  content: '{{sections}}',
  type: '{{notification_type}}',
  timestamp: '{{timestamp}}',
};

/** The fields each channel has, besides name, proxy and enabled. */
export const CHANNEL_FIELDS: Record<ChannelType, readonly (keyof TargetFormValues)[]> = {
  wechat: ['webhookUrl'],
  feishu: ['webhookUrl', 'feishuSecret'],
  dingtalk: ['webhookUrl', 'dingtalkSecret'],
  telegram: ['telegramBotToken', 'telegramChatId', 'telegramTopicId'],
  custom: ['webhookUrl', 'customTemplate', 'customHeaders', 'signingSecret'],
};

export function initialValues(target: TargetView | null): TargetFormValues {
  return {
    providerType: target?.providerType ?? 'wechat',
    name: target?.name ?? '',
    webhookUrl: '',
    feishuSecret: '',
    dingtalkSecret: '',
    telegramBotToken: '',
    telegramChatId: target?.telegramChatId ?? '',
    telegramTopicId: target?.telegramTopicId != null ? String(target.telegramTopicId) : '',
    customTemplate: JSON.stringify(target?.customTemplate ?? DEFAULT_TEMPLATE, null, 2),
    customHeaders: '',
    signingSecret: '',
    proxyUrl: '',
    proxyFallbackToDirect: target?.proxyFallbackToDirect ?? false,
    isEnabled: target?.isEnabled ?? true,
    pacePerMinute: target?.pacePerMinute != null ? String(target.pacePerMinute) : '',
    cleared: {},
  };
}

export type FieldErrors = Partial<Record<keyof TargetFormValues, string>>;

/** "Name: value" lines as a header map, or the first bad line. */
export function parseHeaders(text: string): { headers: Record<string, string> } | { badLine: number } {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { badLine: i + 1 };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}

export function parseTemplate(text: string): { template: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a JSON object' };
    return { template: value as Record<string, unknown> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The template's problems as one line each, from the same check the server runs. */
export function templateProblems(template: Record<string, unknown>): string[] {
  return checkTemplate(template).map((p) =>
    [p.path || null, p.placeholder || null, p.problem].filter(Boolean).join(' '),
  );
}

type Built = { input: Record<string, unknown>; errors: FieldErrors };

/**
 * The create input (every field of the channel) or the update patch (secrets left empty are
 * left out, cleared ones are null), with the problems found while reading the form.
 */
export function buildInput(values: TargetFormValues, editing: boolean, t: TFunction): Built {
  const errors: FieldErrors = {};
  const fields = CHANNEL_FIELDS[values.providerType];
  const input: Record<string, unknown> = {
    providerType: values.providerType,
    name: values.name,
    proxyFallbackToDirect: values.proxyFallbackToDirect,
    isEnabled: values.isEnabled,
  };
  const secret = (field: SecretInput, text: string, value: unknown = text.trim()) => {
    if (values.cleared[field]) input[field] = null;
    else if (text.trim() !== '') input[field] = value;
    else if (!editing && (field === 'webhookUrl' || field === 'telegramBotToken')) input[field] = '';
  };
  secret('proxyUrl', values.proxyUrl);
  const pace = parsePace(values.pacePerMinute);
  if ('error' in pace) errors.pacePerMinute = t('targets.form.invalidPace');
  // Empty: the platform's pace (null clears a pace set before).
  else if (pace.value !== null || editing) input.pacePerMinute = pace.value;
  for (const field of fields) {
    switch (field) {
      case 'webhookUrl':
      case 'feishuSecret':
      case 'dingtalkSecret':
      case 'telegramBotToken':
      case 'signingSecret':
        secret(field, values[field]);
        break;
      case 'telegramChatId':
        input.telegramChatId = values.telegramChatId.trim();
        break;
      case 'telegramTopicId': {
        const text = values.telegramTopicId.trim();
        if (text === '') input.telegramTopicId = null;
        else if (/^\d+$/.test(text)) input.telegramTopicId = Number(text);
        else errors.telegramTopicId = t('targets.form.invalidTopicId');
        break;
      }
      case 'customTemplate': {
        const parsed = parseTemplate(values.customTemplate);
        if ('error' in parsed) errors.customTemplate = t('targets.form.invalidJson', { message: parsed.error });
        else input.customTemplate = parsed.template;
        break;
      }
      case 'customHeaders': {
        const parsed = parseHeaders(values.customHeaders);
        if ('badLine' in parsed) {
          errors.customHeaders = t('targets.form.invalidHeaders', {
            message: t('targets.form.invalidHeaderLine', { line: parsed.badLine }),
          });
        } else secret('customHeaders', values.customHeaders, parsed.headers);
        break;
      }
    }
  }
  return { input, errors };
}

/** The channel's schema: the whole one for create, its fields optional for a patch. */
function schemaFor(type: ChannelType, partial: boolean): z.ZodType {
  const option = TargetConfig.options.find((o) => o.shape.providerType.value === type);
  if (!option) throw new Error(`unknown channel ${type}`);
  return partial ? option.partial() : option;
}

/** A message in the UI language for a field the shared schema refused. */
export function fieldMessage(field: string, serverMessage: string, t: TFunction): string {
  switch (field) {
    case 'name':
      return t('targets.form.nameRequired');
    case 'webhookUrl':
      return t('targets.form.invalidUrl');
    case 'feishuSecret':
    case 'dingtalkSecret':
      return t('targets.form.invalidSecret');
    case 'telegramBotToken':
      return t('targets.form.invalidBotToken');
    case 'telegramChatId':
      return t('targets.form.invalidChatId');
    case 'telegramTopicId':
      return t('targets.form.invalidTopicId');
    case 'signingSecret':
      return t('targets.form.invalidSigningSecret');
    case 'proxyUrl':
      return t('targets.form.invalidProxy');
    case 'customTemplate':
      return t('targets.form.invalidTemplate', { problems: serverMessage });
    case 'customHeaders':
      return t('targets.form.invalidHeaders', { message: serverMessage });
    case 'pacePerMinute':
      return t('targets.form.invalidPace');
    default:
      return t('targets.form.invalidField', { message: serverMessage });
  }
}

/** Issues (from zod or the server's BAD_REQUEST) grouped by their top-level field. */
export function errorsFromIssues(
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
  t: TFunction,
): FieldErrors {
  const raw: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String);
    const field = path[0] && path[0] !== '(input)' ? path[0] : 'name';
    const detail = path.length > 1 ? `${path.slice(1).join('.')}: ${issue.message}` : issue.message;
    raw[field] = [...(raw[field] ?? []), detail];
  }
  return Object.fromEntries(
    Object.entries(raw).map(([field, messages]) => [field, fieldMessage(field, messages.join('; '), t)]),
  ) as FieldErrors;
}

/** Reads and checks the form with the shared schema; returns what to send or the field errors. */
export function validateTarget(
  values: TargetFormValues,
  editing: boolean,
  t: TFunction,
): { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const { input, errors } = buildInput(values, editing, t);
  const parsed = schemaFor(values.providerType, editing).safeParse(input);
  const all: FieldErrors = parsed.success ? {} : errorsFromIssues(parsed.error.issues, t);
  Object.assign(all, errors);
  if (Object.keys(all).length > 0) return { ok: false, errors: all };
  return { ok: true, input };
}
