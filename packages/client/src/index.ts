import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router.ts';

export {
  type ErrorIssue,
  HERALD_ERROR_CODES,
  HERALD_ERRORS,
  HERALD_REASONS,
  type HeraldErrorCode,
  type HeraldErrorData,
  type HeraldErrorShape,
  type HeraldReason,
  heraldErrorOf,
  isRetryable,
  type JsonObject,
  type JsonValue,
  retryAfterSeconds,
  TRPCClientError,
} from './errors.ts';
export type { AppRouter };

/** Every procedure's input, by path: `RouterInputs['hub']['recordUsage']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's answer, by path: `RouterOutputs['hub']['recordUsage']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** The input of each `hub.*` procedure: `HubInputs['syncUsers']`. */
export type HubInputs = RouterInputs['hub'];
/** The answer of each `hub.*` procedure: `HubOutputs['reportCircuitBreaker']`. */
export type HubOutputs = RouterOutputs['hub'];

/** The client `createHeraldClient` returns. */
export type HeraldClient = TRPCClient<AppRouter>;

export type HeraldClientOptions = {
  /** Herald's base URL, e.g. `https://herald.example.com` (the API lives at `/trpc`). */
  url: string;
  /** A hub API key created in the dashboard (API keys page) or with `apiKeys.create`. */
  apiKey: string;
  /** A fetch implementation, for runtimes without a global one or to add a proxy. */
  fetch?: typeof globalThis.fetch;
  /** Calls made in the same tick share one HTTP request (default true). */
  batch?: boolean;
};

/** The typed client a hub imports: every `hub.*` procedure with its input and output types. */
export function createHeraldClient(options: HeraldClientOptions): HeraldClient {
  const base = options.url.replace(/\/+$/, '');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        headers: () => ({ authorization: `Bearer ${options.apiKey}` }),
        maxItems: options.batch === false ? 1 : 10,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
