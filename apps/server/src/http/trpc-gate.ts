import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope } from '../api/error-shape.ts';

/** Session-opening attempts (right or wrong) per client address; wrong ones also count in the credential limit. */
export const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

/** What the login attempt limit throws when an address has used its attempts. */
export class LoginLimited extends Error {
  readonly statusCode = 429;
  constructor(after: string) {
    super(`too many login attempts from this address: try again in ${after}`);
  }
}

/** The tRPC route: `path` is what tRPC itself resolves, after the router decoded the URL. */
export const TRPC_ROUTE = '/trpc/:path';

/** Answers in the documented error shape (api/error-shape.ts), before tRPC runs. */
export function refuse(reply: FastifyReply, code: TRPC_ERROR_CODE_KEY, message: string): FastifyReply {
  const body = errorEnvelope(code, message);
  return reply.code(body.error.data.httpStatus).type('application/json').send(body);
}

/**
 * The procedures a tRPC request names, exactly as tRPC will read them: from the route's
 * decoded `path` parameter (so `/%74rpc/auth%2Elogin` is auth.login too), split on commas
 * only for a batch.
 */
export function trpcProcedures(req: FastifyRequest): string[] {
  if (req.routeOptions.url !== TRPC_ROUTE) return [];
  const path = (req.params as { path?: string }).path ?? '';
  const batch = new URL(req.url, 'http://herald').searchParams.get('batch') === '1';
  return batch ? path.split(',') : [path];
}

/** Only JSON reaches tRPC: a form or plain text is what a cross-site page can send without asking. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Checks every tRPC request before its body is read: JSON only (415 otherwise), one login
 * per request at most, and the login attempt limit, all on the path tRPC resolves.
 */
export function registerTrpcGate(
  app: FastifyInstance,
  limitLogin: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.url !== TRPC_ROUTE) return;
    const type = req.headers['content-type'];
    const bodyless = req.method === 'GET' || req.method === 'HEAD';
    if ((!bodyless || type !== undefined) && !isJson(type)) {
      return refuse(
        reply,
        'UNSUPPORTED_MEDIA_TYPE',
        type === undefined
          ? 'Content-Type: application/json is required'
          : `Content-Type ${type.slice(0, 100)} is not accepted: send application/json`,
      );
    }
    const logins = trpcProcedures(req).filter((p) => p === 'auth.login').length;
    if (logins > 1) return refuse(reply, 'BAD_REQUEST', 'auth.login cannot be batched');
    if (logins === 1) {
      try {
        await limitLogin(req, reply);
      } catch (err) {
        if (err instanceof LoginLimited) return refuse(reply, 'TOO_MANY_REQUESTS', err.message);
        throw err;
      }
    }
  });
}
