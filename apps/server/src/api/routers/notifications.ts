import { PreviewInput } from '@herald/core';
import { previewNotification } from '../../services/preview.ts';
import { adminProcedure, router } from '../trpc.ts';

export const notificationsRouter = router({
  preview: adminProcedure.input(PreviewInput).query(({ ctx, input }) => previewNotification(ctx.deps.db, input)),
});
