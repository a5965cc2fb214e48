/** Fake WeCom, Feishu, DingTalk, Telegram and custom-webhook servers on 127.0.0.1 for tests. */
export type {
  Answer,
  Failure,
  FakePlatform,
  FakeServerOptions,
  RateLimit,
  RateLimitOption,
  ReceivedRequest,
  WaitOptions,
} from './base.ts';
export {
  CUSTOM_RATE_LIMITS,
  type CustomFailure,
  type FakeCustom,
  type FakeCustomOptions,
  startFakeCustom,
} from './custom.ts';
export {
  DINGTALK_CODES,
  DINGTALK_MAX_BODY_BYTES,
  DINGTALK_RATE_LIMITS,
  DINGTALK_SIGN_WINDOW_MS,
  type FakeDingtalk,
  type FakeDingtalkOptions,
  startFakeDingtalk,
} from './dingtalk.ts';
export {
  type FakeFeishu,
  type FakeFeishuOptions,
  FEISHU_CODES,
  FEISHU_MAX_BODY_BYTES,
  FEISHU_RATE_LIMITS,
  FEISHU_SIGN_WINDOW_SECONDS,
  startFakeFeishu,
} from './feishu.ts';
export { checkFeishuCard, FEISHU_TEMPLATES } from './feishu-card.ts';
export {
  type FakeTelegram,
  type FakeTelegramChat,
  type FakeTelegramOptions,
  startFakeTelegram,
  TELEGRAM_MAX_TEXT,
  TELEGRAM_RATE_LIMITS,
  type TelegramMessage,
  telegramChatLimits,
} from './telegram.ts';
export { type ParsedHtml, parseTelegramHtml, type TelegramEntity } from './telegram-html.ts';
export {
  type FakeWecom,
  type FakeWecomOptions,
  startFakeWecom,
  WECOM_CODES,
  WECOM_MARKDOWN_MAX_BYTES,
  WECOM_MSG_TYPES,
  WECOM_RATE_LIMITS,
  WECOM_TEXT_MAX_BYTES,
} from './wechat.ts';
