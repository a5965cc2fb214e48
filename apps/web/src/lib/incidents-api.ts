import type { CreateSilenceInput, SilenceView, TargetPaceView } from '@herald/core';
import { queryOptions } from '@tanstack/react-query';
import { trpcClient } from './trpc.ts';

/**
 * Admin procedures of issue 11 that the server is still adding (`targets.paces`, `silences.*`),
 * typed by their shared schemas until AppRouter has them; then these become
 * `trpc.targets.paces.queryOptions()` and friends, with the same inputs and outputs.
 */
type IncidentsClient = {
  targets: { paces: { query: () => Promise<TargetPaceView[]> } };
  silences: {
    list: { query: (input: { includeEnded: boolean }) => Promise<SilenceView[]> };
    create: { mutate: (input: CreateSilenceInput) => Promise<unknown> };
    end: { mutate: (input: { id: string }) => Promise<unknown> };
  };
};

const client = trpcClient as unknown as IncidentsClient;

export const incidentsKeys = {
  paces: ['targets', 'paces'] as const,
  silences: ['silences'] as const,
};

/** Each target's pace and backlog; polled while something waits or a target is slowed. */
export const targetPacesOptions = () =>
  queryOptions({
    queryKey: incidentsKeys.paces,
    queryFn: () => client.targets.paces.query(),
    refetchInterval: (query) =>
      query.state.data?.some((p) => p.waiting > 0 || p.slowedUntil !== null) ? 3_000 : 15_000,
  });

export const silencesOptions = (includeEnded: boolean) =>
  queryOptions({
    queryKey: [...incidentsKeys.silences, 'list', { includeEnded }] as const,
    queryFn: () => client.silences.list.query({ includeEnded }),
  });

export const createSilence = (input: CreateSilenceInput) => client.silences.create.mutate(input);
export const endSilence = (id: string) => client.silences.end.mutate({ id });
