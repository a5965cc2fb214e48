import type { Language } from './languages.ts';

/**
 * Each language's catalogue as its own chunk: a page downloads the one it shows, not all five
 * (resources.ts still holds them all, for the tests; each file is typed in catalogue.ts).
 */
export const loadCatalogue: Record<Language, () => Promise<object>> = {
  'zh-CN': () => import('./locales/zh-CN.ts').then((m) => m.zhCN),
  'zh-TW': () => import('./locales/zh-TW.ts').then((m) => m.zhTW),
  en: () => import('./locales/en.ts').then((m) => m.en),
  ja: () => import('./locales/ja.ts').then((m) => m.ja),
  ru: () => import('./locales/ru.ts').then((m) => m.ru),
};
