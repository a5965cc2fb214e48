import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './languages.ts';
import { defaultNS, resources } from './resources.ts';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; then the browser's preference decides
  }
}

/** Starts i18next synchronously (resources are bundled) and keeps `<html lang>` in step. */
export function initI18n(): typeof i18n {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18n.use(initReactI18next).init({
    resources,
    defaultNS,
    lng: detectLanguage(readStoredLanguage(), navigator.languages),
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
  });
  return i18n;
}

/** Switches the UI language and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, but the switch still applies to this tab
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(lng: string): Language {
  return LANGUAGES.find((l) => l.code === lng)?.code ?? FALLBACK_LANGUAGE;
}
