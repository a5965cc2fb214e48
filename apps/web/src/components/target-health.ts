import type { TargetHealth } from '@herald/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { trpc } from '../lib/trpc.ts';

/** Every target's health (targets.health); refreshed every 30 s while a page shows it. */
export const targetHealthOptions = () =>
  queryOptions({ ...trpc.targets.health.queryOptions(), staleTime: 10_000, refetchInterval: 30_000 });

/** Health by target id; one shared query however many dots a page shows. */
export function useTargetHealth() {
  const query = useQuery(targetHealthOptions());
  const byId = useMemo(
    () => new Map<string, TargetHealth>((query.data ?? []).map((h) => [h.targetId, h])),
    [query.data],
  );
  return { byId, isError: query.isError, isPending: query.isPending };
}

/** The delivered share as a whole percent in the UI language ("75%", "75 %"). */
export function formatRate(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
