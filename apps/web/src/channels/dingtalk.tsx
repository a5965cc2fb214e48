import { IconBrandDingtalk } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { DINGTALK_ERROR_HINTS } from './hints/dingtalk.ts';
import { DingtalkPreview } from './previews/dingtalk.tsx';
import { ROBOT_SIGNING_SECRET as secret, ROBOT_WEBHOOK_URL as url } from './shared-text.ts';
import type { ChannelUi } from './types.ts';

/** DingTalk (钉钉) custom robots. */
export const dingtalkUi: ChannelUi<'dingtalk'> = {
  text: {
    'zh-CN': { name: '钉钉', fields: { webhookUrl: url['zh-CN'], dingtalkSecret: secret['zh-CN'] } },
    'zh-TW': { name: '釘釘', fields: { webhookUrl: url['zh-TW'], dingtalkSecret: secret['zh-TW'] } },
    en: { name: 'DingTalk', fields: { webhookUrl: url.en, dingtalkSecret: secret.en } },
    ja: { name: 'DingTalk', fields: { webhookUrl: url.ja, dingtalkSecret: secret.ja } },
    ru: { name: 'DingTalk', fields: { webhookUrl: url.ru, dingtalkSecret: secret.ru } },
  },
  icon: decorative(IconBrandDingtalk),
  color: 'cyan',
  Preview: DingtalkPreview,
  errorHints: DINGTALK_ERROR_HINTS,
};
