import type { Language } from '../../i18n/languages.ts';

/** Where the server serves the document the page shows. */
export const OPENAPI_URL = '/openapi.json';

/** Scalar's own translations: it has no Japanese, so a Japanese dashboard shows its controls in English. */
const SCALAR_LOCALES = { en: 'en', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', ja: 'en', ru: 'ru' } as const satisfies Record<
  Language,
  string
>;

/**
 * Scalar's faint text and method colours (#8e8e8e on white, green #069061 on #f6f6f6, #797979 on
 * #0f0f0f) are under WCAG AA's 4.5:1: these reach it on all three of its backgrounds.
 * !important: its own display-p3 variants come later in its stylesheet.
 */
const SCALAR_CONTRAST_CSS = [
  '.light-mode { --scalar-color-2: #636363 !important; --scalar-color-3: #6b6b6b !important;',
  '--scalar-color-green: #00754d !important; --scalar-color-red: #c40005 !important;',
  '--scalar-color-yellow: #806500 !important; --scalar-color-blue: #005f9e !important;',
  '--scalar-color-orange: #a83b00 !important; --scalar-color-accent: #006bb8 !important; }',
  '.dark-mode { --scalar-color-3: #949494 !important; --scalar-color-red: #f2504e !important; }',
].join(' ');

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
    customCss: SCALAR_CONTRAST_CSS,
  };
}
