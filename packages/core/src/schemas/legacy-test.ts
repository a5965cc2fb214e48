import { z } from 'zod';
import { LEGACY_CHANNELS } from '../channels/detect.ts';
import { NotificationTypeSchema } from './bindings.ts';
import { LegacyWebhookUrl } from './settings.ts';
import { TestResult } from './targets.ts';

/** A legacy URL as typed in Settings, tested before it is saved with a sample of `notificationType`. */
export const TestLegacyWebhookInput = z
  .object({
    url: LegacyWebhookUrl,
    notificationType: NotificationTypeSchema,
  })
  .strict();
export type TestLegacyWebhookInput = z.infer<typeof TestLegacyWebhookInput>;

/** The platforms a legacy URL can belong to (a custom webhook or a newer channel needs a target). */
export const LegacyChannelSchema = z.enum(LEGACY_CHANNELS);

/** A target test's answer, plus the platform detected from the URL. */
export const LegacyWebhookTestResult = TestResult.extend({ channel: LegacyChannelSchema });
export type LegacyWebhookTestResult = z.infer<typeof LegacyWebhookTestResult>;
