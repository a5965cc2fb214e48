import { z } from 'zod';

/**
 * Where to go after signing in: only a path on this site (`/deliveries?status=failed`),
 * never another origin (`//evil.example`, `https://…`, `/\evil`) and never the login page.
 */
export const SafeRedirect = z
  .string()
  .regex(/^\/(?![/\\])/)
  .refine((path) => path !== '/login' && !path.startsWith('/login?') && !path.startsWith('/login/'));

/** `/login` search params; anything invalid is dropped rather than failing the page. */
export const LoginSearch = z.object({
  redirect: SafeRedirect.optional().catch(undefined),
});
export type LoginSearch = z.infer<typeof LoginSearch>;
