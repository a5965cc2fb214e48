import { hasDigest } from '../digest/has-digest.ts';
import type { NotificationType } from '../domain.ts';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { formatDateTime, isTimeZone } from '../message/format.ts';
import type { Message, MessageLink } from '../message/model.ts';
import { sectionsAsPlainText } from '../message/plain-text.ts';
import { NOTIFICATIONS } from '../notifications/index.ts';
import type { BuildContext, JsonValue, TemplateVariable, VariableDoc } from '../notifications/types.ts';
import { text } from '../notifications/types.ts';

export const COMMON_VARIABLE_DOCS: VariableDoc[] = [
  {
    name: 'timestamp',
    description: {
      'zh-CN': 'UTC 时间戳（ISO 8601 格式）',
      en: 'UTC timestamp (ISO 8601)',
      'zh-TW': 'UTC 時間戳記（ISO 8601 格式）',
      ja: 'UTC タイムスタンプ（ISO 8601）',
      ru: 'Метка времени UTC (ISO 8601)',
    },
    example: '2024-01-15T14:30:00.000Z',
  },
  {
    name: 'timestamp_local',
    description: {
      'zh-CN': '本地格式化时间',
      en: 'Local time',
      'zh-TW': '本地格式化時間',
      ja: 'ローカル時刻',
      ru: 'Местное время',
    },
    example: '2024/01/15 14:30:00',
  },
  {
    name: 'timezone',
    description: {
      'zh-CN': '本地时间（*_local）所用的 IANA 时区',
      en: 'IANA zone of the local times (*_local)',
      'zh-TW': '本地時間（*_local）所用的 IANA 時區',
      ja: 'ローカル時刻（*_local）の IANA タイムゾーン',
      ru: 'Часовой пояс IANA для местного времени (*_local)',
    },
    example: 'Asia/Shanghai',
  },
  {
    name: 'title',
    description: {
      'zh-CN': '消息标题',
      en: 'Message title',
      'zh-TW': '訊息標題',
      ja: 'メッセージのタイトル',
      ru: 'Заголовок сообщения',
    },
    example: '供应商熔断告警',
  },
  {
    name: 'level',
    description: { 'zh-CN': '消息级别', en: 'Level', 'zh-TW': '訊息等級', ja: 'レベル', ru: 'Уровень' },
    example: 'info / warning / error',
  },
  {
    name: 'sections',
    description: {
      'zh-CN': '结构化消息内容（纯文本）',
      en: 'Message content as plain text',
      'zh-TW': '結構化訊息內容（純文字）',
      ja: 'メッセージ本文（プレーンテキスト）',
      ru: 'Содержимое сообщения обычным текстом',
    },
    example: '…',
  },
  {
    name: 'link',
    description: {
      'zh-CN': '该消息在控制台中的投递记录链接（需设置 PUBLIC_URL，否则为空）',
      en: 'This message’s delivery log in the dashboard (empty unless PUBLIC_URL is set)',
      'zh-TW': '該訊息在控制台中的投遞紀錄連結（需設定 PUBLIC_URL，否則為空）',
      ja: 'ダッシュボードでのこのメッセージの配信ログ（PUBLIC_URL 未設定なら空）',
      ru: 'Журнал доставки этого сообщения в панели (пусто без PUBLIC_URL)',
    },
    example: 'https://herald.example.com/deliveries?notification=0193…',
  },
  {
    name: 'links_json',
    description: {
      'zh-CN': '消息的全部控制台链接（JSON 数组，每项含 kind、label、url；未设置 PUBLIC_URL 时为空数组）',
      en: 'Every dashboard link of the message (a JSON array of {kind, label, url}; empty unless PUBLIC_URL is set)',
      'zh-TW': '訊息的全部控制台連結（JSON 陣列，每項含 kind、label、url；未設定 PUBLIC_URL 時為空陣列）',
      ja: 'メッセージのダッシュボードへのリンクすべて（{kind, label, url} の JSON 配列、PUBLIC_URL 未設定なら空）',
      ru: 'Все ссылки сообщения на панель (массив JSON из {kind, label, url}; пустой без PUBLIC_URL)',
    },
    example: '[{"kind":"provider","label":"Alerts for this provider","url":"https://…/deliveries?provider=7"}]',
  },
  {
    name: 'notification_type',
    description: {
      'zh-CN': '通知类型',
      en: 'Notification type',
      'zh-TW': '通知類型',
      ja: '通知の種類',
      ru: 'Тип уведомления',
    },
    example: 'cost_alert',
  },
];

