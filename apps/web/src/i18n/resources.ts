import type { Language } from './languages.ts';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';
import { ru } from './locales/ru.ts';
import { zhCN } from './locales/zh-CN.ts';
import { zhTW } from './locales/zh-TW.ts';

export const defaultNS = 'translation';

/** Every language's catalogue; each is typed against en's keys in its own file (catalogue.ts). */
export const resources = {
  'zh-CN': { translation: zhCN },
  'zh-TW': { translation: zhTW },
  en: { translation: en },
  ja: { translation: ja },
  ru: { translation: ru },
} satisfies Record<Language, { translation: object }>;
