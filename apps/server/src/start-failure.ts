import { inspect } from 'node:util';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { errorText } from './error-text.ts';

/** A start failure whose cause Herald recognised: what happened, what to do, what the tool said. */
export class StartError extends Error {
  override name = 'StartError';
  readonly hint: string | undefined;
  readonly detail: string | undefined;
  constructor(message: string, hint?: string, detail?: string) {
    super(message);
    this.hint = hint;
    this.detail = detail;
  }
}

export type StartFailure = { reason: string; hint?: string; detail?: string };

/**
 * Why Herald could not start, in words, for any thrown value (an Error, a string, nothing
 * at all): the reason must never be lost to the handler that reports it.
 */
export function explainStartFailure(err: unknown, where: { host: string; port: number }): StartFailure {
  if (err instanceof StartError) {
    return {
      reason: err.message,
      ...(err.hint ? { hint: err.hint } : {}),
      ...(err.detail ? { detail: err.detail } : {}),
    };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return {
      reason: `port ${where.port} on ${where.host} is already in use (EADDRINUSE)`,
      hint: `stop whatever listens on ${where.host}:${where.port} (an earlier Herald still running?) or set PORT to a free port`,
    };
  }
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    return {
      reason: `cannot listen on ${where.host}:${where.port} (${code})`,
      hint:
        code === 'EACCES'
          ? 'ports below 1024 need privileges: choose PORT 1024 or above'
          : 'HOST is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses',
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      reason: `cannot reach the database: ${errorText(err)}`,
      hint: 'check DATABASE_URL and that its PostgreSQL is running and accepts connections from here',
    };
  }
  if (err instanceof Error) {
    const causes: string[] = [];
    for (let c: unknown = err.cause; c && causes.length < 3; c = (c as { cause?: unknown }).cause) {
      causes.push(c instanceof Error ? c.message : inspect(c));
    }
    const reason = err.message || err.name;
    return causes.length ? { reason, detail: causes.join('; ') } : { reason };
  }
  if (err === undefined || err === null) return { reason: `startup was aborted without an error (${String(err)})` };
  return { reason: typeof err === 'string' ? err : inspect(err, { depth: 2, breakLength: Infinity }) };
}
