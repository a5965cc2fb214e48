import { IconBrandTelegram } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { TELEGRAM_ERROR_HINTS } from './hints/telegram.ts';
import { TelegramPreview } from './previews/telegram.tsx';
import type { ChannelUi } from './types.ts';

/** Telegram bots: a token from @BotFather and the chat (and forum topic) to post in. */
export const telegramUi: ChannelUi<'telegram'> = {
  text: {
    'zh-CN': {
      name: 'Telegram',
      fields: {
        telegramBotToken: {
          label: 'Bot Token',
          description: '来自 @BotFather，例如 123456789:AA…',
          invalid: '格式应为 123456789:AA…（来自 @BotFather）。',
        },
        telegramChatId: {
          label: 'Chat ID',
          description: '数字 Chat ID（如 -1001234567890）或 @频道名。',
          invalid: '应为数字 Chat ID 或 @频道名。',
        },
        telegramTopicId: {
          label: '话题 ID',
          description: '可选：要发送到的论坛话题。',
          invalid: '话题 ID 为正整数。',
        },
      },
    },
    'zh-TW': {
      name: 'Telegram',
      fields: {
        telegramBotToken: {
          label: 'Bot 權杖',
          description: '由 @BotFather 取得，例如 123456789:AA…',
          invalid: '格式應為 123456789:AA…（由 @BotFather 取得）。',
        },
        telegramChatId: {
          label: '聊天 ID',
          description: '數字聊天 ID（如 -1001234567890）或 @頻道名稱。',
          invalid: '應為數字聊天 ID 或 @頻道名稱。',
        },
        telegramTopicId: {
          label: '主題 ID',
          description: '選填：要發佈到的論壇主題。',
          invalid: '主題 ID 為正整數。',
        },
      },
    },
    en: {
      name: 'Telegram',
      fields: {
        telegramBotToken: {
          label: 'Bot token',
          description: 'From @BotFather, e.g. 123456789:AA…',
          invalid: 'Must look like 123456789:AA… (from @BotFather).',
        },
        telegramChatId: {
          label: 'Chat id',
          description: 'A numeric chat id (e.g. -1001234567890) or @channelname.',
          invalid: 'Must be a numeric chat id or @channelname.',
        },
        telegramTopicId: {
          label: 'Topic id',
          description: 'Optional: the forum topic to post in.',
          invalid: 'A topic id is a positive whole number.',
        },
      },
    },
    ja: {
      name: 'Telegram',
      fields: {
        telegramBotToken: {
          label: 'ボットトークン',
          description: '@BotFather から取得します（例：123456789:AA…）',
          invalid: '123456789:AA… の形式で入力してください（@BotFather から取得）。',
        },
        telegramChatId: {
          label: 'チャット ID',
          description: '数値のチャット ID（例：-1001234567890）または @チャンネル名です。',
          invalid: '数値のチャット ID または @チャンネル名を入力してください。',
        },
        telegramTopicId: {
          label: 'トピック ID',
          description: '任意：投稿先のフォーラムトピックです。',
          invalid: 'トピック ID は正の整数です。',
        },
      },
    },
    ru: {
      name: 'Telegram',
      fields: {
        telegramBotToken: {
          label: 'Токен бота',
          description: 'От @BotFather, например 123456789:AA…',
          invalid: 'Должен выглядеть как 123456789:AA… (от @BotFather).',
        },
        telegramChatId: {
          label: 'ID чата',
          description: 'Числовой ID чата (например, -1001234567890) или @имяканала.',
          invalid: 'Нужен числовой ID чата или @имяканала.',
        },
        telegramTopicId: {
          label: 'ID темы',
          description: 'Необязательно: тема форума, в которую писать.',
          invalid: 'ID темы — целое положительное число.',
        },
      },
    },
  },
  // A private chat (a positive id) takes about one message a second; groups and channels fewer.
  paceCases: {
    configs: { group: { telegramChatId: '-1' }, private: { telegramChatId: '1' } },
    text: {
      'zh-CN': '群组和频道 {{group}}，私聊 {{private}}',
      'zh-TW': '群組與頻道 {{group}}，私人聊天 {{private}}',
      en: '{{group}} in groups and channels, {{private}} in private chats',
      ja: 'グループとチャンネルでは {{group}}、個人チャットでは {{private}}',
      ru: '{{group}} в группах и каналах, {{private}} в личных чатах',
    },
  },
  icon: decorative(IconBrandTelegram),
  color: 'indigo',
  Preview: TelegramPreview,
  errorHints: TELEGRAM_ERROR_HINTS,
};
