import { DeliveryStatus, HUB_ID_MAX, NotificationTypeSchema } from '@herald/core';
import { z } from 'zod';

/** The time presets: relative to when the filter is applied. */
export const TIME_RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
export type TimeRange = keyof typeof TIME_RANGES;

const Instant = z.iso.datetime({ offset: true }).optional().catch(undefined);
/** A hub's provider or user id, as messages' links carry it (core `deliveriesUrl`). */
const HubId = z.string().trim().min(1).max(HUB_ID_MAX).optional().catch(undefined);

/** `/deliveries` filters; anything invalid is dropped rather than failing the page. */
export const DeliveriesSearch = z.object({
  status: DeliveryStatus.optional().catch(undefined),
  type: NotificationTypeSchema.optional().catch(undefined),
  target: z.uuid().optional().catch(undefined),
  /** Only what this silence held back (the silences page links here). */
  silence: z.uuid().optional().catch(undefined),
  /** Only what this digest delivery carried. */
  digest: z.uuid().optional().catch(undefined),
  /** Only this notification's deliveries (a message's "delivery log" link). */
  notification: z.uuid().optional().catch(undefined),
  /** Only alerts about this hub provider, or this hub user (links in messages). */
  provider: HubId,
  user: HubId,
  /** A preset (the last hour, day, …); otherwise `from` and/or `to`. */
  range: z
    .enum(Object.keys(TIME_RANGES) as [TimeRange, ...TimeRange[]])
    .optional()
    .catch(undefined),
  from: Instant,
  to: Instant,
});
export type DeliveriesSearch = z.infer<typeof DeliveriesSearch>;

/** The instants a filter stands for at `now`: a preset wins over from/to. */
export function timeWindow(filters: DeliveriesSearch, now: number): { from?: string; to?: string } {
  if (filters.range) return { from: new Date(now - TIME_RANGES[filters.range]).toISOString() };
  return { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) };
}

/** Any filter set at all (the empty log then says "no match" rather than "no deliveries yet"). */
export function isFiltered(filters: DeliveriesSearch): boolean {
  return Object.values(filters).some(Boolean);
}

/** The `deliveries.list` filters the search stands for (besides the time window). */
export function listFilters(filters: DeliveriesSearch) {
  return {
    status: filters.status,
    notificationType: filters.type,
    targetId: filters.target,
    silenceId: filters.silence,
    digestId: filters.digest,
    notificationId: filters.notification,
    providerId: filters.provider,
    userId: filters.user,
  };
}

/** The search string for `filters`, without empty values. */
export function deliveriesHref(filters: DeliveriesSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/deliveries?${query}` : '/deliveries';
}
