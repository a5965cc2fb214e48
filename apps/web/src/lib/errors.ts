import { TRPCClientError } from '@trpc/client';

/** The HTTP status of a failed call: from the tRPC error shape, or the raw response (e.g. a 429). */
export function httpStatusOf(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const fromShape = (error.data as { httpStatus?: unknown } | null | undefined)?.httpStatus;
  if (typeof fromShape === 'number') return fromShape;
  const response = error.meta?.response;
  return response instanceof Response ? response.status : null;
}

/** The tRPC error code (`UNAUTHORIZED`, `NOT_FOUND`, …) when the server answered with one. */
export function trpcCodeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code = (error.data as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

export function isUnauthorized(error: unknown): boolean {
  return trpcCodeOf(error) === 'UNAUTHORIZED' || httpStatusOf(error) === 401;
}

/** A 4xx answer: asking again will not change it. */
export function isClientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== null && status >= 400 && status < 500;
}

/** No answer from the server at all (offline, refused, DNS). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TRPCClientError && httpStatusOf(error) === null && error.cause instanceof TypeError;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
