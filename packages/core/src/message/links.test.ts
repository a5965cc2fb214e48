import { describe, expect, it } from 'vitest';
import { buildDigestMessage } from '../digest/build-digest.ts';
import { LOCALES, type Locale, NOTIFICATION_TYPES } from '../domain.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import { buildMessage } from '../render-notification.ts';
import { templateVariables } from '../template/variables.ts';
import { deliveriesUrl, messageLinks, primaryLink, withLinks } from './links.ts';

const now = new Date('2026-01-15T06:30:00.000Z');
const HERALD = 'https://herald.example.com';
const NOTIFICATION = '0193a5b2-7c1d-7e2f-8a3b-4c5d6e7f8a9b';
const DIGEST = '0193a5b2-7c1d-7e2f-8a3b-000000000001';
const LOG_URL = `${HERALD}/deliveries?notification=${NOTIFICATION}`;
const ctx = (locale: Locale = 'en') => ({
  locale,
  timezone: 'Asia/Shanghai',
  now,
  links: { publicUrl: HERALD, notificationId: NOTIFICATION },
});
const build = (type: (typeof NOTIFICATION_TYPES)[number], data: unknown, locale: Locale = 'en') =>
  buildMessage(type, NOTIFICATIONS[type].data.parse(data), ctx(locale));

describe('dashboard URLs', () => {
  it('are the delivery log with one filter, the value percent-encoded, the address without its slash', () => {
    expect(deliveriesUrl(`${HERALD}/`, 'provider', '7')).toBe(`${HERALD}/deliveries?provider=7`);
    expect(deliveriesUrl(HERALD, 'user', 'a b&c=d')).toBe(`${HERALD}/deliveries?user=a+b%26c%3Dd`);
    // Nothing in an id can end a Markdown link target or open a tag.
    expect(deliveriesUrl(HERALD, 'provider', 'x)](y) <b>|')).toBe(
      `${HERALD}/deliveries?provider=x%29%5D%28y%29+%3Cb%3E%7C`,
    );
    expect(deliveriesUrl(HERALD, 'notification', NOTIFICATION)).toBe(
      `${HERALD}/deliveries?notification=${NOTIFICATION}`,
    );
    expect(deliveriesUrl('http://127.0.0.1:3000', 'digest', DIGEST)).toBe(
      `http://127.0.0.1:3000/deliveries?digest=${DIGEST}`,
    );
  });

  it('without a public address a message has no links at all', () => {
    expect(messageLinks(undefined, 'en', [{ kind: 'provider', id: '7' }])).toEqual([]);
    expect(withLinks(undefined, 'en', [{ kind: 'provider', id: '7' }])).toEqual({});
    for (const type of NOTIFICATION_TYPES) {
      const m = buildMessage(type, NOTIFICATIONS[type].sample({ now }), { locale: 'en', timezone: 'UTC', now });
      expect(m).not.toHaveProperty('links');
    }
  });

  it('the subject first, this message’s log last; the one link is the log', () => {
    const links = messageLinks({ publicUrl: HERALD, notificationId: NOTIFICATION }, 'en', [
      { kind: 'provider', id: '7' },
    ]);
    expect(links).toEqual([
      { kind: 'provider', label: 'Alerts for this provider', url: `${HERALD}/deliveries?provider=7` },
      { kind: 'notification', label: 'Delivery log', url: `${HERALD}/deliveries?notification=${NOTIFICATION}` },
    ]);
    expect(primaryLink(links)).toBe(links[1]);
    expect(primaryLink([links[0] as never])).toBe(links[0]);
    expect(primaryLink(undefined)).toBeUndefined();
  });

  it.each(LOCALES)('labels every kind in %s', (locale) => {
    const links = messageLinks({ publicUrl: HERALD, notificationId: NOTIFICATION, digestId: DIGEST }, locale, [
      { kind: 'provider', id: '7' },
      { kind: 'user', id: '42' },
    ]);
    expect(links.map((l) => l.kind)).toEqual(['provider', 'user', 'notification', 'digest']);
    for (const l of links) expect(l.label.trim()).not.toBe('');
    if (locale !== 'en') expect(links[0]?.label).not.toBe('Alerts for this provider');
  });
});

