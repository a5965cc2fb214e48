import type { NotificationType } from '../domain.ts';
import type { JsonValue, TemplateVariable } from '../notifications/types.ts';
import type { IssueCode } from '../schemas/issue-codes.ts';
import { knownVariableNames } from './variables.ts';

/**
 * Custom-webhook templates: a JSON object whose string values may hold placeholders.
 * - `{{name}}` inside a string is replaced by the variable's text (the result stays a string).
 * - A string that is exactly `{{json:name}}` is replaced by the variable's JSON value, so
 *   `"entries": "{{json:entries_json}}"` sends a real array and `"{{json:failure_count}}"` a number.
 * Substitution is one pass: a value that itself looks like a placeholder is not expanded again.
 */
const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;
const JSON_PLACEHOLDER = /^\{\{\s*json:\s*([a-z0-9_]+)\s*\}\}$/;
const ANY_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** One problem: where, the placeholder at fault, in English, and as an issue code with its params. */
export type TemplateProblem = {
  path: string;
  placeholder: string;
  problem: string;
  code: Extract<IssueCode, `template.${string}`>;
  params: Record<string, string>;
};

export function renderTemplate(template: JsonValue, vars: Record<string, TemplateVariable>): JsonValue {
  if (typeof template === 'string') {
    const whole = template.match(JSON_PLACEHOLDER);
    if (whole) return vars[whole[1] as string]?.json ?? null;
    return template.replace(PLACEHOLDER, (m, name: string) => vars[name]?.text ?? m);
  }
  if (Array.isArray(template)) return template.map((v) => renderTemplate(v, vars));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderTemplate(v, vars)]));
  }
  return template;
}

/** Problems with a template before it is saved: not an object, unknown or misplaced placeholders. */
export function checkTemplate(template: unknown, type?: NotificationType): TemplateProblem[] {
  if (!template || typeof template !== 'object' || Array.isArray(template)) {
    return [
      {
        path: '',
        placeholder: '',
        problem: 'the template must be a JSON object',
        code: 'template.not_object',
        params: {},
      },
    ];
  }
  const known = knownVariableNames(type);
  const problems: TemplateProblem[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(ANY_PLACEHOLDER)) {
        const inner = m[1] as string; // the pattern leaves the spaces out
        const isJson = inner.startsWith('json:');
        const name = isJson ? inner.slice(5).trim() : inner;
        if (!known.has(name)) {
          problems.push({
            path,
            placeholder: m[0],
            problem: `unknown variable "${name}"${type ? ` for ${type}` : ''}`,
            code: 'template.unknown_variable',
            params: { name },
          });
        } else if (isJson && !JSON_PLACEHOLDER.test(value)) {
          problems.push({
            path,
            placeholder: m[0],
            problem: '{{json:…}} must be the whole string value',
            code: 'template.json_whole',
            params: { name },
          });
        }
      }
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(template, '');
  return problems;
}

/** True when a template uses the variable anywhere, as `{{name}}` or `{{json:name}}`. */
export function templateUses(template: JsonValue, name: string): boolean {
  if (typeof template === 'string') {
    for (const m of template.matchAll(ANY_PLACEHOLDER)) {
      const inner = m[1] as string;
      if ((inner.startsWith('json:') ? inner.slice(5).trim() : inner) === name) return true;
    }
    return false;
  }
  if (Array.isArray(template)) return template.some((v) => templateUses(v, name));
  if (template && typeof template === 'object') return Object.values(template).some((v) => templateUses(v, name));
  return false;
}
