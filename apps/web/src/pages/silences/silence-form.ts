import { CreateSilenceInput, type NotificationType, type SilenceMatcher } from '@herald/core';
import type { z } from 'zod';

/** A checked `silences.create` input (ids as strings, the reason trimmed). */
export type NewSilence = z.output<typeof CreateSilenceInput>;

/** The duration presets, in minutes; `custom` takes typed minutes. */
export const DURATION_PRESETS = { '1h': 60, '4h': 240, '1d': 1_440 } as const;
export type DurationChoice = keyof typeof DURATION_PRESETS | 'custom';

export type SilenceFormValues = {
  kind: SilenceMatcher['kind'];
  /** The provider's or user's id, as the hub reports it. */
  id: string;
  notificationType: NotificationType | null;
  duration: DurationChoice;
  customMinutes: number | string;
  reason: string;
};

export const INITIAL_SILENCE: SilenceFormValues = {
  kind: 'provider',
  id: '',
  notificationType: null,
  duration: '1h',
  customMinutes: '',
  reason: '',
};

/** The form's fields an error can land at. */
export type SilenceField = 'matcher' | 'durationMinutes' | 'reason';

/** The field a schema or server issue path (`matcher.providerId`, `durationMinutes`) belongs to. */
export function silenceFieldOf(path: string): SilenceField | null {
  const head = path.split('.')[0];
  return head === 'matcher' || head === 'durationMinutes' || head === 'reason' ? head : null;
}

export function durationMinutes(values: SilenceFormValues): number {
  if (values.duration !== 'custom') return DURATION_PRESETS[values.duration];
  const typed = values.customMinutes;
  return typeof typed === 'number' ? typed : typed.trim() === '' ? Number.NaN : Number(typed);
}

function matcherOf(values: SilenceFormValues): unknown {
  const id = values.id.trim();
  switch (values.kind) {
    case 'provider':
      return { kind: 'provider', providerId: id };
    case 'user':
      return { kind: 'user', userId: id };
    case 'type':
      return { kind: 'type', notificationType: values.notificationType ?? undefined };
  }
}

/** The `silences.create` input, checked with the server's schema; or the fields it refuses. */
export function buildSilenceInput(
  values: SilenceFormValues,
): { ok: true; input: NewSilence } | { ok: false; fields: SilenceField[] } {
  const candidate = { matcher: matcherOf(values), durationMinutes: durationMinutes(values), reason: values.reason };
  const checked = CreateSilenceInput.safeParse(candidate);
  if (checked.success) return { ok: true, input: checked.data };
  const fields = new Set<SilenceField>();
  for (const issue of checked.error.issues) {
    const field = silenceFieldOf(issue.path.map(String).join('.'));
    if (field) fields.add(field);
  }
  return { ok: false, fields: [...fields] };
}

/** Where a refusal from the server belongs: its field issues (BAD_REQUEST), by their paths. */
export function serverSilenceErrors(issues: Record<string, string>): Partial<Record<SilenceField, string>> {
  const out: Partial<Record<SilenceField, string>> = {};
  for (const [path, text] of Object.entries(issues)) {
    const field = silenceFieldOf(path);
    if (field) out[field] ??= text;
  }
  return out;
}
