/** Socket-level failures: the database's host is there but nothing answers, or the link broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not there yet: class 08 (connection exception),
 * 57P01 admin_shutdown (also sent when the postmaster died), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, recovering).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** What node-postgres and pg-pool say when a connection breaks or cannot be made. */
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|is not queryable|Client was closed|Connection ended|database system is (starting up|shutting down|in recovery|not yet accepting)/i;

/**
 * True when `err` (or anything in its cause chain) says the database cannot be reached,
 * rather than that a statement was wrong: the caller may retry the same thing later.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
    e = cause;
  }
  return false;
}
