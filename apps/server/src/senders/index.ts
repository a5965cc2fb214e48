import type { ChannelType } from '@herald/core';
import { customSender } from './custom.ts';
import { dingtalkSender } from './dingtalk.ts';
import { discordSender } from './discord.ts';
import { emailSender } from './email.ts';
import { feishuSender } from './feishu.ts';
import { ntfySender } from './ntfy.ts';
import type { ChannelSender } from './sender.ts';
import { slackSender } from './slack.ts';
import { teamsSender } from './teams.ts';
import { telegramSender } from './telegram.ts';
import { wechatSender } from './wechat.ts';

/** Every channel's sender. A new channel is one file plus one line here. */
export const SENDERS = {
  wechat: wechatSender,
  feishu: feishuSender,
  dingtalk: dingtalkSender,
  telegram: telegramSender,
  custom: customSender,
  slack: slackSender,
  discord: discordSender,
  ntfy: ntfySender,
  teams: teamsSender,
  email: emailSender,
} satisfies { [C in ChannelType]: ChannelSender<C> };

/** Any channel's sender, seen through the general type (for the code every channel shares). */
export const senderOf = (channel: ChannelType): ChannelSender => SENDERS[channel] as unknown as ChannelSender;
