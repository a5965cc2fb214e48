/** The events a delivery's notification reports (`DeliverySummary.event`), each with its label. */
export const DELIVERY_EVENTS = ['opened', 'recovered', 'flapping', 'over'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

/** The label key of an event the dashboard knows; null for one it does not (shown as sent). */
export function eventLabelKey(event: string | null): `deliveries.events.${DeliveryEvent}` | null {
  return DELIVERY_EVENTS.includes(event as DeliveryEvent) ? `deliveries.events.${event as DeliveryEvent}` : null;
}
