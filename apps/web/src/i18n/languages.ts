/**
 * The dashboard's languages. Each is named in its own language (an endonym), the same
 * whatever the current UI language, so these names are data rather than UI text.
 */
export const LANGUAGES = [
  { code: 'zh-CN', name: '简体中文' },
  { code: 'zh-TW', name: '繁體中文' },
  { code: 'en', name: 'English' },
  { code: 'ja', name: '日本語' },
  { code: 'ru', name: 'Русский' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

/** Used when neither a stored choice nor the browser names a language we have. */
export const FALLBACK_LANGUAGE: Language = 'en';

export const LANGUAGE_STORAGE_KEY = 'herald.language';

/** Regions whose Chinese is written in Traditional characters when a tag names no script. */
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** Maps a BCP 47 tag (`zh`, `zh-Hans-CN`, `zh-HK`, `en-GB`, `ru-RU`, …) to one of our languages. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const [primary, ...subtags] = tag?.trim().toLowerCase().split(/[-_]/) ?? [];
  if (primary === 'zh') return isTraditional(subtags) ? 'zh-TW' : 'zh-CN';
  if (primary === 'en') return 'en';
  if (primary === 'ja') return 'ja';
  if (primary === 'ru') return 'ru';
  return null;
}

/** A script subtag decides (`Hant`/`Hans`); without one, the region does. */
function isTraditional(subtags: readonly string[]): boolean {
  if (subtags.includes('hant')) return true;
  if (subtags.includes('hans')) return false;
  return subtags.some((s) => TRADITIONAL_REGIONS.has(s));
}

/** A remembered choice wins; otherwise the first browser language we support; otherwise English. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  const remembered = LANGUAGES.find((l) => l.code === stored);
  if (remembered) return remembered.code;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
