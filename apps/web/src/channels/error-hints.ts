import type { ChannelType } from '@herald/core';
import type { Language } from '../i18n/languages.ts';
import { TRANSPORT_ERROR_HINTS } from './hints/transport.ts';
import { channelUi } from './index.ts';
import type { ErrorHint, ErrorHintText } from './types.ts';

/**
 * The server's transport failures by the words its messages start with or hold
 * (apps/server/src/net: resolve.ts, connector.ts, attempt.ts, address-policy.ts; senders/email.ts).
 */
const TRANSPORT_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ['policy', /^refused: /],
  ['dns', /^DNS lookup for /],
  ['proxy', /^proxy |refused the tunnel|answered CONNECT|SOCKS/],
  ['tls', /^TLS[: ]|TLS handshake/],
  [
    'timeout',
    /timed out after|did not finish .* in time|stopped before the server answered|abandoned after the connect timeout/,
  ],
  ['reset', /dropped the connection|failed after the request was sent/],
  ['redirect', /with (a|an invalid) redirect/],
  ['connect', /^could not connect to |^no connection to |^could not send to /],
];

/**
 * The codes a failed delivery's error may stand for, best first: a transport kind (dns, tls…),
 * the platform's code at the start of the message ("310000: sign not match",
 * "InvalidRequestContent: …", "channel_is_archived (HTTP 410)"), then the HTTP or SMTP status.
 */
export function errorCodesOf(error: string | null, statusCode: number | null): string[] {
  const codes: string[] = [];
  if (error) {
    const kind = TRANSPORT_PATTERNS.find(([, pattern]) => pattern.test(error))?.[0];
    if (kind) return [kind];
    const lead = /^(-?\d+|[A-Za-z][A-Za-z0-9_]*): /.exec(error) ?? /^([a-z][a-z_]+) \(HTTP \d+\)/.exec(error);
    if (lead?.[1]) codes.push(lead[1]);
  }
  if (statusCode !== null && !codes.includes(String(statusCode))) codes.push(String(statusCode));
  return codes;
}

export type FoundHint = { code: string; text: ErrorHintText; fix: ErrorHint['fix'] | undefined };

/** What a failed delivery's error means and what to do, in `language`; null for an unknown code. */
export function errorHintOf(
  channel: ChannelType,
  failure: { error: string | null; statusCode: number | null },
  language: Language,
): FoundHint | null {
  const known = { ...TRANSPORT_ERROR_HINTS, ...channelUi(channel).errorHints };
  for (const code of errorCodesOf(failure.error, failure.statusCode)) {
    const found = known[code];
    if (found) return { code, text: found.text[language], fix: found.fix };
  }
  return null;
}
