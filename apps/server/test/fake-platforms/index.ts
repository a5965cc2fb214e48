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
  DISCORD_CODES,
  DISCORD_LIMITS,
  DISCORD_RATE_LIMITS,
  type DiscordFailure,
  type DiscordMessage,
  type DiscordPings,
  type FakeDiscord,
  type FakeDiscordOptions,
  pingsOf,
  startFakeDiscord,
} from './discord.ts';
export {
  type FakeSmtp,
  type FakeSmtpOptions,
  type ReceivedMail,
  SMTP_MAX_LINE,
  SMTP_MAX_MESSAGE_BYTES,
  type SmtpFailure,
  type SmtpSecurity,
  smtpChannelFake,
  startFakeSmtp,
} from './email.ts';
export { decodeWords, type MimePart, mailboxOf, type ParsedMail, parseMail } from './email-mime.ts';
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
  type FakeNtfy,
  type FakeNtfyOptions,
  NTFY_ERRORS,
  NTFY_JSON_MAX_BYTES,
  NTFY_MESSAGE_MAX_BYTES,
  NTFY_REQUEST_LIMIT,
  type NtfyMessage,
  ntfyError,
  startFakeNtfy,
} from './ntfy.ts';
export {
  type FakeSlack,
  type FakeSlackOptions,
  SLACK_ERROR_STATUS,
  SLACK_MAX_ATTACHMENTS,
  SLACK_RATE_LIMITS,
  SLACK_TEXT_MAX,
  type SlackErrorWord,
  type SlackFailure,
  slackError,
  startFakeSlack,
} from './slack.ts';
export { checkSlackBlocks, SLACK_BLOCK_LIMITS, slackMentions } from './slack-blocks.ts';
export {
  type FakeTeams,
  type FakeTeamsOptions,
  startFakeTeams,
  TEAMS_ERROR_CODES,
  TEAMS_MAX_BODY_BYTES,
  TEAMS_RATE_LIMITS,
  workflowsError,
} from './teams.ts';
export { CardProblem, checkAdaptiveCard, checkTeamsMessage, TEAMS_CARD_CONTENT_TYPE } from './teams-card.ts';
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
