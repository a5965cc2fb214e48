import type { Locale } from '../domain.ts';
import type { LinkKind, MessageLink } from './model.ts';

/**
 * What a message needs to link back to Herald's dashboard: where the dashboard is reached
 * (PUBLIC_URL, an origin without a trailing slash) and which notification (or digest delivery)
 * the message is. Without it a message has no links.
 */
export type LinkContext = {
  publicUrl: string;
  /** The notification this message is (its deliveries are its log). */
  notificationId?: string;
  /** The delivery that sends this digest (what it carried is its log). */
  digestId?: string;
};

/** Whose alerts a message is about: a provider's or a hub user's. */
export type LinkSubject = { kind: 'provider' | 'user'; id: string };

const LABELS: Record<Locale, Record<LinkKind, string>> = {
  'zh-CN': { provider: '该供应商的告警', user: '该用户的额度告警', notification: '投递记录', digest: '投递记录' },
  'zh-TW': { provider: '該供應商的警示', user: '該使用者的額度警示', notification: '投遞紀錄', digest: '投遞紀錄' },
  en: {
    provider: 'Alerts for this provider',
    user: 'Quota alerts for this user',
    notification: 'Delivery log',
    digest: 'Delivery log',
  },
  ja: {
    provider: 'このプロバイダーのアラート',
    user: 'このユーザーの上限アラート',
    notification: '配信ログ',
    digest: '配信ログ',
  },
  ru: {
    provider: 'Оповещения об этом провайдере',
    user: 'Оповещения о лимитах пользователя',
    notification: 'Журнал доставки',
    digest: 'Журнал доставки',
  },
};

/**
 * The dashboard's delivery log with one filter (`/deliveries?provider=7`): each kind is the name
 * of the dashboard's filter (apps/web components/deliveries-search.ts); the value is percent-encoded.
 */
export function deliveriesUrl(publicUrl: string, kind: LinkKind, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/deliveries?${new URLSearchParams({ [kind]: id })}`;
}

/**
 * A message's links, most specific first: the subject's alerts (a provider's, a user's), then
 * the delivery log of this very message. None without a public address.
 */
export function messageLinks(
  links: LinkContext | undefined,
  locale: Locale,
  subjects: LinkSubject[] = [],
): MessageLink[] {
  if (!links) return [];
  const out: Array<{ kind: LinkKind; id: string }> = [...subjects];
  if (links.notificationId) out.push({ kind: 'notification', id: links.notificationId });
  if (links.digestId) out.push({ kind: 'digest', id: links.digestId });
  return out.map(({ kind, id }) => ({
    kind,
    label: LABELS[locale][kind],
    url: deliveriesUrl(links.publicUrl, kind, id),
  }));
}

/** `{ links }` to spread into a message, or nothing: a message without links stays as it was. */
export function withLinks(
  links: LinkContext | undefined,
  locale: Locale,
  subjects: LinkSubject[] = [],
): { links?: MessageLink[] } {
  const list = messageLinks(links, locale, subjects);
  return list.length > 0 ? { links: list } : {};
}

/** The one link a platform has room for (a card's title, a tap): this message's own delivery log. */
export function primaryLink(links: MessageLink[] | undefined): MessageLink | undefined {
  return links?.find((l) => l.kind === 'notification' || l.kind === 'digest') ?? links?.[0];
}
