import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadCatalogue } from './catalogues.ts';
import { detectLanguage, FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './languages.ts';

const defaultNS = 'translation';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; then the browser's preference decides
  }
}

/** Fetches a language's catalogue unless it is loaded already. */
async function ensureCatalogue(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, defaultNS)) return;
  i18n.addResourceBundle(language, defaultNS, await loadCatalogue[language]());
}

/** Starts i18next with the chosen language's catalogue loaded, and keeps `<html lang>` in step. */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  const lng = detectLanguage(readStoredLanguage(), navigator.languages);
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { [defaultNS]: await loadCatalogue[lng]() } },
    partialBundledLanguages: true,
    defaultNS,
    lng,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    load: 'currentOnly',
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
  await ensureCatalogue(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(lng: string): Language {
  return LANGUAGES.find((l) => l.code === lng)?.code ?? FALLBACK_LANGUAGE;
}
