/**
 * `POST /bridges/cch`: where a Claude Code Hub custom-webhook target points. A plain route (CCH
 * posts the template's JSON as is), answering errors in the documented tRPC error shape.
 * Authenticated by a hub API key, in either header CCH's custom headers can set.
 */

import type { HeraldErrorCode } from '@herald/core';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorEnvelope } from '../../api/error-shape.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from '../../api/unavailable.ts';
import type { CredentialLimit } from '../../auth/credential-limit.ts';
import { type Credential, checkBearer, credentialOf } from '../../auth/credentials.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import type { AppDeps } from '../../deps.ts';
import { DRAIN_MAX_BYTES, DRAIN_TIMEOUT_MS, drainBody } from '../../http/error-answers.ts';
import { recordApiKeyUse } from '../../services/api-keys.ts';
import { type BodyIssue, parseCchBody } from './body.ts';
import { intakeCchEvent } from './intake.ts';

export const CCH_BRIDGE_PATH = '/bridges/cch';
/** The header a CCH custom target can set instead of Authorization. */
export const HERALD_KEY_HEADER = 'x-herald-key';
/** Far above any CCH body (a cache alert lists at most 100 anomalies). */
export const CCH_BODY_LIMIT = 1024 * 1024;

function send(
  reply: FastifyReply,
  code: TRPC_ERROR_CODE_KEY,
  message: string,
  opts: { issues?: BodyIssue[]; herald?: HeraldErrorCode } = {},
) {
  const body = errorEnvelope(code, message, opts);
  return reply.code(body.error.data.httpStatus).type('application/json').send(body);
}

const isJson = (type: string | undefined) => type?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';

/** The hub key from X-Herald-Key, else from Authorization: Bearer. */
async function credential(deps: AppDeps, limit: CredentialLimit, req: FastifyRequest): Promise<Credential> {
  const header = req.headers[HERALD_KEY_HEADER];
  const key = Array.isArray(header) ? header[0] : header;
  const checkDeps = { db: deps.db, adminToken: deps.adminToken, limit };
  if (key?.trim()) return checkBearer(checkDeps, req.ip, key.trim());
  return credentialOf(checkDeps, req);
}

export async function registerCchBridge(app: FastifyInstance, deps: AppDeps, limit: CredentialLimit): Promise<void> {
  await app.register(async (scope) => {
    // Parsing failures (bad JSON, too large) answer in the same shape as everything else here.
    scope.setErrorHandler(async (err: FastifyError, req, reply) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        // Read to the end first, so a client that writes its whole body before reading gets the answer.
        if (!(Number(req.headers['content-length']) > DRAIN_MAX_BYTES)) {
          await drainBody(req.raw, DRAIN_MAX_BYTES, DRAIN_TIMEOUT_MS);
        }
        return send(reply, 'PAYLOAD_TOO_LARGE', `the body is over ${CCH_BODY_LIMIT} bytes`);
      }
      if (err.statusCode === 415) return send(reply, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json');
      if (err.statusCode === 400) return send(reply, 'BAD_REQUEST', `the body is not JSON: ${err.message}`);
      if (isDatabaseUnavailable(err)) {
        deps.outage.report('api', err);
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return send(reply, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
      }
      deps.logger.error({ action: 'api_error', path: CCH_BRIDGE_PATH, err: err.message }, 'CCH bridge failed');
      return send(reply, 'INTERNAL_SERVER_ERROR', 'internal error');
    });

    scope.addHook('onRequest', async (req, reply) => {
      if (!isJson(req.headers['content-type'])) {
        const type = req.headers['content-type'];
        return send(
          reply,
          'UNSUPPORTED_MEDIA_TYPE',
          type === undefined
            ? 'Content-Type: application/json is required'
            : `Content-Type ${type.slice(0, 100)} is not accepted: send application/json`,
        );
      }
      const c = await credential(deps, limit, req);
      if (c.kind === 'limited') {
        reply.header('retry-after', String(c.retryAfterSeconds));
        return send(
          reply,
          'TOO_MANY_REQUESTS',
          `too many wrong credentials from this address: try again in ${c.retryAfterSeconds} s`,
        );
      }
      if (c.kind !== 'hub') {
        return send(
          reply,
          'UNAUTHORIZED',
          'a valid hub API key is required (X-Herald-Key: <key> or Authorization: Bearer <key>)',
        );
      }
      await recordApiKeyUse(deps.db, c.hub.id);
    });

    scope.post(CCH_BRIDGE_PATH, { bodyLimit: CCH_BODY_LIMIT }, async (req, reply) => {
      const parsed = parseCchBody(req.body);
      if (!parsed.ok) {
        const message = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        deps.logger.info({ action: 'cch_bridge_refused', issues: parsed.issues.map((i) => i.path) }, message);
        return send(reply, 'BAD_REQUEST', message, { issues: parsed.issues, herald: parsed.code });
      }
      const answer = await intakeCchEvent(deps, parsed.event);
      deps.logger.info(
        {
          action: 'cch_bridge_received',
          type: answer.type,
          outcome: answer.outcome,
          ...(answer.notificationId ? { notificationId: answer.notificationId } : {}),
        },
        `CCH ${answer.type} bridged: ${answer.outcome}`,
      );
      return reply.code(200).send(answer);
    });
  });
}
