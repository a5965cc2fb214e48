import { checkTemplate, type FieldKind } from '@herald/core';
import { issueText } from '../lib/errors.ts';

/** "Name: value" lines as a header map, or the first bad line. */
export function parseHeaders(text: string): { headers: Record<string, string> } | { badLine: number } {
  const headers: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { badLine: i + 1 };
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { headers };
}

/** A JSON object, or why the text is not one. */
export function parseTemplate(text: string): { template: Record<string, unknown> } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a JSON object' };
    return { template: value as Record<string, unknown> };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The template's problems as one line each in the admin's language, from the same check the server runs. */
export function templateProblems(template: Record<string, unknown>): string[] {
  return checkTemplate(template).map((p) => {
    const text = issueText({ ...p, message: p.problem });
    return p.path ? `${p.path}: ${text}` : text;
  });
}

/** Why a field's text could not be read as its kind's value. */
export type ReadProblem =
  | { kind: 'number'; text: string }
  | { kind: 'json'; message: string }
  | { kind: 'headerLine'; line: number };

/**
 * A field's text as the value the API takes for its kind: a number, a list of its non-empty
 * lines, a JSON template, a header map, a switch's 'true'/'false'; else the trimmed text.
 * Empty text is `undefined` (the caller decides between "keep", "unset" and "required").
 */
export function readField(kind: FieldKind, text: string): { value: unknown } | { problem: ReadProblem } {
  const trimmed = text.trim();
  if (trimmed === '' && kind !== 'boolean') return { value: undefined };
  switch (kind) {
    case 'number': {
      const n = Number(trimmed);
      return Number.isFinite(n) ? { value: n } : { problem: { kind: 'number', text: trimmed } };
    }
    case 'list':
      return {
        value: text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== ''),
      };
    case 'boolean':
      return { value: trimmed === 'true' };
    case 'template': {
      const parsed = parseTemplate(text);
      return 'error' in parsed ? { problem: { kind: 'json', message: parsed.error } } : { value: parsed.template };
    }
    case 'headers': {
      const parsed = parseHeaders(text);
      return 'badLine' in parsed
        ? { problem: { kind: 'headerLine', line: parsed.badLine } }
        : { value: parsed.headers };
    }
    default:
      return { value: trimmed };
  }
}

/** A stored (non-secret) value as the form's text: lists one per line, templates as indented JSON. */
export function textOfValue(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'list':
      return Array.isArray(value) ? value.join('\n') : String(value);
    case 'template':
      return JSON.stringify(value, null, 2);
    default:
      return String(value);
  }
}
