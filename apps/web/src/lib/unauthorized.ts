import { matchMutation, type QueryClient } from '@tanstack/react-query';
import { isUnauthorized } from './errors.ts';
import { trpc } from './trpc.ts';

/**
 * Calls `onUnauthorized` whenever a query or mutation is refused for want of a session
 * (it expired, or was ended elsewhere). A wrong token on the login form is not that.
 */
export function watchUnauthorized(queryClient: QueryClient, onUnauthorized: () => void): () => void {
  const loginKey = trpc.auth.login.mutationKey();
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error)) {
      onUnauthorized();
    }
  });
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error' || !event.mutation) return;
    if (isUnauthorized(event.action.error) && !matchMutation({ mutationKey: loginKey }, event.mutation)) {
      onUnauthorized();
    }
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}
