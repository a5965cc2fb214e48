import { LoginInput, SessionInfo } from '@herald/core';
import { findSession, isAdminToken, logout, openSession } from '../../services/admin-auth.ts';
import { refusal } from '../../services/refusal.ts';
import {
  assertSameOrigin,
  publicProcedure,
  router,
  SESSION_COOKIE,
  sessionTokenOf,
  tooManyWrongCredentials,
} from '../trpc.ts';

export const authRouter = router({
  login: publicProcedure
    .input(LoginInput)
    .output(SessionInfo)
    .mutation(async ({ ctx, input }) => {
      const { db, adminToken, config } = ctx.deps;
      // Nothing awaits from the check to the count: a burst of guesses is counted guess by guess.
      const retryAfterSeconds = ctx.credentialLimit.retryAfterSeconds(ctx.req.ip);
      if (retryAfterSeconds > 0) throw tooManyWrongCredentials(ctx, retryAfterSeconds);
      if (!isAdminToken(adminToken, input.token)) {
        await ctx.credentialLimit.failed(ctx.req.ip, 'admin_login');
        throw refusal('auth.wrong_token', {}, 'wrong admin token');
      }
      const session = await openSession(db, config.sessionTtlMs);
      ctx.res.setCookie(SESSION_COOKIE, session.token, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure: 'auto',
        path: '/',
        // A lifetime, not a date: a browser whose clock disagrees with the server's keeps it as long.
        maxAge: Math.round(config.sessionTtlMs / 1000),
      });
      ctx.deps.logger.info({ action: 'admin_login', ip: ctx.req.ip }, 'admin logged in');
      return { authenticated: true, expiresAt: session.expiresAt.toISOString() } satisfies SessionInfo;
    }),

  logout: publicProcedure.output(SessionInfo).mutation(async ({ ctx }) => {
    const token = sessionTokenOf(ctx);
    if (token) {
      assertSameOrigin(ctx);
      await logout(ctx.deps.db, token);
    }
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { authenticated: false, expiresAt: null } satisfies SessionInfo;
  }),

  session: publicProcedure.output(SessionInfo).query(async ({ ctx }) => {
    const token = sessionTokenOf(ctx);
    const session = token ? await findSession(ctx.deps.db, token) : null;
    return { authenticated: session !== null, expiresAt: session?.expiresAt.toISOString() ?? null };
  }),
});
