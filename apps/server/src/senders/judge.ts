import type { PlatformResponse, Verdict } from './sender.ts';

const MAX_HINT_MS = 5 * 60_000;

/** The JSON body of a response, or null when it is not JSON. */
export function jsonOf(res: PlatformResponse): Record<string, unknown> | null {
  try {
    const v = JSON.parse(res.body) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterHeader(res: PlatformResponse, now = Date.now()): number | undefined {
  const raw = res.headers['retry-after'];
  const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!v) return undefined;
  // delta-seconds; a fraction ("1.5") is read as written: Date.parse would take it for a date.
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // A date has letters (an HTTP date's day and month, ISO 8601's T); a bare number ("-5") is no date.
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function clampHint(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.min(Math.max(0, ms), MAX_HINT_MS);
}

/** The HTTP-level verdict when the platform said nothing more specific. */
export function byStatus(res: PlatformResponse, message?: string): Verdict {
  if (res.status >= 200 && res.status < 300) return { ok: true };
  const text = message ?? `HTTP ${res.status}`;
  if (res.status === 429) {
    const hint = clampHint(retryAfterHeader(res));
    return {
      ok: false,
      class: 'retryable',
      code: 429,
      message: text,
      rateLimited: true,
      ...(hint !== undefined ? { retryAfterMs: hint } : {}),
    };
  }
  if (res.status >= 500 || res.status === 408)
    return { ok: false, class: 'retryable', code: res.status, message: text };
  return { ok: false, class: 'permanent', code: res.status, message: text };
}

/**
 * Platforms answering `{errcode|code, errmsg|msg}` (WeCom, DingTalk, Feishu): the business code
 * decides, whatever the HTTP status (Feishu sends 9499 with HTTP 400).
 */
export function byBusinessCode(
  res: PlatformResponse,
  code: number | undefined,
  message: string,
  codes: { retryable: readonly number[]; permanent: readonly number[]; rateLimited?: readonly number[] },
): Verdict {
  if (code === undefined) {
    // A 2xx without the platform's result code is not proof of delivery.
    if (res.status < 300)
      return { ok: false, class: 'permanent', message: `unexpected answer: ${res.body.slice(0, 200)}` };
    return byStatus(res, `HTTP ${res.status}: ${res.body.slice(0, 200)}`);
  }
  // Success only over a 2xx: errcode 0 in a 502 page is the gateway's, not the platform's.
  if (code === 0) return byStatus(res);
  const text = `${code}: ${message}`;
  if (codes.retryable.includes(code) || (!codes.permanent.includes(code) && res.status >= 500)) {
    const hint = clampHint(retryAfterHeader(res));
    return {
      ok: false,
      class: 'retryable',
      code,
      message: text,
      ...(codes.rateLimited?.includes(code) ? { rateLimited: true } : {}),
      ...(hint !== undefined ? { retryAfterMs: hint } : {}),
    };
  }
  return { ok: false, class: 'permanent', code, message: text };
}
