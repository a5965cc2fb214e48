import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGES, type Language, matchLanguage } from './languages.ts';
import { en } from './locales/en.ts';
import { resources } from './resources.ts';

/** Every leaf key as a dotted path, e.g. `login.tokenLabel`. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function leafValue(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

/** `{{name}}` placeholders and `<name/>` component slots (Trans) in a string, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<(\w+)\/>/g)].map((m) => m[1] ?? `<${m[2]}/>`).sort();
}

/** en's counted texts (`key_one` + `key_other`), by the key without its suffix. */
const PLURAL_BASES = leafKeys(en)
  .filter((k) => k.endsWith('_other'))
  .map((k) => k.slice(0, -'_other'.length));

const pluralCategories = (language: Language) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** The keys `language` must have: en's, with each counted text in the language's own plural categories. */
function expectedKeys(language: Language): string[] {
  const counted = new Set(PLURAL_BASES.flatMap((base) => [`${base}_one`, `${base}_other`]));
  const plain = leafKeys(en).filter((k) => !counted.has(k));
  const plural = PLURAL_BASES.flatMap((base) => pluralCategories(language).map((c) => `${base}_${c}`));
  return [...plain, ...plural].sort();
}

/** en's text for a key of another catalogue (a plural form maps to en's `_other`). */
function enTextFor(key: string): string {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
  return (leafValue(en, key) ?? leafValue(en, `${base}_other`)) as string;
}

const catalogue = (language: Language) => resources[language].translation;

describe('UI text resources', () => {
  it('has a catalogue for every language of the switcher', () => {
    expect(Object.keys(resources).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it('en has both English forms of every counted text', () => {
    expect(PLURAL_BASES.length).toBeGreaterThan(0);
    expect(leafKeys(en).sort()).toEqual(expectedKeys('en'));
  });

  for (const { code } of LANGUAGES) {
    describe(code, () => {
      it("has exactly en's keys, counted texts in its own plural categories", () => {
        expect(leafKeys(catalogue(code)).sort()).toEqual(expectedKeys(code));
      });

      it('has a non-empty text for every key, with the same placeholders as en', () => {
        for (const key of leafKeys(catalogue(code))) {
          const text = leafValue(catalogue(code), key);
          expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
          expect(placeholders(text as string), key).toEqual(placeholders(enTextFor(key)));
        }
      });
    });
  }

  it('each translation is written in its own script', () => {
    const texts = (language: Language) => leafKeys(catalogue(language)).map((k) => leafValue(catalogue(language), k));
    const share = (language: Language, script: RegExp) =>
      texts(language).filter((t) => script.test(t as string)).length / texts(language).length;
    expect(share('zh-CN', /[\u4e00-\u9fff]/)).toBeGreaterThan(0.9);
    expect(share('zh-TW', /[\u4e00-\u9fff]/)).toBeGreaterThan(0.9);
    expect(share('ja', /[\u3040-\u30ff\u4e00-\u9fff]/)).toBeGreaterThan(0.9);
    expect(share('ja', /[\u3040-\u30ff]/)).toBeGreaterThan(0.5); // kana: Japanese, not Chinese
    expect(share('zh-TW', /[\u3040-\u30ff]/)).toBe(0);
    expect(share('ru', /[\u0400-\u04ff]/)).toBeGreaterThan(0.9);
  });

  it('zh-TW is Traditional Chinese and zh-CN is Simplified', () => {
    // Common characters that exist in only one of the two scripts.
    const simplifiedOnly = /[设发时间们这个关没开认将还为网处页删录检务载测试输选择状态错误记数据连动类显标结复实应]/;
    const traditionalOnly = /[設發時間們這個關沒開認將還為網處頁刪錄檢務載測試輸選擇狀態錯誤記數據連動類顯標結復實應]/;
    for (const key of leafKeys(catalogue('zh-TW'))) {
      expect(leafValue(catalogue('zh-TW'), key), key).not.toMatch(simplifiedOnly);
    }
    for (const key of leafKeys(catalogue('zh-CN'))) {
      expect(leafValue(catalogue('zh-CN'), key), key).not.toMatch(traditionalOnly);
    }
    expect(catalogue('zh-TW').nav.settings).toBe('設定');
  });
});

describe('plural forms through i18next', () => {
  async function t(language: Language) {
    const i18n = createInstance();
    await i18n.init({ resources, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
    return (count: number) => i18n.t('overviewPage.breakers.failuresCount', { count });
  }

  it('Russian takes the one, few and many forms by the number', async () => {
    const failures = await t('ru');
    expect([1, 2, 5, 11, 21, 22, 25, 111].map(failures)).toEqual([
      '1 сбой',
      '2 сбоя',
      '5 сбоев',
      '11 сбоев',
      '21 сбой',
      '22 сбоя',
      '25 сбоев',
      '111 сбоев',
    ]);
  });

  it('English takes one and other; Chinese and Japanese have one form', async () => {
    expect([1, 2].map(await t('en'))).toEqual(['1 failure', '2 failures']);
    expect([1, 2].map(await t('zh-TW'))).toEqual(['失敗 1 次', '失敗 2 次']);
    expect([1, 2].map(await t('ja'))).toEqual(['1 回の失敗', '2 回の失敗']);
  });
});

describe('language detection', () => {
  it('maps browser tags to the supported languages', () => {
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh-SG')).toBe('zh-CN');
    expect(matchLanguage('zh-TW')).toBe('zh-TW');
    expect(matchLanguage('zh_TW')).toBe('zh-TW');
    expect(matchLanguage('zh-HK')).toBe('zh-TW');
    expect(matchLanguage('zh-MO')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant')).toBe('zh-TW');
    expect(matchLanguage('zh-Hant-CN')).toBe('zh-TW');
    expect(matchLanguage('zh-Hans-HK')).toBe('zh-CN');
    expect(matchLanguage('ja')).toBe('ja');
    expect(matchLanguage('ja-JP')).toBe('ja');
    expect(matchLanguage('ru-RU')).toBe('ru');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });

  it('prefers a remembered choice, then the first supported browser language, then English', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('ru', ['zh-TW'])).toBe('ru');
    expect(detectLanguage(null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['fr-FR', 'zh-HK', 'en'])).toBe('zh-TW');
    expect(detectLanguage(null, ['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(detectLanguage('klingon', ['de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
