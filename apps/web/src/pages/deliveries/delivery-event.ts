import {
  BALANCE_EVENTS,
  type BalanceEvent,
  BREAKER_EVENTS,
  type BreakerEvent,
  COST_ALERT_EVENTS,
  type CostAlertEvent,
} from '@herald/core';

/** The events a delivery's notification reports (`DeliverySummary.event`): breakers', cost alerts' and balances'. */
export type DeliveryEvent = BreakerEvent | CostAlertEvent | BalanceEvent;
export const DELIVERY_EVENTS: readonly DeliveryEvent[] = [
  ...new Set([...BREAKER_EVENTS, ...COST_ALERT_EVENTS, ...BALANCE_EVENTS]),
];

/** The label key of an event the dashboard knows; null for one it does not (shown as sent). */
export function eventLabelKey(event: string | null): `deliveries.events.${DeliveryEvent}` | null {
  return DELIVERY_EVENTS.includes(event as DeliveryEvent) ? `deliveries.events.${event as DeliveryEvent}` : null;
}
