import {
  LegacyWebhookTestResult,
  MigrateLegacyResult,
  Settings,
  TestLegacyWebhookInput,
  UpdateSettingsInput,
} from '@herald/core';
import { testLegacyWebhook } from '../../services/legacy-webhook-test.ts';
import { migrateLegacyWebhooks } from '../../services/migrate-legacy.ts';
import { getSettings, updateSettings } from '../../services/settings.ts';
import { adminProcedure, router } from '../trpc.ts';

export const settingsRouter = router({
  get: adminProcedure.output(Settings).query(({ ctx }) => getSettings(ctx.deps.db)),
  update: adminProcedure
    .input(UpdateSettingsInput)
    .output(Settings)
    .mutation(({ ctx, input }) => updateSettings(ctx.deps, input, ctx.actor)),
  /** Legacy URLs → one target each, bound to their types; legacy mode off. Safe to call again. */
  migrateLegacyWebhooks: adminProcedure
    .output(MigrateLegacyResult)
    .mutation(({ ctx }) => migrateLegacyWebhooks(ctx.deps, ctx.actor)),
  /** A legacy URL as typed, before it is saved: the detected platform and the platform's answer to a sample. */
  testLegacyWebhook: adminProcedure
    .input(TestLegacyWebhookInput)
    .output(LegacyWebhookTestResult)
    .mutation(({ ctx, input }) => testLegacyWebhook(ctx.deps, input)),
});
