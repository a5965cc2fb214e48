import type { Translation } from './locales/en.ts';

/** CLDR plural categories, as `Intl.PluralRules` names them and i18next suffixes keys with them. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * `T`'s keys as a language with the plural categories `C` must spell them: a counted text, which
 * en writes as `key_one` + `key_other`, becomes `key_<c>` for every `c` in `C`; every other key
 * stays as it is. Each catalogue `satisfies` this, so a missing or extra key fails typecheck.
 */
export type CatalogueOf<T, C extends PluralCategory> = {
  [K in keyof T & string as K extends `${infer Base}_other`
    ? `${Base}_${C}`
    : K extends `${string}_${Exclude<PluralCategory, 'other'>}`
      ? never
      : K]: T[K] extends string ? string : CatalogueOf<T[K], C>;
};

/** The dashboard's text in a language whose numbers take the plural categories `C`. */
export type Catalogue<C extends PluralCategory> = CatalogueOf<Translation, C>;

/** Languages without plural forms (Chinese, Japanese): one `key_other` per counted text. */
export type PluralsOther = 'other';
/** English: 1 failure, 2 failures. */
export type PluralsEnglish = 'one' | 'other';
/** Russian: 1 сбой, 2 сбоя, 5 сбоев, 1,5 сбоя. */
export type PluralsRussian = 'one' | 'few' | 'many' | 'other';
