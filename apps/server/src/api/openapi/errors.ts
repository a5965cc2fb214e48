import { ErrorEnvelope } from '@herald/core';
import { type JsonSchema, jsonSchemaOf } from './json-schema.ts';
import type { ProcedureInfo } from './procedures.ts';

/** The body of every error answer: core's ErrorEnvelope, as `api/trpc.ts` and the HTTP server answer it. */
export const ERROR_SCHEMA: JsonSchema = jsonSchemaOf(ErrorEnvelope, 'output');

/** Each status a client can get besides 200, and what it means. */
const STATUSES = {
  400: 'The input is invalid (every bad field is named), or the body is not JSON.',
  401: 'No valid credential: a hub needs `Authorization: Bearer hrld_…`, management an admin session or token.',
  403: 'A change made with the session cookie from a page that is not this server.',
  404: 'No such procedure, or the thing the input names does not exist.',
  413: 'The body is larger than the server accepts.',
  415: 'A body without `Content-Type: application/json`.',
  429: 'Too many wrong credentials (or logins) from this address: wait as `Retry-After` says.',
  500: 'Herald failed; the server log has the cause. Safe to retry later.',
  503: "Herald's database is unavailable. Retry later with backoff.",
} as const satisfies Record<number, string>;
export type ErrorStatus = keyof typeof STATUSES;

const responseName = (status: ErrorStatus) => `Error${status}`;

/** `components.responses`: one per status, all with the error shape. */
export function errorResponses(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(STATUSES).map(([status, description]) => [
      responseName(Number(status) as ErrorStatus),
      {
        description,
        ...(status === '429' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

/** The statuses one procedure can answer with, by who may call it and how it is called. */
export function errorStatusesOf(p: Pick<ProcedureInfo, 'type' | 'access'>): ErrorStatus[] {
  const statuses: ErrorStatus[] = [400];
  if (p.access !== 'public') statuses.push(401);
  if (p.access === 'admin' && p.type === 'mutation') statuses.push(403);
  statuses.push(404);
  if (p.type === 'mutation') statuses.push(413, 415);
  if (p.access !== 'public') statuses.push(429);
  statuses.push(500, 503);
  return statuses;
}

/** An operation's error responses, as references to `components.responses`. */
export function errorResponseRefs(p: Pick<ProcedureInfo, 'type' | 'access'>): Record<string, unknown> {
  return Object.fromEntries(
    errorStatusesOf(p).map((s) => [String(s), { $ref: `#/components/responses/${responseName(s)}` }]),
  );
}
