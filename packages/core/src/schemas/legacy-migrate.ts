import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../domain.ts';
import { LegacyChannelSchema } from './legacy-test.ts';

/** What `settings.migrateLegacyWebhooks` did: one target per distinct legacy URL, bound to every type that used it. */
export const MigrateLegacyResult = z.object({
  created: z.array(
    z.object({
      targetId: z.uuid(),
      name: z.string(),
      channel: LegacyChannelSchema,
      types: z.array(z.enum(NOTIFICATION_TYPES)),
    }),
  ),
  useLegacyMode: z.boolean(),
  message: z.string(),
});
export type MigrateLegacyResult = z.infer<typeof MigrateLegacyResult>;
