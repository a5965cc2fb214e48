import { SECRET_FIELD_NAMES } from '@herald/core';
import pino, { type Logger } from 'pino';

/** Field names whose values are secrets wherever they appear in a log object. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'token',
  'adminToken',
  'apiKey',
  'key',
  'secret',
  'password',
  // Every channel's secret fields, from the channel registry.
  ...SECRET_FIELD_NAMES,
  'proxyUrl',
  'databaseUrl',
  'connectionString',
];

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

export const REDACTED = '[redacted]';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'herald' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * Masks credentials inside free text (error messages, URLs) before it is logged or
 * stored: URL userinfo, query values, and bearer tokens.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${REDACTED}@`)
    .replace(/([?&][^=\s&#]+=)[^&\s#"']+/g, `$1${REDACTED}`)
    .replace(/(bearer\s+)[\w.~+/-]+=*/gi, `$1${REDACTED}`)
    .replace(/\/bot\d+:[\w-]+/g, `/bot${REDACTED}`);
}

export type { Logger };
