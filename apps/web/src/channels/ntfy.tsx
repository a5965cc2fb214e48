import { IconBellRinging } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { NTFY_ERROR_HINTS } from './hints/ntfy.ts';
import { NtfyPreview } from './previews/ntfy.tsx';
import type { ChannelUi } from './types.ts';

/** ntfy push notifications (self-hosted or ntfy.sh): a topic URL and, for a protected topic, a token. */
export const ntfyUi: ChannelUi<'ntfy'> = {
  text: {
    'zh-CN': {
      name: 'ntfy',
      fields: {
        webhookUrl: {
          label: '主题地址',
          description:
            'ntfy 服务器地址加主题名，例如 https://ntfy.example.com/herald-alerts。公共服务器上主题名就是密码，请选不易猜到的名字。',
          placeholder: 'https://ntfy.example.com/herald-alerts',
          invalid: '应为 https://服务器/主题 的形式，主题名为 1–64 个字母、数字、_ 或 -。',
        },
        ntfyToken: {
          label: '访问令牌',
          description: '可选：主题受保护时填写以 tk_ 开头的访问令牌（ntfy token add 生成）。',
          invalid: '应为 tk_ 加 29 个字母或数字。',
        },
      },
    },
    'zh-TW': {
      name: 'ntfy',
      fields: {
        webhookUrl: {
          label: '主題網址',
          description:
            'ntfy 伺服器網址加上主題名稱，例如 https://ntfy.example.com/herald-alerts。在公開伺服器上主題名稱就是密碼，請選用不易猜到的名稱。',
          placeholder: 'https://ntfy.example.com/herald-alerts',
          invalid: '應為 https://伺服器/主題 的格式，主題名稱為 1–64 個英文字母、數字、_ 或 -。',
        },
        ntfyToken: {
          label: '存取權杖',
          description: '選填：主題受保護時，填入以 tk_ 開頭的存取權杖（由 ntfy token add 產生）。',
          invalid: '應為 tk_ 加上 29 個英文字母或數字。',
        },
      },
    },
    en: {
      name: 'ntfy',
      fields: {
        webhookUrl: {
          label: 'Topic URL',
          description:
            'Your ntfy server and topic, e.g. https://ntfy.example.com/herald-alerts. On a public server the topic name is the password: pick one nobody would guess.',
          placeholder: 'https://ntfy.example.com/herald-alerts',
          invalid: 'Must look like https://server/topic, the topic being 1–64 letters, digits, _ or -.',
        },
        ntfyToken: {
          label: 'Access token',
          description: 'Optional: for a protected topic, an access token starting with tk_ (from ntfy token add).',
          invalid: 'Must be tk_ followed by 29 letters or digits.',
        },
      },
    },
    ja: {
      name: 'ntfy',
      fields: {
        webhookUrl: {
          label: 'トピック URL',
          description:
            'ntfy サーバーのアドレスとトピック名です（例：https://ntfy.example.com/herald-alerts）。公開サーバーではトピック名がパスワード代わりになるため、推測されにくい名前にしてください。',
          placeholder: 'https://ntfy.example.com/herald-alerts',
          invalid: 'https://サーバー/トピック の形式で、トピック名は英数字・_・- の 1〜64 文字です。',
        },
        ntfyToken: {
          label: 'アクセストークン',
          description:
            '任意：保護されたトピックの場合、tk_ で始まるアクセストークン（ntfy token add で発行）を入力します。',
          invalid: 'tk_ に続けて英数字 29 文字の形式です。',
        },
      },
    },
    ru: {
      name: 'ntfy',
      fields: {
        webhookUrl: {
          label: 'URL темы',
          description:
            'Адрес сервера ntfy и тема, например https://ntfy.example.com/herald-alerts. На публичном сервере имя темы служит паролем — выберите такое, которое не угадать.',
          placeholder: 'https://ntfy.example.com/herald-alerts',
          invalid: 'Нужен адрес вида https://сервер/тема; тема — от 1 до 64 латинских букв, цифр, _ или -.',
        },
        ntfyToken: {
          label: 'Токен доступа',
          description:
            'Необязательно: для защищённой темы — токен доступа, начинающийся с tk_ (выдаёт ntfy token add).',
          invalid: 'Должен начинаться с tk_, за которым идут 29 букв или цифр.',
        },
      },
    },
  },
  icon: decorative(IconBellRinging),
  color: 'teal',
  Preview: NtfyPreview,
  errorHints: NTFY_ERROR_HINTS,
};
