import type { Language } from './languages.ts';
import { en, type Translation } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

export const defaultNS = 'translation';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} satisfies Record<Language, { translation: Translation }>;
