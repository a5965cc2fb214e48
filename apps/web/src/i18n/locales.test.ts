import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from './languages.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

/** Every leaf key as a dotted path, e.g. `login.tokenLabel`. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

/** `{{name}}` placeholders in a string, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function leafValue(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

describe('UI text resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(leafKeys(zhCN).sort()).toEqual(leafKeys(en).sort());
  });

  it('every text is a non-empty string in both languages', () => {
    for (const key of leafKeys(en)) {
      for (const resource of [en, zhCN]) {
        const value = leafValue(resource, key);
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('both languages use the same interpolation placeholders', () => {
    for (const key of leafKeys(en)) {
      const a = placeholders(leafValue(en, key) as string);
      const b = placeholders(leafValue(zhCN, key) as string);
      expect(b, key).toEqual(a);
    }
  });

  it('the zh-CN text is actually Chinese where it differs from a brand name', () => {
    expect(zhCN.nav.overview).not.toBe(en.nav.overview);
    expect(zhCN.login.submit).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('language detection', () => {
  it('maps browser tags to the supported languages', () => {
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh_TW')).toBe('zh-CN');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr-FR')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });

  it('prefers a remembered choice, then the first supported browser language, then English', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage(null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(detectLanguage('klingon', ['de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});
