import { z } from 'zod';
import { Text } from './text.ts';

export const API_KEY_NAME_MAX = 100;

export const CreateApiKeyInput = z.object({
  name: Text()
    .trim()
    .min(1, 'a name is required so the key can be told apart later')
    .max(API_KEY_NAME_MAX, `at most ${API_KEY_NAME_MAX} characters`),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const ApiKeyIdInput = z.object({
  id: z.uuid('id must be a UUID'),
});
export type ApiKeyIdInput = z.infer<typeof ApiKeyIdInput>;

/** An API key as listed: never the key itself, only its first characters. */
export const ApiKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;

/** Returned once, by create: the only time the full key is shown. */
export const CreatedApiKey = ApiKeySummary.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
