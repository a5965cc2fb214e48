import { z } from 'zod';

export const LoginInput = z.object({
  token: z.string().trim().min(1, 'the admin token is required').max(512, 'the admin token is too long'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  expiresAt: z.iso.datetime().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
