import { z } from 'zod';
import {
  HERALD_ERROR_CODES,
  HERALD_ERRORS,
  HERALD_REASON_LIST,
  HERALD_REASONS,
  type HeraldErrorCode,
  type HeraldReason,
  type ReasonParams,
} from './error-codes.ts';
import { ISSUE_CODES, type IssueCode } from './issue-codes.ts';

/** One bad field: its dotted path in the input (`records.3.costUsd`; `(input)` for the whole) and why. */
export const ErrorIssue = z.object({
  path: z.string().describe('The field, dotted, e.g. records.3.costUsd; "(input)" for the whole input.'),
  message: z.string().describe('Why it is refused, e.g. "unknown field (did you mean `limit5hUsd`?)".'),
  code: z
    .enum(ISSUE_CODES as unknown as [IssueCode, ...IssueCode[]])
    .optional()
    .describe('The same reason as a stable code, e.g. url.https_required, to show in your own words or language.'),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('The values the code refers to, e.g. {"max": 64} for text.too_long.'),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

const codeList = HERALD_ERROR_CODES.map(
  (c) =>
    `${c} (${HERALD_ERRORS[c].status}${HERALD_ERRORS[c].retryable ? ', retryable' : ''}): ${HERALD_ERRORS[c].meaning}`,
).join('; ');

/** What Herald adds to every error: the machine code, whether to retry, and the bad fields. */
export const HeraldErrorData = z.object({
  code: z
    .enum(HERALD_ERROR_CODES as [HeraldErrorCode, ...HeraldErrorCode[]])
    .describe(`Herald's stable machine code: branch on this, not on the message. ${codeList}.`),
  retryable: z
    .boolean()
    .describe('Whether the same request may succeed later: after `Retry-After` when sent, else with backoff.'),
  issues: z.array(ErrorIssue).optional().describe('With INVALID_INPUT and UNKNOWN_FIELD: every field that is wrong.'),
  reason: z
    .enum(HERALD_REASON_LIST as [HeraldReason, ...HeraldReason[]])
    .optional()
    .describe(
      'Why, finer than the code, when Herald itself refused (e.g. target.not_found, delivery.in_progress): to show in your own words or language.',
    ),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('The values the reason refers to, e.g. {"id": "…"} for target.not_found.'),
});
export type HeraldErrorData = z.infer<typeof HeraldErrorData>;

/** The body of every error answer: tRPC's JSON error shape, with `data.herald`. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      message: z.string().describe('What went wrong, for a person: a bad input names each field and why.'),
      code: z.number().int().describe('The JSON-RPC 2.0 code tRPC gives the error, e.g. -32600 for BAD_REQUEST.'),
      data: z.object({
        code: z.string().describe("tRPC's name for the error, e.g. BAD_REQUEST, UNAUTHORIZED, TOO_MANY_REQUESTS."),
        httpStatus: z.number().int().describe('The HTTP status of the answer.'),
        path: z.string().optional().describe('The procedure called, when tRPC got that far.'),
        issues: z.array(ErrorIssue).optional().describe('The same list as `herald.issues` (for older clients).'),
        herald: HeraldErrorData,
      }),
    }),
  })
  .describe('Every error answer has this shape, whatever its status.');
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** The herald part for a reason: its code, retry flag, the reason and its params. */
export function heraldReason<R extends HeraldReason>(reason: R, params: ReasonParams<R>): HeraldErrorData {
  return { ...heraldError(HERALD_REASONS[reason].code), reason, params: params as Record<string, string | number> };
}

/** The code and retry flag for a code, with the bad fields when there are any. */
export function heraldError(code: HeraldErrorCode, issues?: ErrorIssue[]): HeraldErrorData {
  return { code, retryable: HERALD_ERRORS[code].retryable, ...(issues?.length ? { issues } : {}) };
}
