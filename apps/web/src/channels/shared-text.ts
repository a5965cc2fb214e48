import type { Language } from '../i18n/languages.ts';
import type { FieldText } from './types.ts';

/** A group robot's webhook address (WeCom, Feishu, DingTalk). */
export const ROBOT_WEBHOOK_URL: Record<Language, FieldText> = {
  'zh-CN': { label: 'Webhook 地址', description: '群机器人设置中的 Webhook 地址。' },
  'zh-TW': { label: 'Webhook 網址', description: '群組機器人設定中的 Webhook 網址。' },
  en: { label: 'Webhook URL', description: 'The robot’s webhook address from the group’s settings.' },
  ja: { label: 'Webhook URL', description: 'グループ設定にあるボットの Webhook アドレスです。' },
  ru: { label: 'URL вебхука', description: 'Адрес вебхука бота из настроек группы.' },
};

/** A group robot's optional signing secret (Feishu, DingTalk). */
export const ROBOT_SIGNING_SECRET: Record<Language, FieldText> = {
  'zh-CN': { label: '签名密钥', description: '可选：仅当机器人开启了签名校验时填写。' },
  'zh-TW': { label: '簽章密鑰', description: '選填：僅在機器人開啟簽章驗證時填寫。' },
  en: { label: 'Signing secret', description: 'Optional: only if the robot has signature verification turned on.' },
  ja: { label: '署名シークレット', description: '任意：ボットで署名検証を有効にしている場合のみ入力します。' },
  ru: { label: 'Секрет подписи', description: 'Необязательно: только если у бота включена проверка подписи.' },
};
