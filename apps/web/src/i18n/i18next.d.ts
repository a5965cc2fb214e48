import type { Translation } from './locales/en.ts';
import type { defaultNS } from './resources.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: { translation: Translation };
  }
}
