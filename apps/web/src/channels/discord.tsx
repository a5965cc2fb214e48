import { IconBrandDiscord } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { DISCORD_ERROR_HINTS } from './hints/discord.ts';
import { DiscordPreview } from './previews/discord.tsx';
import type { ChannelUi } from './types.ts';

const URL_PLACEHOLDER = 'https://discord.com/api/webhooks/…/…';
const THREAD_PLACEHOLDER = '1234567890123456789';

/** Discord webhooks: one address per channel (Server Settings → Integrations), optionally a thread in it. */
export const discordUi: ChannelUi<'discord'> = {
  text: {
    'zh-CN': {
      name: 'Discord',
      fields: {
        webhookUrl: {
          label: 'Webhook 地址',
          description: '在频道的“编辑频道 → 整合 → Webhook”中新建后复制，以 https://discord.com/api/webhooks/ 开头。',
          placeholder: URL_PLACEHOLDER,
          invalid: '应为完整的网址，例如 https://discord.com/api/webhooks/…/…',
        },
        discordThreadId: {
          label: '子区 ID',
          description: '可选：发到该频道内的某个子区或论坛帖子。开启开发者模式后右键子区选择“复制 ID”。',
          placeholder: THREAD_PLACEHOLDER,
          invalid: '子区 ID 为 17 到 20 位数字。',
        },
      },
      mentionsHelp:
        '每行一个：用户 ID（17–20 位数字，开启开发者模式后右键用户“复制用户 ID”）、role:身份组 ID、everyone（所有人）或 here（在线的人）。',
    },
    'zh-TW': {
      name: 'Discord',
      fields: {
        webhookUrl: {
          label: 'Webhook 網址',
          description: '在頻道的「編輯頻道 → 整合 → Webhook」中建立後複製，以 https://discord.com/api/webhooks/ 開頭。',
          placeholder: URL_PLACEHOLDER,
          invalid: '應為完整的網址，例如 https://discord.com/api/webhooks/…/…',
        },
        discordThreadId: {
          label: '討論串 ID',
          description: '選填：發佈到此頻道中的某個討論串或論壇貼文。開啟開發者模式後在討論串上按右鍵「複製 ID」。',
          placeholder: THREAD_PLACEHOLDER,
          invalid: '討論串 ID 為 17 到 20 位數字。',
        },
      },
      mentionsHelp:
        '每行一個：使用者 ID（17–20 位數字，開啟開發者模式後在使用者上按右鍵「複製使用者 ID」）、role:身分組 ID、everyone（所有人）或 here（在線的人）。',
    },
    en: {
      name: 'Discord',
      fields: {
        webhookUrl: {
          label: 'Webhook URL',
          description:
            'Create one under Edit Channel → Integrations → Webhooks and copy its URL; it starts with https://discord.com/api/webhooks/.',
          placeholder: URL_PLACEHOLDER,
          invalid: 'Must be a full URL such as https://discord.com/api/webhooks/…/…',
        },
        discordThreadId: {
          label: 'Thread ID',
          description:
            'Optional: post into a thread or forum post of that channel. With Developer Mode on, right-click the thread and choose “Copy ID”.',
          placeholder: THREAD_PLACEHOLDER,
          invalid: 'A thread ID is 17 to 20 digits.',
        },
      },
      mentionsHelp:
        'One per line: a user ID (17–20 digits; with Developer Mode on, right-click the user → “Copy User ID”), role:<role ID>, everyone, or here (those online).',
    },
    ja: {
      name: 'Discord',
      fields: {
        webhookUrl: {
          label: 'Webhook URL',
          description:
            'チャンネルの「チャンネルの編集 → 連携サービス → ウェブフック」で作成して URL をコピーします。https://discord.com/api/webhooks/ で始まります。',
          placeholder: URL_PLACEHOLDER,
          invalid: 'https://discord.com/api/webhooks/…/… のような完全な URL を入力してください。',
        },
        discordThreadId: {
          label: 'スレッド ID',
          description:
            '任意：そのチャンネル内のスレッドやフォーラム投稿に送ります。開発者モードを有効にし、スレッドを右クリックして「ID をコピー」を選びます。',
          placeholder: THREAD_PLACEHOLDER,
          invalid: 'スレッド ID は 17〜20 桁の数字です。',
        },
      },
      mentionsHelp:
        '1 行に 1 つ：ユーザー ID（17〜20 桁の数字。開発者モードでユーザーを右クリック →「ユーザー ID をコピー」）、role:ロール ID、everyone（全員）または here（オンラインの人）。',
    },
    ru: {
      name: 'Discord',
      fields: {
        webhookUrl: {
          label: 'URL вебхука',
          description:
            'Создайте вебхук в «Настройки канала → Интеграция → Вебхуки» и скопируйте URL; он начинается с https://discord.com/api/webhooks/.',
          placeholder: URL_PLACEHOLDER,
          invalid: 'Нужен полный URL, например https://discord.com/api/webhooks/…/…',
        },
        discordThreadId: {
          label: 'ID ветки',
          description:
            'Необязательно: публиковать в ветку или пост форума этого канала. Включите режим разработчика, нажмите на ветку правой кнопкой и выберите «Копировать ID».',
          placeholder: THREAD_PLACEHOLDER,
          invalid: 'ID ветки — от 17 до 20 цифр.',
        },
      },
      mentionsHelp:
        'По одному в строке: ID пользователя (17–20 цифр; в режиме разработчика — правой кнопкой по пользователю → «Копировать ID пользователя»), role:<ID роли>, everyone (все) или here (кто в сети).',
    },
  },
  icon: decorative(IconBrandDiscord),
  color: 'grape',
  Preview: DiscordPreview,
  errorHints: DISCORD_ERROR_HINTS,
};
