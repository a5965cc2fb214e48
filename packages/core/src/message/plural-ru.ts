/** A Russian noun's three count forms: 1 запрос, 2 запроса, 5 запросов. */
export type RuForms = readonly [one: string, few: string, many: string];

const rules = new Intl.PluralRules('ru');

/**
 * The form for a count: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30, 111).
 * A fraction takes the "few" form (1,5 минуты), which is Intl's "other" for Russian.
 */
export function ruForm(n: number, [one, few, many]: RuForms): string {
  switch (rules.select(n)) {
    case 'one':
      return one;
    case 'few':
    case 'other':
      return few;
    default:
      return many;
  }
}

/** `5 запросов`: the count and its noun in the matching form. */
export const ruCount = (n: number, forms: RuForms, shown: string = String(n)): string => `${shown} ${ruForm(n, forms)}`;
