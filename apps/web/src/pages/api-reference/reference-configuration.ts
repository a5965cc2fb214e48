import type { Language } from '../../i18n/languages.ts';

/** Where the server serves the document the page shows. */
export const OPENAPI_URL = '/openapi.json';

/** Scalar's own translations: it has no Japanese, so a Japanese dashboard shows its controls in English. */
const SCALAR_LOCALES = { en: 'en', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', ja: 'en', ru: 'ru' } as const satisfies Record<
  Language,
  string
>;

/**
 * Scalar's settings for the dashboard: everything it shows comes from this server. Its web
 * fonts, telemetry, AI and MCP helpers and its request proxy all live on scalar.com, so they are
 * off: the page must work where the server has no Internet access.
 */
export function referenceConfiguration(opts: { dark: boolean; language: Language; origin: string }) {
  return {
    url: OPENAPI_URL,
    // The examples' URLs: the address this dashboard is reached at, which is the API's too.
    baseServerURL: opts.origin,
    withDefaultFonts: false,
    telemetry: false,
    mcp: { disabled: true },
    agent: { disabled: true },
    // Its toolbar offers scalar.com's services (share, SDKs, hosting).
    showDeveloperTools: 'never' as const,
    showToolbar: 'never' as const,
    hideClientButton: true,
    // Trying a call needs a key pasted into a third-party UI; the curl and Python examples show how instead.
    hideTestRequestButton: true,
    documentDownloadType: 'direct' as const,
    // The dashboard's header already switches the colour scheme.
    hideDarkModeToggle: true,
    darkMode: opts.dark,
    forceDarkModeState: opts.dark ? ('dark' as const) : ('light' as const),
    showOperationId: false,
    defaultOpenFirstTag: true,
    localization: { locale: SCALAR_LOCALES[opts.language] },
  };
}
