import type { HeraldErrorCode, HeraldReason } from '@herald/core/error-codes';
import type { IssueCode, IssueParams } from '@herald/core/issue-codes';
import { TRPCClientError } from '@trpc/client';
import type { TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODE_NUMBER } from '@trpc/server';

export {
  HERALD_ERROR_CODES,
  HERALD_ERRORS,
  HERALD_REASONS,
  type HeraldErrorCode,
  type HeraldReason,
} from '@herald/core/error-codes';
export { TRPCClientError };

/**
 * One bad field: its dotted path in the input (`records.3.costUsd`, `(input)` for the whole), why
 * in English, and the same reason as a stable code with its parameters (to show in your own words).
 */
export type ErrorIssue = { path: string; message: string; code?: IssueCode; params?: IssueParams };

/** What Herald adds to every error: a stable machine code, whether to retry, and the bad fields. */
export type HeraldErrorData = {
  code: HeraldErrorCode;
  retryable: boolean;
  /** With INVALID_INPUT and UNKNOWN_FIELD when fields are to blame. */
  issues?: ErrorIssue[];
  /** Why, finer than the code, when Herald itself refused (HERALD_REASONS), e.g. `target.not_found`. */
  reason?: HeraldReason;
  /** The values the reason names, e.g. `{ id }`. */
  params?: Record<string, string | number>;
};

/** Every error Herald answers: tRPC's JSON error shape with `data.herald` (`error.data` on a TRPCClientError). */
export type HeraldErrorShape = {
  message: string;
  code: TRPC_ERROR_CODE_NUMBER;
  data: {
    code: TRPC_ERROR_CODE_KEY;
    httpStatus: number;
    path?: string;
    stack?: string;
    issues?: ErrorIssue[];
    herald: HeraldErrorData;
  };
};

/** JSON as Herald sends it (a rendered request body, a template's variables). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Herald's code and retry flag when `error` is an answer from Herald, else null. */
export function heraldErrorOf(error: unknown): HeraldErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('herald' in data)) return null;
  return (data as { herald: HeraldErrorData }).herald;
}

/**
 * Whether the same call may succeed later: Herald says so (`data.herald.retryable`), or no
 * answer came at all (Herald down, a network fault, a proxy's own error page).
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const herald = heraldErrorOf(error);
  return herald ? herald.retryable : error.data === undefined || error.data === null;
}

/** The wait Herald asked for with `Retry-After` (429, 503), in seconds; null when it named none. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  // Read by shape: a `fetch` passed in options may bring its own Response class.
  const response = error.meta?.response as { headers?: { get?: (name: string) => string | null } } | undefined;
  const header = response?.headers?.get?.('retry-after') ?? null;
  // Herald sends whole seconds; the HTTP-date form would need a clock, so it counts as none.
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
}
