/** The notification types Herald sends (spec: 通知事件类型). */
export const NOTIFICATION_TYPES = [
  'circuit_breaker',
  'cost_alert',
  'daily_leaderboard',
  'cache_hit_rate',
  'provider_balance',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The channel (target) types Herald pushes to (spec: 支持的推送渠道). */
export const CHANNEL_TYPES = [
  'wechat',
  'feishu',
  'dingtalk',
  'telegram',
  'slack',
  'discord',
  'teams',
  'email',
  'ntfy',
  'custom',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Locales of message content and of the dashboard. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en', 'ja', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
