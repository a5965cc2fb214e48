import type { FastifyReply, FastifyRequest } from 'fastify';
import pkg from '../../../package.json' with { type: 'json' };
import { appRouter } from '../router.ts';
import { buildOpenApiDocument } from './document.ts';

export const OPENAPI_ROUTE = '/openapi.json';

/**
 * `GET /openapi.json`: public (it describes the API, it holds no data), built on the first
 * request from the router and kept, since the router cannot change while the server runs.
 */
export function openApiHandler(opts: { bodyLimitBytes: number }) {
  let body: string | null = null;
  return async (_req: FastifyRequest, reply: FastifyReply) => {
    body ??= JSON.stringify(buildOpenApiDocument(appRouter, { version: pkg.version, ...opts }));
    return (
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-cache')
        // Any API tool may read it from its own page: it is public and sent without credentials.
        .header('access-control-allow-origin', '*')
        .send(body)
    );
  };
}
