import { queryOptions } from '@tanstack/react-query';
import { trpc, trpcClient } from './trpc.ts';

/** Each target's pace and backlog; polled while something waits or a target is slowed. */
export const targetPacesOptions = () =>
  queryOptions({
    ...trpc.targets.paces.queryOptions(),
    refetchInterval: (query) =>
      query.state.data?.some((p) => p.waiting > 0 || p.slowedUntil !== null) ? 3_000 : 15_000,
  });

export const silencesOptions = (includeEnded: boolean) => trpc.silences.list.queryOptions({ includeEnded });

/** Every silences query (active only, and with the ended ones). */
export const silencesKey = () => trpc.silences.list.pathKey();

export const createSilence = (input: Parameters<typeof trpcClient.silences.create.mutate>[0]) =>
  trpcClient.silences.create.mutate(input);
export const endSilence = (id: string) => trpcClient.silences.end.mutate({ id });
