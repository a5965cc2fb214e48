import type { NotificationType } from '../domain.ts';
import { circuitBreaker } from './circuit-breaker.ts';
import { costAlert } from './cost-alert.ts';
import { dailyLeaderboard } from './daily-leaderboard.ts';
import type { NotificationDefinition } from './types.ts';

/** Every notification type Herald sends. */
export const NOTIFICATIONS = {
  circuit_breaker: circuitBreaker,
  cost_alert: costAlert,
  daily_leaderboard: dailyLeaderboard,
} satisfies Record<NotificationType, NotificationDefinition>;

export { CircuitBreakerData } from './circuit-breaker.ts';
export { COST_PERIODS, CostAlertData, type CostPeriod } from './cost-alert.ts';
export { DailyLeaderboardData, LeaderboardEntry } from './daily-leaderboard.ts';
export type { BuildContext, JsonValue, NotificationDefinition, TemplateVariable, VariableDoc } from './types.ts';
