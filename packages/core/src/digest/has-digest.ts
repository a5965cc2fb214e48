import type { NotificationType } from '../domain.ts';

/**
 * The types whose notifications may be gathered, several to one message, per target. A daily
 * leaderboard is one report already.
 */
export const DIGEST_TYPES = ['circuit_breaker', 'cost_alert'] as const satisfies readonly NotificationType[];
export type DigestType = (typeof DIGEST_TYPES)[number];

export function hasDigest(type: NotificationType): type is DigestType {
  return (DIGEST_TYPES as readonly NotificationType[]).includes(type);
}