/** Variables of the types that have digests: a digest's notifications, and a single one as a list of one. */
export const DIGEST_VARIABLE_DOCS: VariableDoc[] = [
  {
    name: 'items',
    description: {
      'zh-CN': '摘要中的每条通知（JSON 数组，每项是该条通知自己的变量，如 provider_name；单条通知时只有一项）',
      en: 'Each notification of a digest (a JSON array of objects holding that notification’s own variables, e.g. provider_name; one element for a single notification)',
      'zh-TW': '摘要中的每則通知（JSON 陣列，每項是該則通知自己的變數，如 provider_name；單則通知時只有一項）',
      ja: 'ダイジェスト内の各通知（JSON 配列。各要素はその通知自身の変数（例：provider_name）。単独の通知では 1 要素）',
      ru: 'Каждое уведомление сводки (массив JSON с собственными переменными уведомления, например provider_name; для одиночного уведомления — один элемент)',
    },
    example: '[{"provider_name":"Anthropic Primary","failure_count":5}]',
  },
  {
    name: 'count',
    description: {
      'zh-CN': '摘要中的通知条数（单条通知时为 1）',
      en: 'How many notifications the digest holds (1 for a single one)',
      'zh-TW': '摘要中的通知則數（單則通知時為 1）',
      ja: 'ダイジェスト内の通知件数（単独の通知では 1）',
      ru: 'Сколько уведомлений в сводке (1 для одиночного)',
    },
    example: '5',
  },
];

function commonVariables(type: NotificationType, m: Message): Record<string, TemplateVariable> {
  return {
    timestamp: text(m.timestamp),
    timestamp_local: text(formatDateTime(m.timestamp, m.timezone)),
    // The zone the local times are in (an unknown one falls back to UTC there too).
    timezone: text(isTimeZone(m.timezone) ? m.timezone : 'UTC'),
    title: text(m.title),
    level: text(m.level),
    sections: text(sectionsAsPlainText(m)),
    notification_type: text(type),
    ...linkVariables(m.links ?? []),
  };
}

/** `link`: this message's own delivery log; `links_json`: every link, for templates that list them. */
function linkVariables(links: MessageLink[]): Record<string, TemplateVariable> {
  const log = links.find((l) => l.kind === 'notification' || l.kind === 'digest');
  const json = links.map((l) => ({ kind: l.kind, label: l.label, url: l.url }));
  return { link: text(log?.url ?? ''), links_json: { text: JSON.stringify(json), json } };
}

/** Every variable a custom template can use for this notification. */
export function templateVariables(
  type: NotificationType,
  data: unknown,
  message: Message,
  ctx: BuildContext,
): Record<string, TemplateVariable> {
  const own = ownVariables(type, data, ctx);
  if (!hasDigest(type)) return { ...commonVariables(type, message), ...own };
  // A template written for digests works for a single notification too: a list of one.
  return { ...commonVariables(type, message), ...own, ...listVariables([jsonOf(own)]) };
}

/** Every variable a custom template can use for a digest of several notifications of one type. */
export function digestVariables(
  type: NotificationType,
  items: unknown[],
  message: Message,
  ctx: BuildContext,
): Record<string, TemplateVariable> {
  return {
    ...commonVariables(type, message),
    ...listVariables(items.map((d) => jsonOf(ownVariables(type, d, ctx)))),
  };
}

function ownVariables(type: NotificationType, data: unknown, ctx: BuildContext): Record<string, TemplateVariable> {
  const def = NOTIFICATIONS[type] as { variables(d: unknown, c: BuildContext): Record<string, TemplateVariable> };
  return def.variables(data, ctx);
}

const jsonOf = (vars: Record<string, TemplateVariable>): { [name: string]: JsonValue } =>
  Object.fromEntries(Object.entries(vars).map(([name, v]) => [name, v.json]));

function listVariables(items: JsonValue[]): Record<string, TemplateVariable> {
  return { items: { text: JSON.stringify(items), json: items }, count: text(items.length) };
}

/** What the dashboard lists for a type's templates: the common variables, the type's own, and a digest's. */
export function variableDocs(type: NotificationType): VariableDoc[] {
  return [
    ...COMMON_VARIABLE_DOCS,
    ...NOTIFICATIONS[type].variableDocs,
    ...(hasDigest(type) ? DIGEST_VARIABLE_DOCS : []),
  ];
}

/** Names a template may use: one type's (with the common ones), or any type's when none is given. */
export function knownVariableNames(type?: NotificationType): Set<string> {
  const types = type ? [type] : NOTIFICATION_TYPES;
  return new Set(types.flatMap((t) => variableDocs(t).map((d) => d.name)));
}
