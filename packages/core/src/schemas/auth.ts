import { z } from 'zod';
import { ADMIN_TOKEN_MAX_LENGTH } from './admin-token.ts';

export const LoginInput = z.object({
  token: z
    .string()
    .trim()
    .min(1, 'the admin token is required')
    .max(ADMIN_TOKEN_MAX_LENGTH, 'the admin token is too long'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
