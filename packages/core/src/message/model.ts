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

export type Message = {
  title: string;
  level: Level;
  icon?: string;
  sections: Section[];
  footer?: Section[];
  /** When the message was built (ISO-8601, UTC). */
  timestamp: string;
  /** IANA zone every time in the message is shown in. */
  timezone: string;
};

/** The emoji a level stands for where a platform shows no colour. */
export const LEVEL_ICON: Record<Level, string> = { error: '🚨', warning: '⚠️', info: '📊' };
