import type { Catalogue, PluralsRussian } from '../catalogue.ts';

/** Слова для моментов времени: относительное время и точное рядом с ним. */
export const timesRu = {
  justNow: 'только что',
  inAMoment: 'вот-вот',
  exact: '{{time}} ({{zone}})',
  spokenExact: ', {{exact}}',
} satisfies Catalogue<PluralsRussian>['times'];
