import { IconBrandTeams } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { TEAMS_ERROR_HINTS } from './hints/teams.ts';
import { TeamsPreview } from './previews/teams.tsx';
import type { ChannelUi } from './types.ts';

const URL_PLACEHOLDER = 'https://….logic.azure.com/workflows/…/triggers/manual/paths/invoke?…&sig=…';

/** Microsoft Teams through a Workflows webhook: the address is the flow's trigger URL, signed with `sig`. */
export const teamsUi: ChannelUi<'teams'> = {
  text: {
    'zh-CN': {
      name: 'Microsoft Teams',
      fields: {
        webhookUrl: {
          label: 'Workflows Webhook 地址',
          description:
            '在 Teams 的“工作流”应用中，用“收到 webhook 请求时发布到频道”模板为目标频道创建工作流，保存后复制生成的地址（含 sig 签名参数，请妥善保管）。',
          placeholder: URL_PLACEHOLDER,
          invalid: '应为完整的网址，即工作流显示的整段地址，例如 https://….logic.azure.com/workflows/…',
        },
      },
    },
    'zh-TW': {
      name: 'Microsoft Teams',
      fields: {
        webhookUrl: {
          label: 'Workflows Webhook 網址',
          description:
            '在 Teams 的「工作流程」應用程式中，以「收到 webhook 要求時張貼至頻道」範本為目標頻道建立工作流程，儲存後複製產生的網址（含 sig 簽章參數，請妥善保管）。',
          placeholder: URL_PLACEHOLDER,
          invalid: '應為完整的網址，即工作流程顯示的整段網址，例如 https://….logic.azure.com/workflows/…',
        },
      },
    },
    en: {
      name: 'Microsoft Teams',
      fields: {
        webhookUrl: {
          label: 'Workflows webhook URL',
          description:
            'In Teams’ Workflows app, create a flow for the channel from the “Post to a channel when a webhook request is received” template, then copy the URL it shows. Its sig parameter is the key: keep it private.',
          placeholder: URL_PLACEHOLDER,
          invalid: 'Must be the full URL the workflow shows, such as https://….logic.azure.com/workflows/…',
        },
      },
    },
    ja: {
      name: 'Microsoft Teams',
      fields: {
        webhookUrl: {
          label: 'Workflows の Webhook URL',
          description:
            'Teams の「ワークフロー」アプリで「Webhook 要求を受信したらチャネルに投稿する」テンプレートから対象チャネル用のフローを作成し、表示された URL をコピーします。sig パラメーターが鍵になるため、外部に漏らさないでください。',
          placeholder: URL_PLACEHOLDER,
          invalid: 'ワークフローに表示された URL 全体を入力してください（例: https://….logic.azure.com/workflows/…）。',
        },
      },
    },
    ru: {
      name: 'Microsoft Teams',
      fields: {
        webhookUrl: {
          label: 'URL вебхука Workflows',
          description:
            'В приложении «Рабочие процессы» в Teams создайте поток для канала по шаблону «Публикация в канале при получении запроса веб-перехватчика» и скопируйте показанный URL. Параметр sig в нём служит ключом — не передавайте его посторонним.',
          placeholder: URL_PLACEHOLDER,
          invalid:
            'Нужен полный URL, который показывает рабочий процесс, например https://….logic.azure.com/workflows/…',
        },
      },
    },
  },
  icon: decorative(IconBrandTeams),
  color: 'violet',
  Preview: TeamsPreview,
  errorHints: TEAMS_ERROR_HINTS,
};
