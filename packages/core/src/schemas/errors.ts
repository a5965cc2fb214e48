import { z } from 'zod';

/**
 * Every error Herald's API answers carries one of these in `error.data.herald.code`, whatever
 * refused the request (a schema, a service, the request gate, the HTTP server). `status` is the
 * HTTP status it usually comes with; `retryable` says whether the same request may succeed later
 * (after `Retry-After` when the answer has one, else with backoff). Clients branch on the code,
 * never on the message.
 */
export const HERALD_ERRORS = {
  INVALID_INPUT: {
    status: 400,
    retryable: false,
    meaning: 'the input is malformed or a field is invalid; `issues` names each',
  },
  UNKNOWN_FIELD: {
    status: 400,
    retryable: false,
    meaning: 'the input has a field Herald does not know; `issues` names it',
  },
  UNAUTHENTICATED: {
    status: 401,
    retryable: false,
    meaning: 'no valid credential (hub API key, admin token or session)',
  },
  FORBIDDEN: {
    status: 403,
    retryable: false,
    meaning: 'the credential may not do this (e.g. a change from another origin)',
  },
  NOT_FOUND: { status: 404, retryable: false, meaning: 'no such procedure, route or record' },
  METHOD_NOT_ALLOWED: { status: 405, retryable: false, meaning: 'a query sent as POST or a mutation as GET' },
  TIMEOUT: { status: 408, retryable: true, meaning: 'the request took too long to arrive' },
  CONFLICT: { status: 409, retryable: false, meaning: 'the record is not in a state that allows this' },
  PRECONDITION_FAILED: {
    status: 412,
    retryable: false,
    meaning: 'something this needs is missing (e.g. a deleted target)',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    retryable: false,
    meaning: 'the body is over the limit: send smaller batches (414 or 431 for a URL or headers too long)',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    retryable: false,
    meaning: 'the body is not sent as `Content-Type: application/json`',
  },
  RATE_LIMITED: { status: 429, retryable: true, meaning: 'too many requests: wait `Retry-After` seconds' },
  INTERNAL: { status: 500, retryable: true, meaning: 'a fault in Herald (logged): retry with backoff' },
  UNAVAILABLE: {
    status: 503,
    retryable: true,
    meaning: 'Herald or its database is unavailable: wait `Retry-After` seconds',
  },
} as const satisfies Record<string, { status: number; retryable: boolean; meaning: string }>;

export type HeraldErrorCode = keyof typeof HERALD_ERRORS;
export const HERALD_ERROR_CODES = Object.keys(HERALD_ERRORS) as HeraldErrorCode[];

/** One bad field: its dotted path in the input (`records.3.costUsd`; `(input)` for the whole) and why. */
export const ErrorIssue = z.object({
  path: z.string().describe('The field, dotted, e.g. records.3.costUsd; "(input)" for the whole input.'),
  message: z.string().describe('Why it is refused, e.g. "unknown field (did you mean `limit5hUsd`?)".'),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

const codeList = HERALD_ERROR_CODES.map(
  (c) =>
    `${c} (${HERALD_ERRORS[c].status}${HERALD_ERRORS[c].retryable ? ', retryable' : ''}): ${HERALD_ERRORS[c].meaning}`,
).join('; ');

/** What Herald adds to every error: the machine code, whether to retry, and the bad fields. */
export const HeraldErrorData = z.object({
  code: z
    .enum(HERALD_ERROR_CODES as [HeraldErrorCode, ...HeraldErrorCode[]])
    .describe(`Herald's stable machine code: branch on this, not on the message. ${codeList}.`),
  retryable: z
    .boolean()
    .describe('Whether the same request may succeed later: after `Retry-After` when sent, else with backoff.'),
  issues: z.array(ErrorIssue).optional().describe('With INVALID_INPUT and UNKNOWN_FIELD: every field that is wrong.'),
});
export type HeraldErrorData = z.infer<typeof HeraldErrorData>;

/** The body of every error answer: tRPC's JSON error shape, with `data.herald`. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      message: z.string().describe('What went wrong, for a person: a bad input names each field and why.'),
      code: z.number().int().describe('The JSON-RPC 2.0 code tRPC gives the error, e.g. -32600 for BAD_REQUEST.'),
      data: z.object({
        code: z.string().describe("tRPC's name for the error, e.g. BAD_REQUEST, UNAUTHORIZED, TOO_MANY_REQUESTS."),
        httpStatus: z.number().int().describe('The HTTP status of the answer.'),
        path: z.string().optional().describe('The procedure called, when tRPC got that far.'),
        issues: z.array(ErrorIssue).optional().describe('The same list as `herald.issues` (for older clients).'),
        herald: HeraldErrorData,
      }),
    }),
  })
  .describe('Every error answer has this shape, whatever its status.');
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** The code and retry flag for a code, with the bad fields when there are any. */
export function heraldError(code: HeraldErrorCode, issues?: ErrorIssue[]): HeraldErrorData {
  return { code, retryable: HERALD_ERRORS[code].retryable, ...(issues?.length ? { issues } : {}) };
}
