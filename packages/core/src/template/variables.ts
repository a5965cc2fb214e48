import type { NotificationType } from '../domain.ts';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { formatDateTime } from '../message/format.ts';
import type { Message } from '../message/model.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import type { BuildContext, TemplateVariable, VariableDoc } from '../notifications/types.ts';
import { text } from '../notifications/types.ts';

export const COMMON_VARIABLE_DOCS: VariableDoc[] = [
  {
    name: 'timestamp',
    description: { 'zh-CN': 'UTC 时间戳（ISO 8601 格式）', en: 'UTC timestamp (ISO 8601)' },
    example: '2024-01-15T14:30:00.000Z',
  },
  {
    name: 'timestamp_local',
    description: { 'zh-CN': '本地格式化时间', en: 'Local time' },
    example: '2024/01/15 14:30:00',
  },
  { name: 'title', description: { 'zh-CN': '消息标题', en: 'Message title' }, example: '供应商熔断告警' },
  { name: 'level', description: { 'zh-CN': '消息级别', en: 'Level' }, example: 'info / warning / error' },
  {
    name: 'sections',
    description: { 'zh-CN': '结构化消息内容（纯文本）', en: 'Message content as plain text' },
    example: '…',
  },
  { name: 'notification_type', description: { 'zh-CN': '通知类型', en: 'Notification type' }, example: 'cost_alert' },
];

function commonVariables(type: NotificationType, m: Message): Record<string, TemplateVariable> {
  return {
    timestamp: text(m.timestamp),
    timestamp_local: text(formatDateTime(m.timestamp, m.timezone)),
    title: text(m.title),
    level: text(m.level),
    sections: text(sectionsAsPlainText(m)),
    notification_type: text(type),
  };
}

/** Every variable a custom template can use for this notification. */
export function templateVariables(
  type: NotificationType,
  data: unknown,
  message: Message,
  ctx: BuildContext,
): Record<string, TemplateVariable> {
  const def = NOTIFICATIONS[type] as { variables(d: unknown, c: BuildContext): Record<string, TemplateVariable> };
  return { ...commonVariables(type, message), ...def.variables(data, ctx) };
}

/** Names a template may use: one type's (with the common ones), or any type's when none is given. */
export function knownVariableNames(type?: NotificationType): Set<string> {
  const types = type ? [type] : NOTIFICATION_TYPES;
  return new Set([
    ...COMMON_VARIABLE_DOCS.map((d) => d.name),
    ...types.flatMap((t) => NOTIFICATIONS[t].variableDocs.map((d) => d.name)),
  ]);
}
