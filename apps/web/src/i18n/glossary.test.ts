import { NOTIFICATION_TYPES } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import { glossaryEn } from './locales/glossary.en.ts';
import { glossaryJa } from './locales/glossary.ja.ts';
import { glossaryRu } from './locales/glossary.ru.ts';
import { glossaryZhCN } from './locales/glossary.zh-CN.ts';
import { glossaryZhTW } from './locales/glossary.zh-TW.ts';
import { resources } from './resources.ts';

const GLOSSARY = { en: glossaryEn, 'zh-CN': glossaryZhCN, 'zh-TW': glossaryZhTW, ja: glossaryJa, ru: glossaryRu };

/** Names a type once had in a language, which must not come back beside the glossary's. */
const RETIRED: Partial<Record<keyof typeof GLOSSARY, string[]>> = {
  'zh-CN': ['熔断通知', '供应商熔断', '成本告警'],
  'zh-TW': ['斷路器通知', '供應商斷路器'],
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

describe.each(LANGUAGES.map((l) => l.code))('the %s glossary', (language) => {
  const catalogue = resources[language].translation;

  it('names every notification type, and every section naming types uses exactly its names', () => {
    expect(Object.keys(GLOSSARY[language].types).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    const sections = typeSections(catalogue);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const [path, section] of sections) expect(section, path).toEqual(GLOSSARY[language].types);
  });

  it('no text uses a retired name of a type', () => {
    const all = texts(catalogue);
    for (const name of RETIRED[language] ?? [])
      expect(
        all.filter((t) => t.includes(name)),
        name,
      ).toEqual([]);
  });
});
