import type { Logger } from '../logger.ts';

export type CredentialKind = 'admin_login' | 'admin_token' | 'hub_key';

const FAILED_ACTION = {
  admin_login: 'admin_login_failed',
  admin_token: 'admin_token_failed',
  hub_key: 'hub_key_failed',
} as const satisfies Record<CredentialKind, string>;

/** At most this many warnings a minute for all addresses together; the rest are counted and summed up. */
const LINES_PER_MINUTE = 20;

/**
 * Warnings about wrong credentials, throttled: per address and window, one line for its first
 * wrong credential and one when it reaches the limit; never one line per guess.
 */
export function createFailureLog(logger: Logger, now: () => number) {
  let minuteStart = 0;
  let lines = 0;
  let suppressed = 0;

  function warn(fields: Record<string, unknown>, msg: string): void {
    const t = now();
    if (t - minuteStart >= 60_000) {
      if (suppressed > 0) {
        logger.warn({ action: 'credential_warnings_suppressed', count: suppressed }, 'more wrong-credential warnings');
      }
      minuteStart = t;
      lines = 0;
      suppressed = 0;
    }
    if (lines >= LINES_PER_MINUTE) {
      suppressed += 1;
      return;
    }
    lines += 1;
    logger.warn(fields, msg);
  }

  return {
    firstFailure(ip: string, kind: CredentialKind): void {
      warn({ action: FAILED_ACTION[kind], ip }, 'wrong credential');
    },
    limitReached(ip: string, kind: CredentialKind, failures: number, retryAfterSeconds: number): void {
      warn(
        { action: 'credential_limit_reached', ip, kind, failures, retryAfterSeconds },
        'too many wrong credentials from one address: its credentials are not checked until the window ends',
      );
    },
    windowSummary(ip: string, failures: number, refused: number): void {
      warn(
        { action: 'credential_limit_window', ip, failures, refused },
        'an address that reached the credential limit: its last window',
      );
    },
  };
}
