import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.ts';
import { OPENAPI_URL, referenceConfiguration } from './reference-configuration.ts';

const ORIGIN = 'https://herald.example.com';

describe('the API reference viewer settings', () => {
  it('reads the document from this server and turns off everything that calls scalar.com', () => {
    const c = referenceConfiguration({ dark: false, language: 'en', origin: ORIGIN });
    expect(c.url).toBe(OPENAPI_URL);
    expect(OPENAPI_URL).toBe('/openapi.json');
    expect(c).toMatchObject({ withDefaultFonts: false, telemetry: false, mcp: { disabled: true } });
    expect(c).toMatchObject({ agent: { disabled: true }, showDeveloperTools: 'never' });
    expect(c).toMatchObject({ hideClientButton: true, hideTestRequestButton: true });
    // The only address in it is this server's: the examples call it.
    expect(c.baseServerURL).toBe(ORIGIN);
    expect(JSON.stringify({ ...c, baseServerURL: undefined })).not.toMatch(/https?:/);
  });

  it("follows the dashboard's colour scheme, with Scalar's own toggle hidden", () => {
    expect(referenceConfiguration({ dark: true, language: 'en', origin: ORIGIN })).toMatchObject({
      darkMode: true,
      forceDarkModeState: 'dark',
      hideDarkModeToggle: true,
    });
    expect(referenceConfiguration({ dark: false, language: 'en', origin: ORIGIN }).forceDarkModeState).toBe('light');
  });

  it("uses Scalar's own translation of each dashboard language it has, English otherwise", () => {
    const locales = Object.fromEntries(
      LANGUAGES.map(({ code }) => [
        code,
        referenceConfiguration({ dark: false, language: code, origin: ORIGIN }).localization.locale,
      ]),
    );
    expect(locales).toEqual({ 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en', ja: 'en', ru: 'ru' });
  });
});
