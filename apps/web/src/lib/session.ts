import type { SessionInfo } from '@herald/core';
import type { QueryClient } from '@tanstack/react-query';
import { trpc } from './trpc.ts';

const SIGNED_OUT: SessionInfo = { authenticated: false, expiresAt: null };

/** The admin session, from cache when fresh (route guards call this on every navigation). */
export function fetchSession(queryClient: QueryClient): Promise<SessionInfo> {
  return queryClient.fetchQuery(trpc.auth.session.queryOptions());
}

export function rememberSession(queryClient: QueryClient, session: SessionInfo): void {
  queryClient.setQueryData(trpc.auth.session.queryKey(), session);
}

/** Forgets everything fetched under the old session and records that there is none. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.clear();
  rememberSession(queryClient, SIGNED_OUT);
}
