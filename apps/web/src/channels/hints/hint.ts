import type { Language } from '../../i18n/languages.ts';
import type { ErrorHint } from '../types.ts';

/** An error code's meaning and next step in each language, as [meaning, action] pairs. */
export function hint(text: Record<Language, readonly [string, string]>, fix?: 'editTarget'): ErrorHint {
  const words = Object.fromEntries(
    Object.entries(text).map(([language, [meaning, action]]) => [language, { meaning, action }]),
  ) as ErrorHint['text'];
  return fix ? { text: words, fix } : { text: words };
}
