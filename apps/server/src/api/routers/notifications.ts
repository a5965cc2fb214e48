import { PreviewInput, RunOutcome, ScheduleView, TriggerInput } from '@herald/core';
import { z } from 'zod';
import { triggerNow } from '../../engine/scheduled-jobs.ts';
import { previewNotification } from '../../services/preview.ts';
import { listHeraldSchedules } from '../../services/reconcile.ts';
import { adminProcedure, router } from '../trpc.ts';

export const notificationsRouter = router({
  preview: adminProcedure
    .input(PreviewInput)
    .query(({ ctx, input }) => previewNotification(ctx.deps.db, input, ctx.deps.config.publicUrl)),
  /** The schedules registered in the queue right now (derived from settings and bindings). */
  schedules: adminProcedure.output(z.array(ScheduleView)).query(({ ctx }) => listHeraldSchedules(ctx.deps.boss)),
  /** Runs a cost check or the leaderboard now, as its schedule would (switches respected). */
  trigger: adminProcedure
    .input(TriggerInput)
    .output(z.array(RunOutcome))
    .mutation(({ ctx, input }) => triggerNow(ctx.deps, input.notificationType)),
});