describe('each type links to what it is about', () => {
  const log = { kind: 'notification', url: LOG_URL };
  const kinds = (m: { links?: Array<{ kind: string; url: string }> }) =>
    (m.links ?? []).map(({ kind, url }) => ({ kind, url }));

  it('a breaker: the provider’s alerts and this alert’s deliveries (recoveries and endpoints too)', () => {
    const sample = NOTIFICATIONS.circuit_breaker.sample({ now });
    const provider = { kind: 'provider', url: `${HERALD}/deliveries?provider=7` };
    expect(kinds(build('circuit_breaker', sample))).toEqual([provider, log]);
    const recovered = { ...sample, event: 'recovered', closedAt: now.toISOString() };
    expect(kinds(build('circuit_breaker', recovered))).toEqual([provider, log]);
    const endpoint = { ...sample, incidentSource: 'endpoint', endpointId: '3' };
    expect(kinds(build('circuit_breaker', endpoint))).toEqual([provider, log]);
  });

  it('a cost alert: the user’s quota alerts, or the provider’s', () => {
    const sample = NOTIFICATIONS.cost_alert.sample({ now });
    const user = build('cost_alert', sample, 'zh-CN');
    expect(kinds(user)).toEqual([{ kind: 'user', url: `${HERALD}/deliveries?user=42` }, log]);
    expect(user.links?.[0]?.label).toBe('该用户的额度告警');
    const provider = { ...sample, targetType: 'provider', targetId: 'p 1', event: 'recovered' };
    expect(kinds(build('cost_alert', provider))).toEqual([
      { kind: 'provider', url: `${HERALD}/deliveries?provider=p+1` },
      log,
    ]);
  });

  it('a balance: the provider’s alerts', () => {
    expect(kinds(build('provider_balance', NOTIFICATIONS.provider_balance.sample({ now })))).toEqual([
      { kind: 'provider', url: `${HERALD}/deliveries?provider=7` },
      log,
    ]);
  });

  it('cache hit rates: the provider only when every anomaly is one provider’s', () => {
    const sample = NOTIFICATIONS.cache_hit_rate.sample({ now });
    const anomaly = sample.anomalies[0];
    if (!anomaly) throw new Error('the sample has anomalies');
    const one = { ...sample, anomalies: [anomaly, { ...anomaly, model: 'other' }] };
    expect(kinds(build('cache_hit_rate', one))).toEqual([
      { kind: 'provider', url: `${HERALD}/deliveries?provider=${encodeURIComponent(anomaly.providerId)}` },
      log,
    ]);
    const two = { ...sample, anomalies: [anomaly, { ...anomaly, providerId: `${anomaly.providerId}-2` }] };
    expect(kinds(build('cache_hit_rate', two))).toEqual([log]);
    expect(kinds(build('cache_hit_rate', { ...sample, anomalies: [] }))).toEqual([log]);
  });

  it('a leaderboard: its deliveries only', () => {
    expect(kinds(build('daily_leaderboard', NOTIFICATIONS.daily_leaderboard.sample({ now })))).toEqual([log]);
  });

  it('a digest: what it carried', () => {
    const items = [NOTIFICATIONS.circuit_breaker.sample({ now })];
    const m = buildDigestMessage('circuit_breaker', items, {
      locale: 'ja',
      timezone: 'UTC',
      now,
      links: { publicUrl: HERALD, digestId: DIGEST },
    });
    expect(m.links).toEqual([{ kind: 'digest', label: '配信ログ', url: `${HERALD}/deliveries?digest=${DIGEST}` }]);
  });
});

describe('template variables', () => {
  it('link is this message’s delivery log and links_json every link; empty without a public address', () => {
    const data = NOTIFICATIONS.circuit_breaker.sample({ now });
    const with_ = templateVariables('circuit_breaker', data, build('circuit_breaker', data), ctx());
    expect(with_.link).toEqual({ text: LOG_URL, json: LOG_URL });
    expect(with_.links_json?.json).toEqual([
      { kind: 'provider', label: 'Alerts for this provider', url: `${HERALD}/deliveries?provider=7` },
      { kind: 'notification', label: 'Delivery log', url: LOG_URL },
    ]);
    expect(JSON.parse(with_.links_json?.text ?? '')).toEqual(with_.links_json?.json);

    const plain = { locale: 'en', timezone: 'UTC', now } as const;
    const without = templateVariables('circuit_breaker', data, buildMessage('circuit_breaker', data, plain), plain);
    expect(without.link).toEqual({ text: '', json: '' });
    expect(without.links_json).toEqual({ text: '[]', json: [] });
  });
});
