import {
  type BusinessFailure,
  type Failure,
  type FakePlatform,
  type FakeServerOptions,
  type IncomingRequest,
  isObject,
  type RateLimit,
  type Reply,
  startFakeServer,
} from './base.ts';
import { checkSlackBlocks, slackMentions } from './slack-blocks.ts';

/**
 * Slack incoming webhook, `POST /services/T…/B…/<secret>`. Answers in plain text: `ok` with
 * HTTP 200, otherwise one error word with its status (docs.slack.dev/messaging/
 * sending-messages-using-incoming-webhooks#handling-errors; api.slack.com/changelog/
 * 2016-05-17-changes-to-errors-for-incoming-webhooks). Over the rate limit: 429 with
 * `Retry-After` in seconds (docs.slack.dev/apis/web-api/rate-limits).
 */
export const SLACK_ERROR_STATUS = {
  invalid_payload: 400,
  user_not_found: 400,
  no_text: 400,
  invalid_blocks: 400,
  too_many_attachments: 400,
  msg_too_long: 400,
  no_service_id: 400,
  no_team: 400,
  action_prohibited: 403,
  posting_to_general_channel_denied: 403,
  invalid_token: 403,
  channel_not_found: 404,
  no_service: 404,
  team_disabled: 404,
  channel_is_archived: 410,
  rollup_error: 500,
} as const;
export type SlackErrorWord = keyof typeof SLACK_ERROR_STATUS;

/** About one message a second per webhook; beyond it Slack answers 429. */
export const SLACK_RATE_LIMITS: readonly RateLimit[] = [{ max: 1, windowMs: 1_000 }];

/**
 * The top-level `text`: Slack truncates beyond 40,000 characters and asks for at most 4,000.
 * The fake refuses over 4,000 (as chat.postMessage's `msg_too_long`), so an overlong fallback fails a test.
 */
export const SLACK_TEXT_MAX = 4000;
/** Legacy attachments a message may carry. */
export const SLACK_MAX_ATTACHMENTS = 100;

/** Slack answers are error words, not codes: scripted ones go by word (`slackError`). */
export type SlackFailure = Exclude<Failure, { kind: 'errcode' }>;

/** A scripted Slack error answer: the word with the status Slack gives it. */
export const slackError = (word: SlackErrorWord): SlackFailure => ({
  kind: 'status',
  status: SLACK_ERROR_STATUS[word],
  body: word,
});

export type FakeSlackOptions = FakeServerOptions & {
  /** The hook's path parts (defaults `T0000HERALD`, `B0000HERALD`, `herald-fake-secret-0001`). */
  team?: string;
  bot?: string;
  secret?: string;
  /** The hook's channel: archived (410) or deleted (404) ones refuse every message. */
  channel?: 'active' | 'archived' | 'deleted';
};

export type FakeSlack = FakePlatform<SlackFailure> & {
  /** `http://127.0.0.1:<port>/services/<team>/<bot>/<secret>`. */
  webhookUrl: string;
};

const error = (word: SlackErrorWord): Reply => ({
  status: SLACK_ERROR_STATUS[word],
  body: word,
  headers: { 'content-type': 'text/html' },
});

/** Why Slack would refuse this payload, as its error word; null when it posts. */
function payloadError(json: Record<string, unknown>): SlackErrorWord | null {
  const { text, blocks, attachments } = json;
  if (text !== undefined && typeof text !== 'string') return 'invalid_payload';
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) return 'invalid_payload';
    if (attachments.length > SLACK_MAX_ATTACHMENTS) return 'too_many_attachments';
  }
  if (blocks !== undefined && checkSlackBlocks(blocks) !== null) return 'invalid_blocks';
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  const hasAttachments = Array.isArray(attachments) && attachments.length > 0;
  if (!text?.trim() && !hasBlocks && !hasAttachments) return 'no_text';
  if (typeof text === 'string' && text.length > SLACK_TEXT_MAX) return 'msg_too_long';
  return null;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const team = options.team ?? 'T0000HERALD';
  const bot = options.bot ?? 'B0000HERALD';
  const secret = options.secret ?? 'herald-fake-secret-0001';
  const path = `/services/${team}/${bot}/${secret}`;

  const handle = (req: IncomingRequest): Reply => {
    if (req.path !== path) {
      // The right hook with the wrong secret is a bad token; anything else is no hook at all.
      return error(req.path.startsWith(`/services/${team}/${bot}/`) ? 'invalid_token' : 'no_service');
    }
    if (options.channel === 'archived') return error('channel_is_archived');
    if (options.channel === 'deleted') return error('channel_not_found');
    if (req.bodyBytes === 0 || req.jsonError || !isObject(req.json)) return error('invalid_payload');
    const word = payloadError(req.json);
    if (word) return error(word);
    return {
      status: 200,
      body: 'ok',
      headers: { 'content-type': 'text/html' },
      accepted: true,
      mentioned: slackMentions(req.json.text, req.json.blocks),
    };
  };
  const scripted = (f: BusinessFailure): Reply =>
    f.kind === 'rateLimit'
      ? {
          status: 429,
          body: 'rate_limited',
          headers: { 'content-type': 'text/html', 'retry-after': String(f.retryAfterSeconds ?? 1) },
        }
      : { status: 400, body: 'invalid_payload' };
  const fake = await startFakeServer<SlackFailure>(
    { handle, scripted, platformLimits: () => SLACK_RATE_LIMITS },
    options,
  );
  return Object.assign(fake, { webhookUrl: `${fake.url}${path}` });
}
