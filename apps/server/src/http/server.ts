import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { OPENAPI_ROUTE, openApiHandler } from '../api/openapi/route.ts';
import { type AppRouter, appRouter } from '../api/router.ts';
import { contextFactory } from '../api/trpc.ts';
import { createCredentialLimit } from '../auth/credential-limit.ts';
import { registerCchBridge } from '../bridges/cch/route.ts';
import { deriveCookieSecret } from '../crypto/secret-box.ts';
import type { AppDeps } from '../deps.ts';
import type { Metrics } from '../metrics.ts';
import { clientErrorHandler, frameworkErrors, registerErrorAnswers } from './error-answers.ts';
import { readiness } from './readiness.ts';
import { registerSpa } from './spa.ts';
import { LOGIN_RATE_LIMIT, LoginLimited, registerTrpcGate, TRPC_ROUTE } from './trpc-gate.ts';

/** The largest request body: a full 5,000-record usage batch is about 2 MB. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export async function buildHttpServer(
  deps: AppDeps,
  opts: { metrics: Metrics; secretKey: Buffer; webDistDir: string },
): Promise<FastifyInstance> {
  const { logger, config } = deps;
  const app = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 5_000 },
    bodyLimit: BODY_LIMIT_BYTES,
    // Refusals made before any route runs answer in the documented error shape too.
    frameworkErrors,
    clientErrorHandler,
  });
  registerErrorAnswers(app, { bodyLimit: BODY_LIMIT_BYTES });

  // While shutting down, answers in flight close their keep-alive connection so close() can finish.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url === TRPC_ROUTE ? 'trpc' : (req.routeOptions.url ?? 'static');
    opts.metrics.httpRequests.inc({ route, status: `${Math.floor(reply.statusCode / 100)}xx` });
    req.log.debug(
      { method: req.method, path: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(fastifyCookie, { secret: deriveCookieSecret(opts.secretKey) });

  // Login attempts are limited per client address. A batch may hold one login at most,
  // so a batch cannot spend many guesses on one counted request.
  await app.register(fastifyRateLimit, { global: false });
  const limitLogin = app.rateLimit({
    ...LOGIN_RATE_LIMIT,
    keyGenerator: (req) => req.ip,
    // Thrown by the limit and answered by the gate, in tRPC's error shape.
    errorResponseBuilder: (_req, c) => new LoginLimited(c.after),
  });
  registerTrpcGate(app, (req, reply) => limitLogin.call(app, req, reply));
  const credentialLimit = createCredentialLimit({ db: deps.db, clock: deps.clock, logger });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: contextFactory(deps, credentialLimit),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          logger.error({ action: 'api_error', path, err: error.cause?.message ?? error.message }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await registerCchBridge(app, deps, credentialLimit);
  app.get(OPENAPI_ROUTE, openApiHandler({ bodyLimitBytes: app.initialConfig.bodyLimit ?? 1024 * 1024 }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const r = await readiness(deps.db, deps.boss);
    return reply.code(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });
  app.get('/metrics', async (_req, reply) =>
    reply.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics()),
  );

  await registerSpa(app, opts.webDistDir);
  return app;
}
