import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { answerNotFound } from './error-answers.ts';

/**
 * Serves the built dashboard; any other GET that asks for HTML gets index.html so the
 * client-side router can take it (history fallback). Hashed assets are cached for good;
 * everything, index.html included, goes out precompressed when the browser accepts it.
 */
export async function registerSpa(app: FastifyInstance, distDir: string): Promise<void> {
  const hasBuild = existsSync(path.join(distDir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Looked up per request, so a rebuilt dashboard is served without a restart.
      wildcard: true,
      index: ['index.html'],
      // The build writes .br and .gz copies (apps/web/build/precompress.ts): br, then gzip, by
      // the request's Accept-Encoding (q-values honoured), else the plain file; Vary says so.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    const isApi = req.url.startsWith('/trpc');
    if (wantsHtml && !isApi) {
      if (!hasBuild) {
        return reply
          .code(503)
          .type('text/plain')
          .send('The dashboard is not built yet: run `pnpm build` (or `./herald start`).');
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return answerNotFound(req, reply);
  });
}
