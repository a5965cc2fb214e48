import type { ChannelType } from '@herald/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import type { Language } from '../i18n/languages.ts';
import { customUi } from './custom.tsx';
import { dingtalkUi } from './dingtalk.tsx';
import { discordUi } from './discord.tsx';
import { emailUi } from './email.tsx';
import { feishuUi } from './feishu.tsx';
import { ntfyUi } from './ntfy.tsx';
import { slackUi } from './slack.tsx';
import { teamsUi } from './teams.tsx';
import { telegramUi } from './telegram.tsx';
import type { AnyChannelText, AnyChannelUi, ChannelUi, FieldText } from './types.ts';
import { wechatUi } from './wechat.tsx';

/**
 * Every channel in the dashboard: its name and field labels in each language, its badge, and
 * its own fields component when it needs one. A new channel is its own file plus one line here.
 */
export const CHANNEL_UI = {
  wechat: wechatUi,
  feishu: feishuUi,
  dingtalk: dingtalkUi,
  telegram: telegramUi,
  custom: customUi,
  discord: discordUi,
  slack: slackUi,
  ntfy: ntfyUi,
  teams: teamsUi,
  email: emailUi,
} satisfies { [C in ChannelType]: ChannelUi<C> };

/** A channel's unit seen through the general type (for code that works on every channel). */
export const channelUi = (type: ChannelType): AnyChannelUi => CHANNEL_UI[type] as unknown as AnyChannelUi;

/** A channel's words in one dashboard language. */
export const channelText = (type: ChannelType, language: Language): AnyChannelText => channelUi(type).text[language];

/** A channel's name in one dashboard language. */
export const channelName = (type: ChannelType, language: Language): string => channelText(type, language).name;

/** How one field of a channel is labelled (its API name when the unit has no words for it). */
export const fieldTextOf = (type: ChannelType, field: string, language: Language): FieldText =>
  channelText(type, language).fields[field] ?? { label: field };

/** The current UI language (re-renders the caller when it changes). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return currentLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** Names channels in the current UI language. */
export function useChannelName(): (type: ChannelType) => string {
  const language = useLanguage();
  return (type) => channelName(type, language);
}

/** A channel's words in the current UI language. */
export function useChannelText(type: ChannelType): AnyChannelText {
  return channelText(type, useLanguage());
}

export type { AnyChannelText, AnyChannelUi, ChannelFieldsProps, ChannelText, ChannelUi, FieldText } from './types.ts';
