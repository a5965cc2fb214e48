import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 日時の日本語の言い方：相対時刻と、その横の正確な日時。 */
export const timesJa = {
  justNow: 'たった今',
  inAMoment: 'まもなく',
  exact: '{{time}}（{{zone}}）',
  spokenExact: '、{{exact}}',
} satisfies Catalogue<PluralsOther>['times'];
