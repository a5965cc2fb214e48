import type { ColumnType, Generated, Selectable } from 'kysely';

export const NOTIFICATION_SOURCES = ['hub', 'schedule', 'manual', 'test'] as const;
export type NotificationSource = (typeof NOTIFICATION_SOURCES)[number];

export const NOTIFICATION_KINDS = ['alert', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationTable = {
  id: Generated<string>;
  type: string;
  /** The validated data of the type (the input of `renderNotification`). */
  data: ColumnType<unknown, string, never>;
  source: NotificationSource;
  /** `digest`: data is `{ items: [...] }`, several notifications of the type in one message. */
  kind: ColumnType<NotificationKind, NotificationKind | undefined, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
};
export type NotificationRow = Selectable<NotificationTable>;
