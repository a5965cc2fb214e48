import {
  type BusinessFailure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';
import { CardProblem, checkTeamsMessage } from './teams-card.ts';

/**
 * A Teams Workflows webhook ("Post to a channel when a webhook request is received"): a Power
 * Automate / Logic Apps manual trigger, `POST /workflows/<id>/triggers/manual/paths/invoke
 * ?api-version=…&sp=/triggers/manual/run&sv=1.0&sig=<sig>`, the URL signed by `sig`. It answers
 * 202 Accepted with no body and refuses with `{ error: { code, message } }` (codes as Logic Apps
 * phrases them, e.g. MicrosoftDocs/azure-docs#60706, microsoft/coe-starter-kit#6989).
 *
 * The real trigger answers 202 before its flow posts the card: a card Teams refuses, or one over
 * its 28 KB, fails the flow run afterwards (learn.microsoft.com/connectors/teams, known issues).
 * This fake answers those failures on the request itself, so tests see them.
 */

/** HTTP status → the Workflows error code a scripted `errcode` failure answers with. */
export const TEAMS_ERROR_CODES: Record<number, string> = {
  400: 'InvalidRequestContent',
  401: 'DirectApiAuthorizationRequired',
  403: 'AuthorizationFailed',
  404: 'WorkflowNotFound',
  413: 'RequestEntityTooLarge',
  429: 'WorkflowTriggerIsThrottled',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

/** Teams refuses messages over about 28 KB ("Request Entity Too Large"). */
export const TEAMS_MAX_BODY_BYTES = 28_000;

/**
 * 4 requests a second per webhook (Teams "Rate limiting for connectors") and 100 calls a
 * minute per connection (the Workflows Teams connector's throttling limit).
 */
export const TEAMS_RATE_LIMITS: readonly RateLimit[] = [
  { max: 4, windowMs: 1_000 },
  { max: 100, windowMs: 60_000 },
];

export type FakeTeamsOptions = FakeServerOptions & {
  /** The flow's id in the trigger URL (default a fixed 32-hex id). */
  workflowId?: string;
  /** The trigger URL's signature (default `good-sig`); any other gets 401. */
  sig?: string;
  /** Default 28,000. */
  maxBodyBytes?: number;
};

export type FakeTeams = FakePlatform & {
  workflowId: string;
  sig: string;
  /** The trigger URL Workflows shows when the flow is saved, on this fake. */
  webhookUrl: string;
};

export const workflowsError = (status: number, code: string, message: string, headers?: Record<string, string>) => ({
  status,
  body: { error: { code, message } },
  ...(headers ? { headers } : {}),
});

const TRIGGER_SP = '/triggers/manual/run';

/** The body's size as the trigger counts it: without `charset=utf-8` it has been seen to count UTF-16. */
function countedBytes(req: IncomingRequest): number {
  const type = String(req.headers['content-type'] ?? '');
  return /charset="?utf-8/i.test(type) ? req.bodyBytes : req.rawBody.length * 2;
}

function checkAddress(req: IncomingRequest, workflowId: string, sig: string): Reply | null {
  const m = /^\/workflows\/([^/]+)\/triggers\/([^/]+)\/paths\/invoke$/.exec(req.path);
  if (!m || m[1] !== workflowId) {
    return workflowsError(404, 'WorkflowNotFound', `The workflow '${m?.[1] ?? req.path}' could not be found.`);
  }
  if (m[2] !== 'manual') return workflowsError(404, 'TriggerNotFound', `The trigger '${m[2]}' could not be found.`);
  if (!req.query['api-version']) {
    const message = 'The api-version query parameter (?api-version=) is required for all requests.';
    return workflowsError(400, 'MissingApiVersionParameter', message);
  }
  if (!req.query.sig) {
    const message = 'The request must be authenticated only by Shared Access scheme.';
    return workflowsError(401, 'DirectApiAuthorizationRequired', message);
  }
  if (req.query.sig !== sig || req.query.sp !== TRIGGER_SP || req.query.sv !== '1.0') {
    const message = 'The provided signature is not valid for this trigger.';
    return workflowsError(401, 'DirectApiInvalidAuthorizationSignature', message);
  }
  return null;
}

const schemaMismatch = (detail: string) =>
  workflowsError(
    400,
    'TriggerInputSchemaMismatch',
    `The input body for trigger 'manual' of type 'Request' did not match its schema definition. Error details: '${detail}'.`,
  );

function checkBody(req: IncomingRequest, maxBytes: number): Reply | null {
  const bytes = countedBytes(req);
  if (bytes > maxBytes) {
    const message = `The request content length '${bytes}' exceeds the maximum of '${maxBytes}' bytes of a Teams message.`;
    return workflowsError(413, 'RequestEntityTooLarge', message);
  }
  if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
    return schemaMismatch('Invalid type. Expected Object but got String.');
  }
  if (req.jsonError || req.bodyBytes === 0) {
    const message = "The request content is not valid and could not be deserialized: 'Unexpected end or character'.";
    return workflowsError(400, 'InvalidRequestContent', message);
  }
  try {
    checkTeamsMessage(req.json);
    return null;
  } catch (e) {
    if (!(e instanceof CardProblem)) throw e;
    if (e.where === 'envelope') return schemaMismatch(e.message);
    return workflowsError(400, 'InvalidRequestContent', `The adaptive card is not valid: ${e.message}.`);
  }
}

export async function startFakeTeams(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
  const workflowId = options.workflowId ?? '0f5c9a1e2b3d4c5e6f708192a3b4c5d6';
  const sig = options.sig ?? 'good-sig';
  const maxBytes = options.maxBodyBytes ?? TEAMS_MAX_BODY_BYTES;
  let runs = 0;

  const handle = (req: IncomingRequest): Reply => {
    const problem = checkAddress(req, workflowId, sig) ?? checkBody(req, maxBytes);
    if (problem) return problem;
    runs += 1;
    const runId = `08584${String(runs).padStart(15, '0')}CU00`;
    return { status: 202, headers: { 'x-ms-workflow-run-id': runId }, accepted: true };
  };
  const throttled = (seconds: number) =>
    workflowsError(
      429,
      'WorkflowTriggerIsThrottled',
      `The workflow '${workflowId}' trigger 'manual' is throttled. Retry after ${seconds} seconds.`,
      { 'retry-after': String(seconds) },
    );
  const scripted = (f: BusinessFailure): Reply => {
    if (f.kind === 'rateLimit') return throttled(f.retryAfterSeconds ?? 1);
    const code = TEAMS_ERROR_CODES[f.code] ?? 'BadRequest';
    return workflowsError(f.code, code, f.message ?? `Scripted ${code}.`);
  };
  const methodNotAllowed = (req: IncomingRequest): Reply =>
    workflowsError(
      405,
      'TriggerRequestMethodNotValid',
      `The HTTP method for this request is not valid: expected 'Post' and actual '${req.method}'.`,
      { allow: 'POST' },
    );

  const fake = await startFakeServer(
    { handle, scripted, methodNotAllowed, platformLimits: () => TEAMS_RATE_LIMITS },
    options,
  );
  const query = `api-version=1&sp=${encodeURIComponent(TRIGGER_SP)}&sv=1.0&sig=${encodeURIComponent(sig)}`;
  return Object.assign(fake, {
    workflowId,
    sig,
    webhookUrl: `${fake.url}/workflows/${workflowId}/triggers/manual/paths/invoke?${query}`,
  });
}
