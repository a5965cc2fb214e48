import { HERALD_REASONS, type HeraldReason, type ReasonParams } from '@herald/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

type ReasonCode = (typeof HERALD_REASONS)[HeraldReason]['code'];

/** The tRPC code each reason's Herald code is thrown as (error-shape.ts maps it back). */
const TRPC_CODE = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const satisfies Record<ReasonCode, TRPC_ERROR_CODE_KEY>;

/** The reason and its params, carried as the TRPCError's cause to the error formatter (api/trpc.ts). */
export class Refusal extends Error {
  readonly reason: HeraldReason;
  readonly params: Record<string, string | number>;
  constructor(reason: HeraldReason, params: Record<string, string | number>, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'Refusal';
    this.reason = reason;
    this.params = params;
  }
}

/**
 * A refusal a service makes itself, as core's table names it: the answer carries `reason` and
 * `params` in `data.herald` beside the English `message` (for API clients and the log).
 */
export function refusal<R extends HeraldReason>(
  reason: R,
  params: ReasonParams<R>,
  message: string,
  cause?: unknown,
): TRPCError {
  return new TRPCError({
    code: TRPC_CODE[HERALD_REASONS[reason].code],
    message,
    cause: new Refusal(reason, params as Record<string, string | number>, message, cause),
  });
}
