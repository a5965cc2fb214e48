import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope, HERALD_CODE_BY_TRPC, httpStatusOf } from '../api/error-shape.ts';

/**
 * A refused body is read (and dropped) up to this much before the 413 goes out, so a client
 * that writes its whole body before reading (Python's http.client, curl) gets the answer, not
 * a reset. A bigger one is answered at once and its connection closed.
 */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
/** A client that stops sending mid-body is answered anyway after this long. */
export const DRAIN_TIMEOUT_MS = 30_000;

/** The tRPC code for an HTTP status Fastify or Node chose (414 and 431 have none: the nearest). */
function trpcCodeOf(status: number): TRPC_ERROR_CODE_KEY {
  if (status === 414 || status === 431) return 'PAYLOAD_TOO_LARGE';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  const codes = Object.keys(HERALD_CODE_BY_TRPC) as TRPC_ERROR_CODE_KEY[];
  return codes.find((c) => c !== 'PARSE_ERROR' && httpStatusOf(c) === status) ?? 'BAD_REQUEST';
}

/** Resolves once the rest of the request body is read and dropped, or `max` bytes, or the timeout. */
export function drainBody(raw: IncomingMessage, max: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (raw.readableEnded || raw.destroyed) return resolve();
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > max) done();
    };
    const timer = setTimeout(done, timeoutMs);
    raw.on('data', onData).on('end', done).on('error', done).on('close', done);
    raw.resume();
  });
}

function send(reply: FastifyReply, code: TRPC_ERROR_CODE_KEY, message: string, httpStatus?: number) {
  const body = errorEnvelope(code, message, httpStatus ? { httpStatus } : {});
  return reply.code(body.error.data.httpStatus).type('application/json').send(body);
}

/**
 * Answers what Fastify itself refuses (a body over the limit, one that is not JSON, a bad URL)
 * and anything a route throws, in the same documented shape as tRPC's own errors.
 */
export function registerErrorAnswers(app: FastifyInstance, opts: { bodyLimit: number }): void {
  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const declared = Number(req.headers['content-length']);
      if (!(declared > DRAIN_MAX_BYTES)) await drainBody(req.raw, DRAIN_MAX_BYTES, DRAIN_TIMEOUT_MS);
      return send(
        reply,
        'PAYLOAD_TOO_LARGE',
        `the body is over the limit of ${opts.bodyLimit} bytes: send fewer records per call`,
      );
    }
    if (status >= 500) {
      req.log.error({ action: 'http_error', err: error.message, code: error.code }, 'request failed');
      return send(reply, trpcCodeOf(status), 'internal error');
    }
    return send(reply, trpcCodeOf(status), error.message);
  });
}

/** Fastify's `frameworkErrors`: a URL it cannot decode, a path parameter over its length. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode ?? 400;
  return send(reply, trpcCodeOf(status), error.message, status === 414 ? 414 : undefined);
}

/** A route that does not exist (or a method it does not take), for an API client. */
export function answerNotFound(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, 'NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]?.slice(0, 200)}`);
}

/**
 * Node's `clientError`: a request it could not parse (bad HTTP, headers too large, too slow).
 * Written on the socket, as Fastify's own default does, but in the documented shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, TRPC_ERROR_CODE_KEY, string] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'TIMEOUT', 'the request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'PAYLOAD_TOO_LARGE', 'the request headers are too large']
        : [400, 'BAD_REQUEST', 'the request is not valid HTTP'];
  const body = JSON.stringify(errorEnvelope(code, message, { httpStatus: status }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
