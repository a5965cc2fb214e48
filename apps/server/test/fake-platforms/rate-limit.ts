/**
 * At most `max` sends in any `windowMs` (a sliding window: a send at `t` stops counting at
 * `t + windowMs`). `penaltyMs`: once this limit is exceeded, every send is refused that long (DingTalk).
 */
export type RateLimit = { max: number; windowMs: number; penaltyMs?: number };

/** One limit or several (all must pass), or `'platform'`: the platform's real limits. */
export type RateLimitOption = RateLimit | readonly RateLimit[] | 'platform';

/** `waitMs`: how long until a send would pass, if nothing is sent meanwhile. */
export type RateVerdict = { ok: true } | { ok: false; waitMs: number };

/** The limits an option gives, checked: a bad one throws naming its field. */
export function rateLimitsOf(option: RateLimit | readonly RateLimit[]): RateLimit[] {
  const list = Array.isArray(option) ? [...option] : [option as RateLimit];
  list.forEach((l, i) => {
    const at = Array.isArray(option) ? `rateLimit[${i}]` : 'rateLimit';
    if (typeof l !== 'object' || l === null) {
      throw new Error(`${at} must be 'platform', { max, windowMs[, penaltyMs] } or a list of them, got ${String(l)}`);
    }
    if (!Number.isInteger(l.max) || l.max < 1) throw new Error(`${at}.max must be a whole number ≥ 1, got ${l.max}`);
    if (!Number.isFinite(l.windowMs) || l.windowMs <= 0) {
      throw new Error(`${at}.windowMs must be a finite number of ms > 0, got ${l.windowMs}`);
    }
    if (l.penaltyMs !== undefined && (!Number.isFinite(l.penaltyMs) || l.penaltyMs < 0)) {
      throw new Error(`${at}.penaltyMs must be a finite number of ms ≥ 0, got ${l.penaltyMs}`);
    }
  });
  return list;
}

/**
 * Strict sliding windows for one robot or chat: refused sends count against every window too,
 * as WeCom's do, so a sender that keeps hammering stays locked out.
 */
export function createRateWindows(limits: readonly RateLimit[]) {
  const sent = limits.map((): number[] => []);
  let penaltyUntil = Number.NEGATIVE_INFINITY;

  return {
    /** Counts a send at `at` (ms, non-decreasing) and says whether it may pass. */
    take(at: number): RateVerdict {
      let exceeded = false;
      limits.forEach((limit, i) => {
        const log = sent[i] ?? [];
        while (log.length > 0 && (log[0] ?? 0) <= at - limit.windowMs) log.shift();
        if (log.length < limit.max) return;
        exceeded = true;
        if (limit.penaltyMs) penaltyUntil = Math.max(penaltyUntil, at + limit.penaltyMs);
      });
      const refused = exceeded || at < penaltyUntil;
      for (const log of sent) log.push(at);
      if (!refused) return { ok: true };
      // A send passes once every window holds fewer than max, counting this refused one.
      let freeAt = penaltyUntil;
      limits.forEach((limit, i) => {
        const log = sent[i] ?? [];
        const oldest = log[log.length - limit.max];
        if (oldest !== undefined) freeAt = Math.max(freeAt, oldest + limit.windowMs);
      });
      return { ok: false, waitMs: freeAt - at };
    },
  };
}

export type RateWindows = ReturnType<typeof createRateWindows>;
