import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 时间的中文说法：相对时间与旁边的确切时间。 */
export const timesZhCN = {
  justNow: '刚刚',
  inAMoment: '马上',
  exact: '{{time}}（{{zone}}）',
  spokenExact: '，{{exact}}',
} satisfies Catalogue<PluralsOther>['times'];
