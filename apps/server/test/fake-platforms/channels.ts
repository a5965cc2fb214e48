import type { ChannelType, TargetConfigOf } from '@herald/core';
import type { FakePlatform } from './base.ts';
import { startFakeCustom } from './custom.ts';
import { startFakeDingtalk } from './dingtalk.ts';
import { startFakeDiscord } from './discord.ts';
import { smtpChannelFake, startFakeSmtp } from './email.ts';
import { startFakeFeishu } from './feishu.ts';
import { startFakeNtfy } from './ntfy.ts';
import { startFakeSlack } from './slack.ts';
import { startFakeTeams } from './teams.ts';
import { startFakeTelegram } from './telegram.ts';
import { startFakeWecom } from './wechat.ts';

/** A target's own fields for one channel, secrets included, as the create input takes them. */
export type ChannelFieldsOf<C extends ChannelType> = Omit<
  TargetConfigOf<C>,
  'name' | 'providerType' | 'proxyUrl' | 'proxyFallbackToDirect' | 'isEnabled' | 'pacePerMinute'
>;

/** What the channel matrix needs of one channel's strict fake. */
export type ChannelFake<C extends ChannelType> = {
  /** A target that sends to this fake. */
  fields: ChannelFieldsOf<C>;
  /** Where Herald finds the Telegram Bot API (Telegram's fake only). */
  telegramApiBaseUrl?: string;
  /** Messages a user would see. */
  accepted(): number;
  /** Why the fake refused what it was sent, one line per refusal (empty: all accepted). */
  refusals(): string[];
  close(): Promise<void>;
};

/** The fake's own HTTP log read as accepted and refused messages. */
export function httpFake(fake: FakePlatform): Pick<ChannelFake<ChannelType>, 'accepted' | 'refusals' | 'close'> {
  return {
    accepted: () => fake.accepted.length,
    refusals: () =>
      fake.received
        .filter((r) => !r.accepted)
        .map((r) => (typeof r.answer === 'string' ? r.answer : `${r.answer.status} ${r.answer.body.slice(0, 300)}`)),
    close: () => fake.close(),
  };
}

const SIGNING_SECRET = `whsec_${Buffer.from('matrix-signing-secret-32-bytes!!').toString('base64')}`;
const TG_TOKEN = '123456789:AAH-matrix-telegram-token';
const TG_CHAT = '-1001234567890';
const DISCORD_THREAD = '1234567890123456789';
const NTFY_TOKEN = 'tk_matrixntfytoken00000000000000';

/**
 * Every channel's strict fake, started with the checks its platform makes (signatures, chats,
 * limits). A new channel is its fake plus one line here; the matrix then covers it.
 */
export const CHANNEL_FAKES: { [C in ChannelType]: () => Promise<ChannelFake<C>> } = {
  wechat: async () => {
    const f = await startFakeWecom({ key: 'matrix-key' });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl } };
  },
  feishu: async () => {
    const f = await startFakeFeishu({ hookId: 'matrix-hook', secret: 'matrix-feishu-secret' });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl, feishuSecret: 'matrix-feishu-secret' } };
  },
  dingtalk: async () => {
    const f = await startFakeDingtalk({ accessToken: 'matrix-token', secret: 'SEC-matrix' });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl, dingtalkSecret: 'SEC-matrix' } };
  },
  telegram: async () => {
    const f = await startFakeTelegram({ token: TG_TOKEN, chats: { [TG_CHAT]: { type: 'supergroup', topics: [7] } } });
    return {
      ...httpFake(f),
      telegramApiBaseUrl: f.apiBaseUrl,
      fields: { telegramBotToken: TG_TOKEN, telegramChatId: TG_CHAT, telegramTopicId: 7 },
    };
  },
  discord: async () => {
    const f = await startFakeDiscord({ threads: [DISCORD_THREAD] });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl, discordThreadId: DISCORD_THREAD } };
  },
  custom: async () => {
    const f = await startFakeCustom({ signingSecret: SIGNING_SECRET, requiredHeaders: { authorization: 'Bearer m' } });
    return {
      ...httpFake(f),
      fields: {
        webhookUrl: f.webhookUrl,
        customTemplate: { title: '{{title}}', content: '{{sections}}', level: '{{level}}' },
        customHeaders: { Authorization: 'Bearer m' },
        signingSecret: SIGNING_SECRET,
      },
    };
  },
  slack: async () => {
    const f = await startFakeSlack({ team: 'T0MATRIX01', bot: 'B0MATRIX01', secret: 'matrix-slack-secret' });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl } };
  },
  ntfy: async () => {
    const f = await startFakeNtfy({ topic: 'herald-matrix', token: NTFY_TOKEN });
    return { ...httpFake(f), fields: { webhookUrl: f.topicUrl, ntfyToken: NTFY_TOKEN } };
  },
  teams: async () => {
    const f = await startFakeTeams({ sig: 'matrix-sig' });
    return { ...httpFake(f), fields: { webhookUrl: f.webhookUrl } };
  },
  email: async () => {
    // Plain SMTP: the matrix's client trusts no test certificate (TLS and AUTH are the fake's own tests).
    const to = ['ops@matrix.test', 'oncall@matrix.test'];
    const f = await startFakeSmtp({ security: 'none', mailboxes: to });
    const emailFrom = 'Herald <herald@matrix.test>';
    return {
      ...smtpChannelFake(f),
      fields: { smtpHost: f.host, smtpPort: f.port, smtpSecurity: 'none', emailFrom, emailTo: to },
    };
  },
};
