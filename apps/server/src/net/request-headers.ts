import { ConnectFailure } from './errors.ts';

// Set by the transport itself; a caller's value would break framing, routing or the proxy.
const RESERVED = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Field values may not hold CR, LF or NUL (header injection).
const BAD_VALUE = /[\r\n\0]/;

/**
 * JSON content type and Herald's user-agent, then the caller's headers (lower-cased; they may
 * replace those two). Reserved or malformed headers are refused, all named at once; values
 * are never echoed since they often are secrets.
 */
export function buildRequestHeaders(
  callerHeaders: Readonly<Record<string, string>> | undefined,
  userAgent: string,
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': userAgent };
  const reserved: string[] = [];
  const malformed: string[] = [];
  for (const [name, value] of Object.entries(callerHeaders ?? {})) {
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) malformed.push(`invalid name ${JSON.stringify(name.slice(0, 40))}`);
    else if (RESERVED.has(lower)) reserved.push(lower);
    else if (typeof value !== 'string' || BAD_VALUE.test(value)) malformed.push(`invalid value for ${lower}`);
    else headers[lower] = value;
  }
  const problems = [
    ...(reserved.length > 0 ? [`headers that may not be set: ${reserved.join(', ')}`] : []),
    ...malformed,
  ];
  if (problems.length > 0) throw new ConnectFailure('request', 'local', problems.join('; '));
  return headers;
}
