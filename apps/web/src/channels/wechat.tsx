import { IconBrandWechat } from '@tabler/icons-react';
import { decorative } from '../components/icons.tsx';
import { WECHAT_ERROR_HINTS } from './hints/wechat.ts';
import { WechatPreview } from './previews/wechat.tsx';
import { ROBOT_WEBHOOK_URL as url } from './shared-text.ts';
import type { ChannelUi } from './types.ts';

/** WeCom (企业微信) group robots; Tabler has no WeCom mark, WeChat's stands in. */
export const wechatUi: ChannelUi<'wechat'> = {
  text: {
    'zh-CN': { name: '企业微信', fields: { webhookUrl: url['zh-CN'] } },
    'zh-TW': { name: '企業微信', fields: { webhookUrl: url['zh-TW'] } },
    en: { name: 'WeCom', fields: { webhookUrl: url.en } },
    ja: { name: 'WeCom', fields: { webhookUrl: url.ja } },
    ru: { name: 'WeCom', fields: { webhookUrl: url.ru } },
  },
  icon: decorative(IconBrandWechat),
  color: 'green',
  Preview: WechatPreview,
  errorHints: WECHAT_ERROR_HINTS,
};
