import type { AppRouter } from '@herald/server/router';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';

export type { AppRouter };

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
export function createHeraldClient(options: HeraldClientOptions): TRPCClient<AppRouter> {
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
