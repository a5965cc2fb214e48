import { setTimeout as sleep } from 'node:timers/promises';
import { LoginInput, type SessionInfo } from '@herald/core';
import { TRPCError } from '@trpc/server';
import { findSession, login, logout } from '../../services/admin-auth.ts';
import { publicProcedure, router, SESSION_COOKIE, sessionTokenOf } from '../trpc.ts';

/** A wrong token costs the caller this long, on top of the per-address rate limit. */
export const FAILED_LOGIN_DELAY_MS = 1_000;

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const { db, adminToken, config } = ctx.deps;
    const session = await login(db, adminToken, input.token, config.sessionTtlMs);
    if (!session) {
      ctx.deps.logger.warn({ action: 'admin_login_failed', ip: ctx.req.ip }, 'admin login failed');
      await sleep(FAILED_LOGIN_DELAY_MS);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong admin token' });
    }
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

  logout: publicProcedure.mutation(async ({ ctx }) => {
    const token = sessionTokenOf(ctx);
    if (token) await logout(ctx.deps.db, token);
    ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { authenticated: false, expiresAt: null } satisfies SessionInfo;
  }),

  session: publicProcedure.query(async ({ ctx }): Promise<SessionInfo> => {
    const token = sessionTokenOf(ctx);
    const session = token ? await findSession(ctx.deps.db, token) : null;
    return { authenticated: session !== null, expiresAt: session?.expiresAt.toISOString() ?? null };
  }),
});
