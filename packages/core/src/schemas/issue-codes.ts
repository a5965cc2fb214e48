/**
 * Stable codes for the field problems an error answer names (`issues[].code` + `params`), so a
 * client shows them in its own language; the English `message` stays for API clients. A code is
 * a promise: add new ones, never rename one.
 */
export const ISSUE_CODES = [
  'field.required',
  'field.invalid',
  'field.unknown',
  'field.wrong_type',
  'field.not_allowed',
  'text.too_short',
  'text.too_long',
  'text.one_line',
  'number.too_small',
  'number.too_large',
  'number.not_integer',
  'list.too_few',
  'list.too_many',
  'url.invalid',
  'url.scheme',
  'url.credentials',
  'url.https_required',
  'url.unknown_platform',
  'url.telegram_chat',
  'cron.invalid',
  'cron.not_scheduled',
  'timezone.invalid',
  'time.hhmm',
  'target.missing',
  'target.bound_twice',
  'text.nul',
  'text.surrogate',
  'json.too_deep',
  'json.too_large',
  'template.not_object',
  'template.unknown_variable',
  'template.json_whole',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Values a code's text may name: numbers and plain identifiers (a host, a key), never prose. */
export type IssueParams = Record<string, string | number>;

/** Where a schema or a service puts its code in a zod issue's `params`. */
export const ISSUE_CODE_PARAM = 'heraldCode';

/**
 * A refine's options carrying its code: `.refine(ok, coded('url.invalid', 'must be a full URL'))`.
 */
export function coded(code: IssueCode, message: string, params: IssueParams = {}) {
  return { message, params: { [ISSUE_CODE_PARAM]: code, ...params } };
}

/** A field problem a service finds past the schema, shaped like a zod custom issue with its code. */
export function codedIssue(path: PropertyKey[], code: IssueCode, message: string, params: IssueParams = {}) {
  return { path, code: 'custom' as const, ...coded(code, message, params) };
}

// A regex check carries no params, so its code is found by its pattern.
export const HHMM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ONE_LINE_PATTERN = /^[^\r\n]*$/;
const PATTERN_CODES: Record<string, IssueCode> = {
  [String(HHMM_PATTERN)]: 'time.hhmm',
  [String(ONE_LINE_PATTERN)]: 'text.one_line',
};

/** The parts of a zod (v4) issue the code is read from; every field optional, as services send fewer. */
type IssueLike = {
  code?: string;
  message?: string;
  params?: Record<string, unknown>;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: unknown;
  format?: string;
  pattern?: string;
  keys?: unknown;
};

const isCode = (v: unknown): v is IssueCode => typeof v === 'string' && (ISSUE_CODES as readonly string[]).includes(v);

/** Keeps only the params a text may show (strings and finite numbers), never the code marker. */
function plainParams(params: Record<string, unknown> | undefined): IssueParams {
  const out: IssueParams = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (k === ISSUE_CODE_PARAM) continue;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  }
  return out;
}

const numberOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;

/** Bounds by what they bound: a text's length, a number's value, a list's size. */
function boundCode(issue: IssueLike, side: 'min' | 'max'): { code: IssueCode; params: IssueParams } {
  const limit = numberOf(side === 'min' ? issue.minimum : issue.maximum);
  const params: IssueParams = limit === null ? {} : { [side]: limit };
  switch (issue.origin) {
    case 'string':
      if (side === 'min' && limit === 1) return { code: 'field.required', params: {} };
      return { code: side === 'min' ? 'text.too_short' : 'text.too_long', params };
    case 'number':
    case 'int':
    case 'bigint':
      return { code: side === 'min' ? 'number.too_small' : 'number.too_large', params };
    case 'array':
    case 'set':
      return { code: side === 'min' ? 'list.too_few' : 'list.too_many', params };
    default:
      return { code: 'field.invalid', params: {} };
  }
}

/** The stable code and params for an issue: its own marker when a schema set one, else from zod's kind. */
export function issueCodeOf(issue: IssueLike): { code: IssueCode; params: IssueParams } {
  const marked = issue.params?.[ISSUE_CODE_PARAM];
  if (isCode(marked)) return { code: marked, params: plainParams(issue.params) };
  if (issue.params?.heraldUnknownField === true) return { code: 'field.unknown', params: {} };
  switch (issue.code) {
    case 'too_small':
      return boundCode(issue, 'min');
    case 'too_big':
      return boundCode(issue, 'max');
    case 'invalid_type':
      // zod says "received undefined" for a field left out; that is "required", not a wrong type.
      if (issue.message?.endsWith('received undefined')) return { code: 'field.required', params: {} };
      if (issue.expected === 'int') return { code: 'number.not_integer', params: {} };
      return {
        code: 'field.wrong_type',
        params: typeof issue.expected === 'string' ? { expected: issue.expected } : {},
      };
    case 'invalid_format':
      if (issue.format === 'url') return { code: 'url.invalid', params: {} };
      return { code: PATTERN_CODES[issue.pattern ?? ''] ?? 'field.invalid', params: {} };
    case 'invalid_value':
      return { code: 'field.not_allowed', params: {} };
    case 'unrecognized_keys':
      return { code: 'field.unknown', params: {} };
    default:
      return { code: 'field.invalid', params: {} };
  }
}
