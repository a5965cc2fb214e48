import { type ErrorEnvelope, type ErrorIssue, type HeraldErrorCode, heraldError } from '@herald/core';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

/** Herald's machine code for each tRPC code (typed as a full table, so a new tRPC code fails typecheck). */
export const HERALD_CODE_BY_TRPC = {
  PARSE_ERROR: 'INVALID_INPUT',
  BAD_REQUEST: 'INVALID_INPUT',
  UNPROCESSABLE_CONTENT: 'INVALID_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  PAYMENT_REQUIRED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  TIMEOUT: 'TIMEOUT',
  CLIENT_CLOSED_REQUEST: 'TIMEOUT',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PRECONDITION_REQUIRED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
  NOT_IMPLEMENTED: 'INTERNAL',
  BAD_GATEWAY: 'UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
  GATEWAY_TIMEOUT: 'UNAVAILABLE',
} as const satisfies Record<TRPC_ERROR_CODE_KEY, HeraldErrorCode>;

/** The HTTP status tRPC gives a code. */
export const httpStatusOf = (code: TRPC_ERROR_CODE_KEY): number => getHTTPStatusCodeFromError(new TRPCError({ code }));

/**
 * The documented error body (core's ErrorEnvelope), for answers made outside tRPC: the request
 * gate, the HTTP server's own refusals, an unknown route. `httpStatus` differs from the code's
 * only where tRPC has no code of its own (414, 431).
 */
export function errorEnvelope(
  code: TRPC_ERROR_CODE_KEY,
  message: string,
  opts: { herald?: HeraldErrorCode; httpStatus?: number; issues?: ErrorIssue[] } = {},
): ErrorEnvelope {
  return {
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: {
        code,
        httpStatus: opts.httpStatus ?? httpStatusOf(code),
        ...(opts.issues?.length ? { issues: opts.issues } : {}),
        herald: heraldError(opts.herald ?? HERALD_CODE_BY_TRPC[code], opts.issues),
      },
    },
  };
}
