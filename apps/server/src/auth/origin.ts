import type { FastifyRequest } from 'fastify';

/**
 * Whether a browser's `Origin`, when it sends one, names this server: the host the request
 * was addressed to (`X-Forwarded-Host` behind a trusted proxy). Other clients send none.
 */
export function isSameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false; // "null": a sandboxed page or a file
  const { protocol, host } = new URL(origin);
  const own = `${protocol}//${req.host}`;
  return URL.canParse(own) && new URL(own).host === host;
}
