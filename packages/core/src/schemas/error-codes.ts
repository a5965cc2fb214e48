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

/**
 * Why a request was refused, finer than the code: `error.data.herald.reason` with `params`, for
 * the refusals a service makes itself (a record not found, a state that forbids the change), so a
 * client says it in its own language; the English `message` stays for API clients. `code` is the
 * Herald code it comes with, `params` the values it always carries. Add reasons, never rename one.
 */
export const HERALD_REASONS = {
  'target.not_found': { code: 'NOT_FOUND', params: ['id'], meaning: 'no target has this id' },
  'delivery.not_found': { code: 'NOT_FOUND', params: ['id'], meaning: 'no delivery has this id' },
  'delivery.notification_gone': {
    code: 'NOT_FOUND',
    params: ['id'],
    meaning: 'the notification the delivery carried is no longer stored',
  },
  'silence.not_found': { code: 'NOT_FOUND', params: ['id'], meaning: 'no silence has this id' },
  'api_key.not_found': { code: 'NOT_FOUND', params: ['id'], meaning: 'no API key has this id' },
  'provider.not_found': {
    code: 'NOT_FOUND',
    params: ['id'],
    meaning: 'the hub never synced or reported a provider with this id',
  },
  'user.not_found': {
    code: 'NOT_FOUND',
    params: ['id'],
    meaning: 'the hub never synced or reported a user with this id',
  },
  'delivery.in_digest': {
    code: 'CONFLICT',
    params: ['id', 'digestId'],
    meaning: 'the delivery went out in a digest: resend the digest’s delivery',
  },
  'delivery.in_progress': {
    code: 'CONFLICT',
    params: ['id', 'status'],
    meaning: 'the delivery is still pending or sending: wait for it to finish',
  },
  'silence.already_ended': {
    code: 'CONFLICT',
    params: ['id', 'at'],
    meaning: 'the silence was already ended (at: when)',
  },
  'silence.expired': { code: 'CONFLICT', params: ['id', 'at'], meaning: 'the silence already ran out (at: when)' },
  'delivery.target_deleted': {
    code: 'PRECONDITION_FAILED',
    params: ['id'],
    meaning: 'the delivery’s target was deleted, so it cannot be resent',
  },
  'legacy.not_migratable': {
    code: 'PRECONDITION_FAILED',
    params: ['types', 'issue'],
    meaning: 'a legacy webhook URL cannot become a target; `issue` is its issue code (issue-codes.ts)',
  },
  'auth.wrong_token': { code: 'UNAUTHENTICATED', params: [], meaning: 'the admin token is wrong' },
  'auth.admin_required': {
    code: 'UNAUTHENTICATED',
    params: [],
    meaning: 'an admin session or the admin token is required',
  },
  'auth.hub_key_required': {
    code: 'UNAUTHENTICATED',
    params: [],
    meaning: 'a valid hub API key is required (Authorization: Bearer <key>)',
  },
  'auth.too_many_attempts': {
    code: 'RATE_LIMITED',
    params: ['retryAfterSeconds'],
    meaning: 'too many wrong credentials from this address',
  },
  'auth.cross_origin': {
    code: 'FORBIDDEN',
    params: ['origin'],
    meaning: 'a change with the session cookie came from another origin',
  },
  'database.unavailable': {
    code: 'UNAVAILABLE',
    params: ['retryAfterSeconds'],
    meaning: 'the database cannot be reached right now',
  },
} as const satisfies Record<string, { code: HeraldErrorCode; params: readonly string[]; meaning: string }>;

export type HeraldReason = keyof typeof HERALD_REASONS;
export const HERALD_REASON_LIST = Object.keys(HERALD_REASONS) as HeraldReason[];

/** The values a reason carries, each named by the table: strings and numbers only, never prose. */
export type ReasonParams<R extends HeraldReason> = {
  [K in (typeof HERALD_REASONS)[R]['params'][number]]: string | number;
};
