import type { DeliverySummary } from '@herald/core';

/** One notification and its deliveries (one per target, plus resends), newest first as listed. */
export type DeliveryGroup = { notificationId: string; deliveries: DeliverySummary[] };

/**
 * The loaded log grouped by notification, in the order each first appears (newest first). A
 * notification's deliveries are created together, so they sit side by side; one split by a page
 * boundary joins its group when the next page loads.
 */
export function groupByNotification(items: readonly DeliverySummary[]): DeliveryGroup[] {
  const groups = new Map<string, DeliveryGroup>();
  for (const item of items) {
    const group = groups.get(item.notificationId);
    if (group) group.deliveries.push(item);
    else groups.set(item.notificationId, { notificationId: item.notificationId, deliveries: [item] });
  }
  return [...groups.values()];
}
