import { DELIVERY_STATUSES, NOTIFICATION_TYPES, TARGET_HEALTH_STATES } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import { glossaryEn } from './locales/glossary.en.ts';
import { glossaryJa } from './locales/glossary.ja.ts';
import { glossaryRu } from './locales/glossary.ru.ts';
import { glossaryZhCN } from './locales/glossary.zh-CN.ts';
import { glossaryZhTW } from './locales/glossary.zh-TW.ts';
import { resources } from './resources.ts';

const GLOSSARY = { en: glossaryEn, 'zh-CN': glossaryZhCN, 'zh-TW': glossaryZhTW, ja: glossaryJa, ru: glossaryRu };

/**
 * Names a type or a term once had in a language, which must not come back beside the glossary's
 * (the hub is 中转站, not "Hub" outside the product name Claude Code Hub; a token count is "Token").
 */
const RETIRED: Partial<Record<keyof typeof GLOSSARY, Array<string | RegExp>>> = {
  'zh-CN': ['熔断通知', '供应商熔断', '成本告警', /(?<!Claude Code )\bHub\b/, /\bTokens\b/],
  'zh-TW': ['斷路器通知', '供應商斷路器', /(?<!Claude Code )\bHub\b/, /\bTokens\b/],
  ja: ['デイリーランキング'],
};

/** Every section of a catalogue that names the notification types, with its path. */
function typeSections(node: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  const own: Array<[string, Record<string, unknown>]> = NOTIFICATION_TYPES.some((t) => t in o) ? [[path, o]] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => typeSections(v, path ? `${path}.${k}` : k))];
}

const texts = (node: unknown): string[] =>
  typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(texts);

/** Every text of a catalogue with its dotted path. */
const leaves = (node: unknown, path = ''): Array<[string, string]> =>
  typeof node === 'string'
    ? [[path, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
const at = (node: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], node);

type Group = keyof typeof glossaryEn;
const GROUPS = Object.keys(glossaryEn) as Group[];
const ENGLISH = leaves(resources.en.translation);

describe.each(LANGUAGES.map((l) => l.code))('the %s glossary', (language) => {
  const catalogue = resources[language].translation;

  it('names every notification type, and every section naming types uses exactly its names', () => {
    expect(Object.keys(GLOSSARY[language].types).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    const sections = typeSections(catalogue);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const [path, section] of sections) expect(section, path).toEqual(GLOSSARY[language].types);
  });

  it('no text uses a retired name of a type or term', () => {
    const all = texts(catalogue);
    for (const name of RETIRED[language] ?? [])
      expect(
        all.filter((t) => (typeof name === 'string' ? t.includes(name) : name.test(t))),
        String(name),
      ).toEqual([]);
  });

  it('names every delivery status and health state core has', () => {
    expect(Object.keys(GLOSSARY[language].statuses).sort()).toEqual([...DELIVERY_STATUSES].sort());
    expect(Object.keys(GLOSSARY[language].health).sort()).toEqual([...TARGET_HEALTH_STATES].sort());
  });

  it.each(GROUPS)('every %s term is one the dashboard uses', (group) => {
    for (const [key, term] of Object.entries(glossaryEn[group] as Record<string, string>))
      expect(
        ENGLISH.some(([, text]) => (term.includes('{{') ? text.includes(term) : text === term)),
        `${group}.${key}`,
      ).toBe(true);
  });

  // One term per concept: wherever the English says a glossary term, this language says the
  // glossary's, not a second translation. A word must be the whole text; a unit (with its
  // number's placeholder) must appear in every text whose English uses it.
  it.each(GROUPS)('no text gives a %s term a second translation', (group) => {
    const english = glossaryEn[group] as Record<string, string>;
    const own = GLOSSARY[language][group] as Record<string, string>;
    for (const [key, term] of Object.entries(english)) {
      const isUnit = term.includes('{{');
      for (const [path, text] of ENGLISH) {
        if (isUnit ? !text.includes(term) : text !== term) continue;
        const translated = String(at(catalogue, path) ?? at(catalogue, path.replace(/_one$/, '_other')));
        if (isUnit) expect(translated, `${path} (${group}.${key})`).toContain(own[key]);
        else expect(translated, `${path} (${group}.${key})`).toBe(own[key]);
      }
    }
  });

  it('gives two different statuses, states or outcomes two different words', () => {
    const words = GROUPS.filter((g) => g !== 'units').flatMap((g) =>
      Object.entries(GLOSSARY[language][g] as Record<string, string>).map(([k, v]) => [`${g}.${k}`, v] as const),
    );
    const english = new Map(
      GROUPS.flatMap((g) => Object.entries(glossaryEn[g] as Record<string, string>).map(([k, v]) => [`${g}.${k}`, v])),
    );
    for (const [a, word] of words)
      for (const [b, other] of words)
        if (a < b && english.get(a) !== english.get(b)) expect(word, `${a} and ${b}`).not.toBe(other);
  });
});
