import { ErrorEnvelope, HERALD_ERROR_CODES, HERALD_ERRORS } from '@herald/core';
import { type JsonSchema, jsonSchemaOf } from './json-schema.ts';
import type { ProcedureInfo } from './procedures.ts';

/** The body of every error answer: core's ErrorEnvelope, as `api/trpc.ts` and the HTTP server answer it. */
export const ERROR_SCHEMA: JsonSchema = jsonSchemaOf(ErrorEnvelope, 'output');

/** The statuses the document lists for some operation; any other comes as the `default` answer, same shape. */
const LISTED = [400, 401, 403, 404, 409, 412, 413, 415, 429, 500, 503] as const;
export type ErrorStatus = (typeof LISTED)[number];

/** Statuses whose answer may say how long to wait. */
const WAIT_STATUSES = new Set<number>([429, 503]);

/** What a status means, from core's table of machine codes (so the codes and their advice have one source). */
function describeStatus(status: number): string {
  const codes = HERALD_ERROR_CODES.filter((c) => HERALD_ERRORS[c].status === status);
  return codes
    .map((c) => `\`${c}\`${HERALD_ERRORS[c].retryable ? ' (retryable)' : ''}: ${HERALD_ERRORS[c].meaning}.`)
    .join(' ');
}

const responseName = (status: ErrorStatus | 'default') => `Error${status === 'default' ? 'Other' : status}`;

const errorResponse = (description: string, wait: boolean) => ({
  description,
  ...(wait ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** `components.responses`: one per listed status, and one for any other; all in the error shape. */
export function errorResponses(): Record<string, unknown> {
  return {
    ...Object.fromEntries(LISTED.map((s) => [responseName(s), errorResponse(describeStatus(s), WAIT_STATUSES.has(s))])),
    [responseName('default')]: errorResponse(
      'Any other refusal, in the same shape: `error.data.herald.code` says which and whether to retry.',
      true,
    ),
  };
}

/** The statuses one procedure can answer with, by who may call it and how it is called. */
export function errorStatusesOf(p: Pick<ProcedureInfo, 'type' | 'access'>): ErrorStatus[] {
  const statuses: ErrorStatus[] = [400];
  if (p.access !== 'public') statuses.push(401);
  if (p.access === 'admin' && p.type === 'mutation') statuses.push(403);
  statuses.push(404);
  // Management changes can find a record in the wrong state, or one that is gone.
  if (p.access === 'admin' && p.type === 'mutation') statuses.push(409, 412);
  if (p.type === 'mutation') statuses.push(413, 415);
  // Wrong credentials are counted per address; so are logins.
  if (p.access !== 'public' || p.type === 'mutation') statuses.push(429);
  statuses.push(500, 503);
  return statuses;
}

/** An operation's error responses, as references to `components.responses`. */
export function errorResponseRefs(p: Pick<ProcedureInfo, 'type' | 'access'>): Record<string, unknown> {
  return {
    ...Object.fromEntries(
      errorStatusesOf(p).map((s) => [String(s), { $ref: `#/components/responses/${responseName(s)}` }]),
    ),
    default: { $ref: `#/components/responses/${responseName('default')}` },
  };
}
