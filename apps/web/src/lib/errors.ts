import {
  HERALD_ERROR_CODES,
  HERALD_REASON_LIST,
  type HeraldErrorCode,
  type HeraldReason,
  ISSUE_CODES,
  type IssueCode,
  issueCodeOf,
} from '@herald/core';
import { TRPCClientError } from '@trpc/client';
import i18n from 'i18next';

/** The HTTP status of a failed call: from the tRPC error shape, or the raw response (e.g. a 429). */
export function httpStatusOf(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const fromShape = (error.data as { httpStatus?: unknown } | null | undefined)?.httpStatus;
  if (typeof fromShape === 'number') return fromShape;
  const response = error.meta?.response;
  return response instanceof Response ? response.status : null;
}

/** The tRPC error code (`UNAUTHORIZED`, `NOT_FOUND`, …) when the server answered with one. */
export function trpcCodeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code = (error.data as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

export function isUnauthorized(error: unknown): boolean {
  return trpcCodeOf(error) === 'UNAUTHORIZED' || httpStatusOf(error) === 401;
}

/** A 4xx answer: asking again will not change it. */
export function isClientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== null && status >= 400 && status < 500;
}

/** No answer from the server at all (offline, refused, DNS): fetch's own TypeError ("Failed to fetch"). */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof TRPCClientError && httpStatusOf(error) === null && error.cause instanceof TypeError;
}

/** Looks a key up in the current language; dynamic keys (a code) are checked by errors.test.ts instead of by type. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;
const current: Translate = (key, params) => (i18n.t as unknown as Translate)(key, params);

/** A field issue: from the server (`code` + `params`, core issue-codes.ts) or from a zod check in the browser. */
export type IssueLike = Parameters<typeof issueCodeOf>[0] & { params?: Record<string, unknown> };

const isIssueCode = (v: unknown): v is IssueCode =>
  typeof v === 'string' && (ISSUE_CODES as readonly string[]).includes(v);

/** A field issue in the admin's language: its code's text with its params, never the English message. */
export function issueText(issue: IssueLike, t: Translate = current): string {
  // Before i18n starts (unit tests of the forms) there is no language to speak: keep the schema's words.
  if (t === current && !i18n.isInitialized) return issue.message ?? '';
  const { code, params } = isIssueCode(issue.code)
    ? { code: issue.code, params: (issue.params ?? {}) as Record<string, unknown> }
    : issueCodeOf(issue);
  const key = `errors.issue.${code}`;
  const text = t(key, params);
  // A text naming a value the answer did not carry ("at most {{max}}") says only that it is invalid.
  return /\{\{\w+\}\}/.test(text) || text === key ? t('errors.issue.field.invalid') : text;
}

/** The server's machine code (core HERALD_ERRORS) when it answered in its documented shape. */
export function heraldCodeOf(error: unknown): HeraldErrorCode | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code = (error.data as { herald?: { code?: unknown } } | null | undefined)?.herald?.code;
  return (HERALD_ERROR_CODES as readonly string[]).includes(code as string) ? (code as HeraldErrorCode) : null;
}

/** Why a service refused (core HERALD_REASONS) with its params, when the answer names one. */
export function reasonOf(error: unknown): { reason: HeraldReason; params: Record<string, unknown> } | null {
  if (!(error instanceof TRPCClientError)) return null;
  const herald = (error.data as { herald?: { reason?: unknown; params?: unknown } } | null | undefined)?.herald;
  if (!(HERALD_REASON_LIST as readonly unknown[]).includes(herald?.reason)) return null;
  const params = typeof herald?.params === 'object' && herald.params !== null ? herald.params : {};
  return { reason: herald?.reason as HeraldReason, params: params as Record<string, unknown> };
}

/** A reason's text with its params; a legacy URL's names the URL's own issue in the same language. */
export function reasonText(reason: HeraldReason, params: Record<string, unknown>, t: Translate = current): string {
  const issue = params.issue;
  const detail = isIssueCode(issue) ? issueText({ code: issue, params }, t) : '';
  const key = `errors.reason.${reason}`;
  const text = t(key, { ...params, detail }).trim();
  return /\{\{\w+\}\}/.test(text) || text === key ? '' : text;
}

function issuesOf(error: unknown): IssueLike[] {
  if (!(error instanceof TRPCClientError)) return [];
  const issues = (error.data as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(issues) ? (issues as IssueLike[]) : [];
}

/** The code for an answer outside the documented shape (a proxy's 502 page), by its status. */
function codeByStatus(status: number): HeraldErrorCode | null {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return null;
}

/**
 * Any failure in the admin's language: no answer → "could not reach Herald"; bad fields → each
 * field's text; else the refusal's reason; else the server code's text; else a generic one.
 * Never the server's English.
 */
export function errorText(error: unknown, t: Translate = current): string {
  if (isNetworkError(error)) return t('errors.network');
  const issues = issuesOf(error);
  if (issues.length > 0) return [...new Set(issues.map((issue) => issueText(issue, t)))].slice(0, 3).join(' ');
  const refusal = reasonOf(error);
  const said = refusal ? reasonText(refusal.reason, refusal.params, t) : '';
  if (said) return said;
  const status = httpStatusOf(error);
  const code = heraldCodeOf(error) ?? (status === null ? null : codeByStatus(status));
  if (code) return t(`errors.server.${code}`);
  if (error instanceof TRPCClientError && status === null) return t('errors.network');
  return t('errors.generic');
}

/** What went wrong, for a person, in the admin's language (errorText). */
export function messageOf(error: unknown): string {
  return errorText(error);
}
