import { Webhook } from 'standardwebhooks';
import {
  type BusinessFailure,
  type Failure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';

/**
 * A user's own JSON webhook receiver: any path, success is the configured 2xx. Optionally
 * requires headers (401 otherwise) and verifies Standard Webhooks signatures with the
 * `standardwebhooks` library (platforms-and-peers.md §4 [SW1][SW2]). That library checks the
 * timestamp against the real clock with a fixed 5-minute tolerance; `now` does not move it.
 */

/**
 * A receiver has no limits of its own: `rateLimit: 'platform'` enforces none. Given limits are
 * answered with 429 and `Retry-After` (whole seconds until a send would pass).
 */
export const CUSTOM_RATE_LIMITS: readonly RateLimit[] = [];

/** No business codes on a custom receiver: only HTTP failures. */
export type CustomFailure = Exclude<Failure, { kind: 'errcode' }>;

export type FakeCustomOptions = FakeServerOptions & {
  /** Where `webhookUrl` points (default `/hook`); every path is accepted. */
  path?: string;
  /** Headers that must be present with exactly these values (names case-insensitive), else 401. */
  requiredHeaders?: Record<string, string>;
  /** A `whsec_…` secret: requests must carry a valid `webhook-signature`, else 401. */
  signingSecret?: string;
  /** Answer to an accepted request (default 200). */
  successStatus?: 200 | 201 | 202 | 204;
  /** Body of that answer (default `{"ok":true}`; none for 204). */
  successBody?: unknown;
  /** Refuse bodies that are not JSON with 400 (default true). */
  requireJson?: boolean;
};

export type FakeCustom = FakePlatform<CustomFailure> & {
  /** `http://127.0.0.1:<port><path>`. */
  webhookUrl: string;
};

const unauthorized = (error: string): Reply => ({ status: 401, body: { error } });

function flatHeaders(req: IncomingRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function startFakeCustom(options: FakeCustomOptions = {}): Promise<FakeCustom> {
  const path = options.path ?? '/hook';
  const webhook = options.signingSecret ? new Webhook(options.signingSecret) : null;
  const successStatus = options.successStatus ?? 200;

  const handle = (req: IncomingRequest): Reply => {
    const headers = flatHeaders(req);
    for (const [name, value] of Object.entries(options.requiredHeaders ?? {})) {
      if (headers[name.toLowerCase()] !== value) return unauthorized(`missing or wrong header: ${name.toLowerCase()}`);
    }
    if (webhook) {
      const problem = standardWebhookProblem(webhook, req.rawBody, headers, req.now);
      if (problem) return unauthorized(`invalid signature: ${problem}`);
    }
    if ((options.requireJson ?? true) && (req.jsonError || req.bodyBytes === 0)) {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    return {
      status: successStatus,
      ...(successStatus === 204 ? {} : { body: options.successBody ?? { ok: true } }),
      accepted: true,
    };
  };
  const scripted = (f: BusinessFailure): Reply => {
    if (f.kind === 'errcode') return { status: f.code, body: { error: f.message ?? 'scripted failure' } };
    return {
      status: 429,
      body: { error: 'too many requests' },
      ...(f.retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(f.retryAfterSeconds) } } : {}),
    };
  };
  const fake = await startFakeServer<CustomFailure>(
    { handle, scripted, platformLimits: () => CUSTOM_RATE_LIMITS },
    options,
  );
  return Object.assign(fake, { webhookUrl: `${fake.url}${path}` });
}

/** Standard Webhooks' tolerance between the signed timestamp and the receiver's clock. */
const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a Standard Webhooks request as its library's `verify` does (same answers), but against
 * the fake's own clock (`verify` reads the real one), so tests with an injected clock sign and
 * check alike.
 */
function standardWebhookProblem(
  webhook: Webhook,
  rawBody: string,
  headers: Record<string, string>,
  nowMs: number,
): string | null {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return 'Missing required headers';
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return 'Invalid Signature Headers';
  if (nowMs / 1000 - seconds > TIMESTAMP_TOLERANCE_SECONDS) return 'Message timestamp too old';
  if (seconds - nowMs / 1000 > TIMESTAMP_TOLERANCE_SECONDS) return 'Message timestamp too new';
  const expected = webhook.sign(id, new Date(seconds * 1000), rawBody);
  return signatures.split(' ').includes(expected) ? null : 'No matching signature found';
}
