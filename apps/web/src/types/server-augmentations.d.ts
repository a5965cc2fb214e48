// `AppRouter` is a type from the server's source. Its procedures use `req.cookies` and
// `reply.setCookie`, which exist only through @fastify/cookie's augmentation of Fastify's
// types; the server loads that augmentation where it registers the plugin (http/server.ts),
// a file this program never reaches, so load it here. Type-only: nothing reaches the bundle.
import type {} from '../../../server/node_modules/@fastify/cookie/types/index.d.ts';
