// Loads @fastify/cookie's request/reply types wherever the router type is read (web, client).
import type {} from '@fastify/cookie';
import {
  heraldError,
  heraldReason,
  type IssueCode,
  type IssueParams,
  issueCodeOf,
  isUnknownFieldIssue,
} from '@herald/core';
import { initTRPC, TRPCError } from '@trpc/server';
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { ZodError } from 'zod';
import type { CredentialLimit } from '../auth/credential-limit.ts';
import { type Credential, credentialOf } from '../auth/credentials.ts';
import { isSameOrigin } from '../auth/origin.ts';
import type { AppDeps } from '../deps.ts';
import { findSession } from '../services/admin-auth.ts';
import { recordApiKeyUse } from '../services/api-keys.ts';
import { FieldIssuesError } from '../services/errors.ts';
import { Refusal, refusal } from '../services/refusal.ts';
import { HERALD_CODE_BY_TRPC } from './error-shape.ts';
import { unavailableAs503 } from './unavailable.ts';

export const SESSION_COOKIE = 'herald_session';

export type Context = CreateFastifyContextOptions & { deps: AppDeps; credentialLimit: CredentialLimit };

export function contextFactory(deps: AppDeps, credentialLimit: CredentialLimit) {
  return (opts: CreateFastifyContextOptions): Context => ({ ...opts, deps, credentialLimit });
}

export type FieldIssue = { path: string; message: string; code: IssueCode; params?: IssueParams };

/** A service's field problems (services/errors.ts) answer BAD_REQUEST, shaped like a schema error below. */
function fieldIssuesAs400<R extends { ok: true } | { ok: false; error: TRPCError }>(result: R): R {
  if (result.ok || !(result.error.cause instanceof FieldIssuesError)) return result;
  throw new TRPCError({ code: 'BAD_REQUEST', message: 'invalid input', cause: result.error.cause });
}

function issuesOf(
  cause: unknown,
): Array<{ path: PropertyKey[]; message: string } & Parameters<typeof issueCodeOf>[0]> | null {
  if (cause instanceof ZodError || cause instanceof FieldIssuesError) return cause.issues;
  return null;
}

/** What a procedure says about itself in /openapi.json. */
export type ProcedureMeta = { description?: string };

const withMeta = initTRPC.context<Context>().meta<ProcedureMeta>();
const t = withMeta.create({
  isDev: false,
  // Every answer carries data.herald (core's ErrorEnvelope): the machine code and whether to retry.
  errorFormatter({ shape, error }) {
    const found = error.code === 'BAD_REQUEST' ? issuesOf(error.cause) : null;
    if (found) {
      const issues: FieldIssue[] = found.map((i) => {
        // The code and params beside the English message, so a client can say it in its language.
        const { code, params } = issueCodeOf(i);
        const path = i.path.map(String).join('.') || '(input)';
        return { path, message: i.message, code, ...(Object.keys(params).length ? { params } : {}) };
      });
      const code = found.some(isUnknownFieldIssue) ? 'UNKNOWN_FIELD' : 'INVALID_INPUT';
      return {
        ...shape,
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        data: { ...shape.data, issues, herald: heraldError(code, issues) },
      };
    }
    // A service's own refusal names its reason and params (services/refusal.ts).
    const herald =
      error.cause instanceof Refusal
        ? heraldReason(error.cause.reason, error.cause.params as never)
        : heraldError(HERALD_CODE_BY_TRPC[error.code]);
    const data = { ...shape.data, herald };
    if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'internal error', data };
    return { ...shape, data };
  },
});

export const router = t.router;
/** Every procedure: a service's field problems answer 400, a database outage 503, not 500. */
const baseProcedure = t.procedure.use(async ({ ctx, next }) => unavailableAs503(fieldIssuesAs400(await next()), ctx));
export const publicProcedure = baseProcedure;

/** The signed session token from the cookie, if there is a valid signature. */
export function sessionTokenOf(ctx: Context): string | null {
  const raw = ctx.req.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = ctx.req.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** The request's bearer token, checked against the shared failed-credential limit. */
async function bearerOf(ctx: Context): Promise<Credential> {
  const credential = await credentialOf({ ...ctx.deps, limit: ctx.credentialLimit }, ctx.req);
  if (credential.kind === 'limited') throw tooManyWrongCredentials(ctx, credential.retryAfterSeconds);
  return credential;
}

export function tooManyWrongCredentials(ctx: Context, retryAfterSeconds: number): TRPCError {
  ctx.res.header('retry-after', String(retryAfterSeconds));
  return refusal(
    'auth.too_many_attempts',
    { retryAfterSeconds },
    `too many wrong credentials from this address: try again in ${retryAfterSeconds} s`,
  );
}

/** A change made with the session cookie must come from a page of this server (cross-site forms cannot). */
export function assertSameOrigin(ctx: Context): void {
  if (isSameOrigin(ctx.req)) return;
  throw refusal(
    'auth.cross_origin',
    { origin: String(ctx.req.headers.origin ?? '') },
    `Origin ${ctx.req.headers.origin} is not this server: changes with the session cookie come from the dashboard only`,
  );
}

/** Who is acting, for the audit log; null when not an admin. A bearer token, when sent, decides alone. */
async function adminActor(ctx: Context): Promise<string | null> {
  const bearer = await bearerOf(ctx);
  if (bearer.kind !== 'none') return bearer.kind === 'admin' ? 'admin:token' : null;
  const session = sessionTokenOf(ctx);
  return session !== null && (await findSession(ctx.deps.db, session)) !== null ? 'admin:session' : null;
}

/** Every management procedure: an admin session cookie or the admin bearer token. */
export const adminProcedure = baseProcedure.use(async ({ ctx, next, type }) => {
  const actor = await adminActor(ctx);
  if (!actor) {
    throw refusal('auth.admin_required', {}, 'admin session or admin token required');
  }
  if (actor === 'admin:session' && type === 'mutation') assertSameOrigin(ctx);
  return next({ ctx: { actor } });
});

/** Hub procedures: only a valid, unrevoked hub API key (never the admin token). */
export const hubProcedure = baseProcedure.use(async ({ ctx, next }) => {
  const bearer = await bearerOf(ctx);
  const hub = bearer.kind === 'hub' ? bearer.hub : null;
  if (hub) await recordApiKeyUse(ctx.deps.db, hub.id);
  if (!hub) {
    throw refusal('auth.hub_key_required', {}, 'a valid hub API key is required (Authorization: Bearer <key>)');
  }
  return next({ ctx: { hub } });
});
