import { ApiKeyIdInput, ApiKeySummary, CreateApiKeyInput, CreatedApiKey } from '@herald/core';
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.ts';
import { refusal } from '../../services/refusal.ts';
import { adminProcedure, router } from '../trpc.ts';

export const apiKeysRouter = router({
  list: adminProcedure.output(z.array(ApiKeySummary)).query(({ ctx }) => listApiKeys(ctx.deps.db)),

  create: adminProcedure
    .input(CreateApiKeyInput)
    .output(CreatedApiKey)
    .mutation(async ({ ctx, input }) => {
      const created = await createApiKey(ctx.deps.db, input.name, ctx.actor);
      ctx.deps.logger.info(
        { action: 'api_key_created', apiKeyId: created.id, name: created.name },
        'hub API key created',
      );
      return created;
    }),

  revoke: adminProcedure
    .input(ApiKeyIdInput)
    .output(ApiKeySummary)
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeApiKey(ctx.deps.db, input.id, ctx.actor);
      if (!revoked) throw refusal('api_key.not_found', { id: input.id }, `id: no API key ${input.id}`);
      ctx.deps.logger.info({ action: 'api_key_revoked', apiKeyId: revoked.id }, 'hub API key revoked');
      return revoked;
    }),
});
