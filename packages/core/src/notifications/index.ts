import type { NotificationType } from '../domain.ts';
import { cacheHitRate } from './cache-hit-rate.ts';
import { circuitBreaker } from './circuit-breaker.ts';
import { costAlert } from './cost-alert.ts';
import { dailyLeaderboard } from './daily-leaderboard.ts';
import { providerBalance } from './provider-balance.ts';
import type { NotificationDefinition } from './types.ts';

/** Every notification type Herald sends. */
export const NOTIFICATIONS = {
  circuit_breaker: circuitBreaker,
  cost_alert: costAlert,
  daily_leaderboard: dailyLeaderboard,
  cache_hit_rate: cacheHitRate,
  provider_balance: providerBalance,
} satisfies Record<NotificationType, NotificationDefinition>;

export { CacheAnomalyData, CacheHitRateData } from './cache-hit-rate.ts';
export {
  BREAKER_EVENTS,
  type BreakerEvent,
  CircuitBreakerData,
  CircuitBreakerNotificationData,
  FLAP_QUIET_MINUTES,
  FLAP_WINDOW_MINUTES,
  INCIDENT_SOURCES,
  type IncidentSource,
  incidentSourceOf,
} from './circuit-breaker.ts';
export {
  COST_ALERT_EVENTS,
  COST_PERIODS,
  CostAlertData,
  type CostAlertEvent,
  type CostPeriod,
} from './cost-alert.ts';
export { DailyLeaderboardData, LeaderboardEntry } from './daily-leaderboard.ts';
export { formatDuration } from './duration.ts';
export {
  BALANCE_EVENTS,
  type BalanceEvent,
  balanceLevelText,
  ProviderBalanceData,
} from './provider-balance.ts';
export type { BuildContext, JsonValue, NotificationDefinition, TemplateVariable, VariableDoc } from './types.ts';
export { DEFAULT_DIGEST_TEMPLATE } from './types.ts';
