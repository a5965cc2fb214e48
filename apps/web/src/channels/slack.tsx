import { IconBrandSlack } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { SLACK_ERROR_HINTS } from './hints/slack.ts';
import { SlackPreview } from './previews/slack.tsx';
import type { ChannelUi } from './types.ts';

const PLACEHOLDER = 'https://hooks.slack.com/services/T…/B…/…';

/** Slack incoming webhooks: one address per channel, made in the Slack app's settings. */
export const slackUi: ChannelUi<'slack'> = {
  text: {
    'zh-CN': {
      name: 'Slack',
      fields: {
        webhookUrl: {
          label: 'Incoming Webhook 地址',
          description:
            '在 Slack 应用的 Incoming Webhooks 设置中为频道添加 Webhook 后获得，以 https://hooks.slack.com/services/ 开头。',
          placeholder: PLACEHOLDER,
          invalid: '应为完整的网址，例如 https://hooks.slack.com/services/T…/B…/…',
        },
      },
      mentionsHelp:
        '每行一个：成员 ID（U 或 W 开头，在成员资料的“复制成员 ID”中获取）、用户组 ID（S 开头）、here（频道内在线的人）或 channel（频道所有人）。',
    },
    'zh-TW': {
      name: 'Slack',
      fields: {
        webhookUrl: {
          label: 'Incoming Webhook 網址',
          description:
            '在 Slack 應用程式的 Incoming Webhooks 設定中為頻道新增 Webhook 後取得，以 https://hooks.slack.com/services/ 開頭。',
          placeholder: PLACEHOLDER,
          invalid: '應為完整的網址，例如 https://hooks.slack.com/services/T…/B…/…',
        },
      },
      mentionsHelp:
        '每行一個：成員 ID（以 U 或 W 開頭，可在成員個人檔案的「複製成員 ID」取得）、使用者群組 ID（以 S 開頭）、here（頻道中目前在線的人）或 channel（頻道所有人）。',
    },
    en: {
      name: 'Slack',
      fields: {
        webhookUrl: {
          label: 'Incoming webhook URL',
          description:
            'Add a webhook for the channel under Incoming Webhooks in your Slack app’s settings; it starts with https://hooks.slack.com/services/.',
          placeholder: PLACEHOLDER,
          invalid: 'Must be a full URL such as https://hooks.slack.com/services/T…/B…/…',
        },
      },
      mentionsHelp:
        'One per line: a member ID (starts with U or W; “Copy member ID” in their profile), a user group ID (starts with S), here (everyone active in the channel) or channel (everyone in it).',
    },
    ja: {
      name: 'Slack',
      fields: {
        webhookUrl: {
          label: 'Incoming Webhook URL',
          description:
            'Slack アプリの設定の「Incoming Webhooks」でチャンネル用の Webhook を追加すると発行されます。https://hooks.slack.com/services/ で始まります。',
          placeholder: PLACEHOLDER,
          invalid: 'https://hooks.slack.com/services/T…/B…/… のような完全な URL を入力してください。',
        },
      },
      mentionsHelp:
        '1 行に 1 つ：メンバー ID（U または W で始まる。プロフィールの「メンバー ID をコピー」で取得）、ユーザーグループ ID（S で始まる）、here（チャンネルでアクティブな人）、channel（チャンネルの全員）。',
    },
    ru: {
      name: 'Slack',
      fields: {
        webhookUrl: {
          label: 'URL входящего вебхука',
          description:
            'Добавьте вебхук для канала в разделе Incoming Webhooks настроек вашего приложения Slack; адрес начинается с https://hooks.slack.com/services/.',
          placeholder: PLACEHOLDER,
          invalid: 'Нужен полный адрес, например https://hooks.slack.com/services/T…/B…/…',
        },
      },
      mentionsHelp:
        'По одному в строке: ID участника (начинается с U или W, «Скопировать ID участника» в профиле), ID группы пользователей (начинается с S), here (все, кто сейчас в сети в канале) или channel (все участники канала).',
    },
  },
  icon: decorative(IconBrandSlack),
  color: 'pink',
  Preview: SlackPreview,
  errorHints: SLACK_ERROR_HINTS,
};
