// No zod here: @herald/client bundles this table, and a hub should not download a schema library
// to read it. errors.ts builds the schemas on top of it.

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
