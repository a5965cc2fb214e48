/** At most `max` messages in any `windowMs`, as a platform counts them. */
export type RateLimit = { max: number; windowMs: number };

/** What a platform allows one target, and how it punishes more. */
export type ChannelPace = {
  limits: RateLimit[];
  /** Beyond the limit the platform refuses everything for this long (DingTalk: 10 minutes). */
  penaltyMs?: number;
  /** The platform asks bots to stay off :00 and :30 (Feishu). */
  avoidTopOfHour?: boolean;
};

export const MINUTE_MS = 60_000;

/** Headroom for the gap between taking a slot and the platform receiving the request. */
const MARGIN = 1.02;

/**
 * The spacing between two sends that keeps every window under its limit: a GCRA with no burst
 * sends at most 1 + W/T messages in any window W, so T = W / (max − 1). A target's own pace
 * (messages per minute) can only slow it. Null: no limit at all.
 */
export function paceIntervalMs(pace: ChannelPace, perMinute?: number | null): number | null {
  const spacings = pace.limits.map((l) => (l.max <= 1 ? l.windowMs : l.windowMs / (l.max - 1)) * MARGIN);
  if (perMinute) spacings.push(MINUTE_MS / perMinute);
  return spacings.length === 0 ? null : Math.ceil(Math.max(...spacings));
}

/** Messages per minute a spacing allows, for display. */
export const perMinuteOf = (intervalMs: number | null) =>
  intervalMs === null ? null : Math.round((MINUTE_MS / intervalMs) * 10) / 10;
