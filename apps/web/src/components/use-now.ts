import { useSyncExternalStore } from 'react';

/** How often relative times move on: "3 minutes ago" is never more than this behind. */
export const NOW_TICK_MS = 30_000;

// One clock for the whole page: a single interval however many times are shown, stopped when none is.
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    // The clock stood still while nothing showed a time: catch up before the first tick.
    now = Date.now();
    timer = setInterval(tick, NOW_TICK_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/** The current time (ms), re-rendering the caller every {@link NOW_TICK_MS} from one shared interval. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}
