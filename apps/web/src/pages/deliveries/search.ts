import { DeliveryStatus, NotificationTypeSchema } from '@herald/core';
import { z } from 'zod';

/** `/deliveries` filters; anything invalid is dropped rather than failing the page. */
export const DeliveriesSearch = z.object({
  status: DeliveryStatus.optional().catch(undefined),
  type: NotificationTypeSchema.optional().catch(undefined),
  target: z.uuid().optional().catch(undefined),
});
export type DeliveriesSearch = z.infer<typeof DeliveriesSearch>;

/** The search string for `filters`, without empty values. */
export function deliveriesHref(filters: DeliveriesSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/deliveries?${query}` : '/deliveries';
}
