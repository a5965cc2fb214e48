/**
 * The dashboard's languages. Each is named in its own language (an endonym), the same
 * whatever the current UI language, so these names are data rather than UI text.
 */
export const LANGUAGES = [
  { code: 'zh-CN', name: '简体中文' },
  { code: 'en', name: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

/** Used when neither a stored choice nor the browser names a language we have. */
export const FALLBACK_LANGUAGE: Language = 'en';

export const LANGUAGE_STORAGE_KEY = 'herald.language';

/** Maps a BCP 47 tag (`zh`, `zh-Hans-CN`, `en-GB`, …) to one of our languages. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
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
