import type { Catalogue, PluralsOther } from '../catalogue.ts';

/** 時間的中文說法：相對時間與旁邊的確切時間。 */
export const timesZhTW = {
  justNow: '剛剛',
  inAMoment: '即將',
  exact: '{{time}}（{{zone}}）',
  spokenExact: '，{{exact}}',
} satisfies Catalogue<PluralsOther>['times'];
