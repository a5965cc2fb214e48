import type { NotificationType, Settings } from '@herald/core';

/** The per-type incident settings as the card edits them (number inputs may hold '' while typed). */
export type GroupingState = {
  circuitBreakerGroupWaitSeconds: number | string;
  costAlertGroupWaitSeconds: number | string;
  costAlertDigestThreshold: number | string;
  costAlertRecoveryEnabled: boolean;
};

export function groupingState(settings: Settings): GroupingState {
  return {
    circuitBreakerGroupWaitSeconds: settings.circuitBreakerGroupWaitSeconds,
    costAlertGroupWaitSeconds: settings.costAlertGroupWaitSeconds,
    costAlertDigestThreshold: settings.costAlertDigestThreshold,
    costAlertRecoveryEnabled: settings.costAlertRecoveryEnabled,
  };
}

/** A typed number; an empty field is NaN, which the shared schema refuses (not a silent 0 = "off"). */
export function numberOf(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

/** The settings.update fields a type's card owns. */
export function groupingPatch(type: NotificationType, state: GroupingState): Record<string, number | boolean> {
  switch (type) {
    case 'circuit_breaker':
      return { circuitBreakerGroupWaitSeconds: numberOf(state.circuitBreakerGroupWaitSeconds) };
    case 'cost_alert':
      return {
        costAlertGroupWaitSeconds: numberOf(state.costAlertGroupWaitSeconds),
        costAlertDigestThreshold: numberOf(state.costAlertDigestThreshold),
        costAlertRecoveryEnabled: state.costAlertRecoveryEnabled,
      };
    case 'daily_leaderboard':
    case 'cache_hit_rate':
    case 'provider_balance':
      return {};
  }
}
