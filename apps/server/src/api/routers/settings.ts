import { UpdateSettingsInput } from '@herald/core';
import { getSettings, updateSettings } from '../../services/settings.ts';
import { adminProcedure, router } from '../trpc.ts';

export const settingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getSettings(ctx.deps.db)),
  update: adminProcedure
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.deps, input, ctx.actor)),
});
