// Loads @fastify/cookie's request/reply types wherever the router type is read (web, client).
import type {} from '@fastify/cookie';
import { initTRPC, TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { ZodError } from 'zod';
import { bearerToken } from '../auth/tokens.ts';
import type { AppDeps } from '../deps.ts';
import { findSession, isAdminToken } from '../services/admin-auth.ts';
import { authenticateApiKey } from '../services/api-keys.ts';
import { unavailableAs503 } from './unavailable.ts';

export const SESSION_COOKIE = 'herald_session';

export type Context = CreateFastifyContextOptions & { deps: AppDeps };

export function contextFactory(deps: AppDeps) {
  return (opts: CreateFastifyContextOptions): Context => ({ ...opts, deps });
}

export type FieldIssue = { path: string; message: string };

/** Field problems found past the schema (a cron, a missing target), reported like schema errors. */
class FieldIssuesError extends Error {
  readonly issues: Array<{ path: PropertyKey[]; message: string }>;
  constructor(issues: Array<{ path: PropertyKey[]; message: string }>) {
    super(issues.map((i) => i.message).join('; '));
    this.issues = issues;
  }
}

export function fieldError(issues: Array<{ path: PropertyKey[]; message: string }>): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: 'invalid input', cause: new FieldIssuesError(issues) });
}

function issuesOf(cause: unknown): Array<{ path: PropertyKey[]; message: string }> | null {
  if (cause instanceof ZodError || cause instanceof FieldIssuesError) return cause.issues;
  return null;
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const found = error.code === 'BAD_REQUEST' ? issuesOf(error.cause) : null;
    if (found) {
      const issues: FieldIssue[] = found.map((i) => ({
        path: i.path.map(String).join('.') || '(input)',
        message: i.message,
      }));
      return {
        ...shape,
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        data: { ...shape.data, issues },
      };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'internal error' };
    return shape;
  },
});

export const router = t.router;
/** Every procedure: a database outage answers 503, not 500. */
const baseProcedure = t.procedure.use(async ({ ctx, next }) => unavailableAs503(await next(), ctx));
export const publicProcedure = baseProcedure;

/** The signed session token from the cookie, if there is a valid signature. */
export function sessionTokenOf(ctx: Context): string | null {
  const raw = ctx.req.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = ctx.req.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** Who is acting, for the audit log; null when not an admin. */
async function adminActor(ctx: Context): Promise<string | null> {
  const bearer = bearerToken(ctx.req.headers.authorization);
  if (bearer) return isAdminToken(ctx.deps.adminToken, bearer) ? 'admin:token' : null;
  const session = sessionTokenOf(ctx);
  return session !== null && (await findSession(ctx.deps.db, session)) !== null ? 'admin:session' : null;
}

/** Every management procedure: an admin session cookie or the admin bearer token. */
export const adminProcedure = baseProcedure.use(async ({ ctx, next }) => {
  const actor = await adminActor(ctx);
  if (!actor) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'admin session or admin token required' });
  }
  return next({ ctx: { actor } });
});

/** Hub procedures: only a valid, unrevoked hub API key (never the admin token). */
export const hubProcedure = baseProcedure.use(async ({ ctx, next }) => {
  const bearer = bearerToken(ctx.req.headers.authorization);
  const hub = bearer ? await authenticateApiKey(ctx.deps.db, bearer) : null;
  if (!hub) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'a valid hub API key is required (Authorization: Bearer <key>)',
    });
  }
  return next({ ctx: { hub } });
});
