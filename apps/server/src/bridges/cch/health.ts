/**
 * Claude Code Hub's `GET /api/v1/providers/health` (admin): a JSON object keyed by provider id,
 * each `{ circuitState, failureCount, lastFailureTime, circuitOpenUntil, recoveryMinutes }`,
 * times in epoch milliseconds (claude-code-hub-cache-alert-and-breakers.md §3.3). Read strictly:
 * an answer Herald cannot read changes nothing, and says where it is wrong.
 */
import { CCH_BREAKER_STATES, CCH_HEALTH_PATH, type CchBreakerState } from '@herald/core';
import { redactText } from '../../logger.ts';
import type { HttpClient } from '../../net/index.ts';
import { TransportError } from '../../net/index.ts';

export type CchBreaker = {
  providerId: string;
  state: CchBreakerState;
  failureCount: number;
  /** When the last failure was counted, by CCH's clock. */
  lastFailureAt: Date | null;
  /** When it may go half-open. */
  openUntil: Date | null;
};

export type HealthAnswer =
  | { ok: true; status: number; breakers: CchBreaker[]; latencyMs: number }
  | { ok: false; status: number | null; error: string; latencyMs: number };

/** Far above CCH's answer for hundreds of providers. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export const healthUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}${CCH_HEALTH_PATH}`;

/** One poll of CCH's health endpoint with the admin token; never throws, never echoes the token. */
export async function fetchCchHealth(
  http: HttpClient,
  o: { baseUrl: string; token: string; timeoutMs?: number },
): Promise<HealthAnswer> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  const hide = (text: string) => redactText(text, [o.token]);
  try {
    const res = await http.getJson({
      url: healthUrl(o.baseUrl),
      headers: { authorization: `Bearer ${o.token}` },
      totalTimeoutMs: o.timeoutMs ?? 10_000,
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
    if (res.status === 401 || res.status === 403) {
      return {
        ok: false,
        status: res.status,
        error: `CCH refused the token (HTTP ${res.status})`,
        latencyMs: latencyMs(),
      };
    }
    if (res.status < 200 || res.status >= 300) {
      const excerpt = hide(res.body.slice(0, 200)).replace(/\s+/g, ' ').trim();
      return {
        ok: false,
        status: res.status,
        error: `CCH answered HTTP ${res.status}: ${excerpt}`,
        latencyMs: latencyMs(),
      };
    }
    if (res.truncated) {
      return {
        ok: false,
        status: res.status,
        error: `CCH's answer is over ${MAX_ANSWER_BYTES} bytes`,
        latencyMs: latencyMs(),
      };
    }
    const read = readHealth(res.body);
    if (!read.ok) return { ok: false, status: res.status, error: read.error, latencyMs: latencyMs() };
    return { ok: true, status: res.status, breakers: read.breakers, latencyMs: latencyMs() };
  } catch (err) {
    const message = err instanceof TransportError ? err.message : (err as Error).message;
    return { ok: false, status: null, error: hide(`could not reach CCH: ${message}`), latencyMs: latencyMs() };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const epoch = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** CCH's answer body as breakers, sorted by provider id; the first problem otherwise. */
export function readHealth(text: string): { ok: true; breakers: CchBreaker[] } | { ok: false; error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'CCH answered something that is not JSON: is the base URL the address CCH is served at?',
    };
  }
  if (!isRecord(body)) return { ok: false, error: 'CCH answered JSON that is not an object keyed by provider id' };
  const breakers: CchBreaker[] = [];
  for (const [id, v] of Object.entries(body)) {
    const where = `provider ${JSON.stringify(id.slice(0, 40))}`;
    if (!/^\d{1,18}$/.test(id)) return { ok: false, error: `CCH answered a key that is not a provider id: ${where}` };
    if (!isRecord(v)) return { ok: false, error: `${where}: not an object` };
    if (!(CCH_BREAKER_STATES as readonly unknown[]).includes(v.circuitState)) {
      return { ok: false, error: `${where}: circuitState must be one of ${CCH_BREAKER_STATES.join(', ')}` };
    }
    if (!epoch(v.failureCount)) return { ok: false, error: `${where}: failureCount must be a whole number` };
    for (const field of ['lastFailureTime', 'circuitOpenUntil'] as const) {
      if (v[field] !== null && v[field] !== undefined && !epoch(v[field])) {
        return { ok: false, error: `${where}: ${field} must be epoch milliseconds or null` };
      }
    }
    breakers.push({
      providerId: id,
      state: v.circuitState as CchBreakerState,
      failureCount: v.failureCount as number,
      lastFailureAt: typeof v.lastFailureTime === 'number' ? new Date(v.lastFailureTime) : null,
      openUntil: typeof v.circuitOpenUntil === 'number' ? new Date(v.circuitOpenUntil) : null,
    });
  }
  breakers.sort((a, b) => Number(a.providerId) - Number(b.providerId));
  return { ok: true, breakers };
}
