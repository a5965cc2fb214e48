/**
 * Herald's one structured message. Notification builders produce it; each channel's
 * renderer turns it into that platform's exact request body.
 */
export const LEVELS = ['info', 'warning', 'error'] as const;
export type Level = (typeof LEVELS)[number];

export type Field = { label: string; value: string };
export type ListItem = { icon?: string; primary: string; secondary?: string };

export type Block =
  | { type: 'text'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | { type: 'divider' };

export type Section = { title?: string; blocks: Block[] };

/** What a link opens in Herald's dashboard: the subject's alerts, or the log of this message's deliveries. */
export const LINK_KINDS = ['provider', 'user', 'notification', 'digest'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
/** A link to a dashboard page, labelled in the message's language; the URL is absolute. */
export type MessageLink = { kind: LinkKind; label: string; url: string };

export type Message = {
  title: string;
  level: Level;
  icon?: string;
  sections: Section[];
  footer?: Section[];
  /** Pages of Herald's dashboard about this message (only when Herald knows its public address). */
  links?: MessageLink[];
  /** When the message was built (ISO-8601, UTC). */
  timestamp: string;
  /** IANA zone every time in the message is shown in. */
  timezone: string;
};

/** The emoji a level stands for where a platform shows no colour. */
export const LEVEL_ICON: Record<Level, string> = { error: '🚨', warning: '⚠️', info: '📊' };
