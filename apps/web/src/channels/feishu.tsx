import { IconFeather } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { FEISHU_ERROR_HINTS } from './hints/feishu.ts';
import { FeishuPreview } from './previews/feishu.tsx';
import { ROBOT_SIGNING_SECRET as secret, ROBOT_WEBHOOK_URL as url } from './shared-text.ts';
import type { ChannelUi } from './types.ts';

/** Feishu (飞书, a feather) custom bots. */
export const feishuUi: ChannelUi<'feishu'> = {
  text: {
    'zh-CN': { name: '飞书', fields: { webhookUrl: url['zh-CN'], feishuSecret: secret['zh-CN'] } },
    'zh-TW': { name: '飛書', fields: { webhookUrl: url['zh-TW'], feishuSecret: secret['zh-TW'] } },
    en: { name: 'Feishu', fields: { webhookUrl: url.en, feishuSecret: secret.en } },
    ja: { name: 'Feishu', fields: { webhookUrl: url.ja, feishuSecret: secret.ja } },
    ru: { name: 'Feishu', fields: { webhookUrl: url.ru, feishuSecret: secret.ru } },
  },
  icon: decorative(IconFeather),
  color: 'blue',
  Preview: FeishuPreview,
  errorHints: FEISHU_ERROR_HINTS,
};
