import { Overview } from '@herald/core';
import { getOverview } from '../../services/overview.ts';
import { adminProcedure, router } from '../trpc.ts';

export const overviewRouter = router({
  /** The dashboard's Overview: today, the last 7 days, failing targets, spend, quotas, breaker alerts. */
  get: adminProcedure.output(Overview).query(({ ctx }) => getOverview(ctx.deps)),
});
