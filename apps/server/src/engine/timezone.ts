import { isTimeZone } from '@herald/core';

/** The spec's priority: the binding's zone, then the settings' zone, then UTC. */
export function resolveTimezone(
  bindingZone: string | null | undefined,
  settingsZone: string | null | undefined,
): string {
  for (const z of [bindingZone, settingsZone]) if (z && isTimeZone(z)) return z;
  return 'UTC';
}
