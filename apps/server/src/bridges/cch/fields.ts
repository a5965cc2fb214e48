/**
 * Reading a body CCH's template engine produced: every value is a string (a number too, `"7"`),
 * an unfilled value is `""`, and a placeholder of another type stays as written (`{{date}}`).
 * Each reader records a problem against its field and reads on, so one answer names them all.
 */
import { CCH_TEMPLATES, type CchType } from './templates.ts';

export type BodyIssue = { path: string; message: string };

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/;
/** Digits only: CCH writes counts with String(n). */
const WHOLE = /^\d{1,15}$/;
/** What String(n) writes for a finite number: 12, 12.5, 0.1, 1e-7, 2.5e+21. */
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Which CCH type fills each placeholder (the common ones fill for all). */
const PLACEHOLDER_TYPE = new Map<string, CchType>();
for (const [type, template] of Object.entries(CCH_TEMPLATES) as Array<[CchType, Record<string, string>]>) {
  for (const value of Object.values(template)) {
    const name = PLACEHOLDER.exec(value)?.[1];
    if (name && !['title', 'sections'].includes(name)) PLACEHOLDER_TYPE.set(name, type);
  }
}

const quote = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

export class FieldReader {
  readonly issues: BodyIssue[] = [];
  private readonly body: Record<string, unknown>;
  private readonly type: CchType;
  constructor(body: Record<string, unknown>, type: CchType) {
    this.body = body;
    this.type = type;
  }

  problem(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  /** The field's text: undefined when absent or empty (an issue if it is required). */
  text(name: string, required: boolean): string | undefined {
    const v = this.body[name];
    if (v === undefined || v === null || v === '') {
      return required ? this.problem(name, v === '' ? 'is empty: CCH filled in no value' : 'is required') : undefined;
    }
    if (typeof v !== 'string') return this.problem(name, `must be a string, got ${typeof v}`);
    const left = PLACEHOLDER.exec(v)?.[1];
    if (left !== undefined) return this.problem(name, this.unfilled(left));
    return v;
  }

  /** A whole number, written as digits (or a JSON number in a hand-written template). */
  whole(name: string, required: boolean): number | undefined {
    const v = this.body[name];
    if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : this.problem(name, wholeMessage(v));
    const s = this.text(name, required);
    if (s === undefined) return undefined;
    return WHOLE.test(s) ? Number(s) : this.problem(name, wholeMessage(s));
  }

  /** A decimal number as String(n) writes it. */
  decimal(name: string, required: boolean): number | undefined {
    const v = this.body[name];
    if (typeof v === 'number') return Number.isFinite(v) ? v : this.problem(name, decimalMessage(String(v)));
    const s = this.text(name, required);
    if (s === undefined) return undefined;
    const n = Number(s);
    return DECIMAL.test(s) && Number.isFinite(n) ? n : this.problem(name, decimalMessage(s));
  }

  /** One of `options`. */
  oneOf<T extends string>(name: string, options: readonly T[], required: boolean): T | undefined {
    const s = this.text(name, required);
    if (s === undefined) return undefined;
    if ((options as readonly string[]).includes(s)) return s as T;
    return this.problem(name, `must be one of ${options.map((o) => `"${o}"`).join(', ')}, got ${quote(s)}`);
  }

  /** A JSON array CCH wrote into a string (`{{entries_json}}`, `{{anomalies_json}}`). */
  jsonArray(name: string): unknown[] | undefined {
    const v = this.body[name];
    if (Array.isArray(v)) return v;
    const s = this.text(name, true);
    if (s === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch (err) {
      return this.problem(name, `must be a JSON array written as a string: ${(err as Error).message}`);
    }
    return Array.isArray(parsed) ? parsed : this.problem(name, 'must be a JSON array written as a string');
  }

  private unfilled(placeholder: string): string {
    const owner = PLACEHOLDER_TYPE.get(placeholder);
    const base = `still holds {{${placeholder}}}: CCH left it unfilled`;
    if (owner && owner !== this.type) {
      return `${base}, which it does for everything but ${owner} notifications. This binding needs the ${this.type} template (docs/cch-bridge.md)`;
    }
    return `${base} (not a placeholder of ${this.type}; see docs/cch-bridge.md)`;
  }
}

const wholeMessage = (v: unknown) => `must be a whole number written as digits (e.g. "5"), got ${quote(String(v))}`;
const decimalMessage = (v: string) => `must be a number written as digits (e.g. "12.5"), got ${quote(v)}`;

/** The value of a `label: value` line in CCH's flattened message text (`{{sections}}`). */
export function sectionField(sections: string, label: string): string | undefined {
  for (const line of sections.split('\n')) {
    const t = line.trim();
    if (t.startsWith(`${label}:`)) return t.slice(label.length + 1).trim();
  }
  return undefined;
}
