import type { NotificationType } from '@herald/core';

type Data = Record<string, unknown> | null | undefined;

/**
 * What a notification was about, for a log row: the provider (and endpoint), the entity, the
 * leaderboard's date, or a digest's count. Read from stored data, so it never throws on an old shape.
 */
export function notificationSubject(type: NotificationType, kind: string, data: unknown): string | null {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (kind === 'digest') {
    const items = Array.isArray(d.items) ? (d.items as Data[]) : [];
    const names = items.map((i) => itemSubject(type, i)).filter((s): s is string => s !== null);
    const shown = names.slice(0, 3).join(', ');
    return names.length > 3 ? `${items.length}: ${shown}, …` : `${items.length}: ${shown}`;
  }
  return itemSubject(type, d);
}

function itemSubject(type: NotificationType, d: Data): string | null {
  if (!d) return null;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  switch (type) {
    case 'circuit_breaker': {
      const provider = str(d.providerName) ?? str(d.providerId);
      // Stored data from before endpoints has no source: the provider's own breaker.
      const endpoint = d.incidentSource === 'endpoint' ? str(d.endpointId) : null;
      return endpoint === null || provider === null ? provider : `${provider} · endpoint ${endpoint}`;
    }
    case 'cost_alert':
      return str(d.targetName) ?? str(d.targetId);
    case 'daily_leaderboard':
      return str(d.date);
    case 'cache_hit_rate': {
      // "Provider / model", or how many when several.
      const list = Array.isArray(d.anomalies) ? (d.anomalies as Array<Record<string, unknown>>) : [];
      const first = list[0];
      if (!first) return null;
      const one = `${str(first.providerName) ?? str(first.providerId)} / ${str(first.model)}`;
      return list.length > 1 ? `${one} +${list.length - 1}` : one;
    }
    case 'provider_balance':
      return str(d.providerName) ?? str(d.providerId);
  }
}

/** The event a notification reports (opened/recovered/flapping, over/recovered); null for a digest or the plain kind. */
export function notificationEvent(kind: string, data: unknown): string | null {
  if (kind !== 'alert' || typeof data !== 'object' || data === null) return null;
  const e = (data as Record<string, unknown>).event;
  return typeof e === 'string' ? e : null;
}
