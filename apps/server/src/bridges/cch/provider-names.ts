/**
 * Provider names from Claude Code Hub's `GET /api/v1/providers` (admin; `{ items: [{ id, name, … }] }`),
 * for alerts about providers Herald has no name for: its health answer carries ids only.
 */
import { redactText } from '../../logger.ts';
import type { HttpClient } from '../../net/index.ts';

export const CCH_PROVIDERS_PATH = '/api/v1/providers';

/** A few hundred providers with their settings fit well within this. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const NAME_MAX = 200;

export async function fetchProviderNames(
  http: HttpClient,
  o: { baseUrl: string; token: string },
): Promise<{ ok: true; names: Map<string, string> } | { ok: false; error: string }> {
  try {
    const res = await http.getJson({
      url: `${o.baseUrl.replace(/\/+$/, '')}${CCH_PROVIDERS_PATH}`,
      headers: { authorization: `Bearer ${o.token}` },
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
    if (res.status < 200 || res.status >= 300) return { ok: false, error: `CCH answered HTTP ${res.status}` };
    const items = (JSON.parse(res.body) as { items?: unknown }).items;
    if (!Array.isArray(items)) return { ok: false, error: 'CCH answered without an items list' };
    const names = new Map<string, string>();
    for (const p of items as Array<{ id?: unknown; name?: unknown }>) {
      if (!Number.isSafeInteger(p?.id) || typeof p?.name !== 'string' || !p.name.trim()) continue;
      names.set(String(p.id), p.name.replaceAll('\u0000', '').trim().slice(0, NAME_MAX));
    }
    return { ok: true, names };
  } catch (err) {
    return { ok: false, error: redactText((err as Error).message, [o.token]) };
  }
}
