import { byStatus } from './judge.ts';
import { type HttpChannelSender, requireField, type Verdict } from './sender.ts';

/**
 * Slack incoming webhooks answer in plain text: `ok` with HTTP 200, otherwise an error word
 * (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks#handling-errors;
 * api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks). Whatever is
 * wrong with the payload, the channel or the hook stays wrong on a retry; only Slack's own
 * trouble (`rollup_error`, 5xx) is retried, and 429 waits for `Retry-After`.
 */
export const SLACK_ERRORS = {
  permanent: [
    'invalid_payload',
    'user_not_found',
    'no_text',
    'invalid_blocks',
    'invalid_blocks_format',
    'invalid_attachments',
    'too_many_attachments',
    'msg_too_long',
    'channel_not_found',
    'channel_is_archived',
    'action_prohibited',
    'posting_to_general_channel_denied',
    'no_service',
    'no_service_id',
    'no_team',
    'team_disabled',
    'invalid_token',
  ],
  retryable: ['rollup_error'],
} as const;

const ERROR_WORD = /^[a-z][a-z0-9_]*$/;

export const slackSender: HttpChannelSender<'slack'> = {
  channel: 'slack',
  prepare: (target, body) => ({
    url: requireField(target.webhookUrl, 'webhookUrl', 'slack'),
    headers: {},
    body: JSON.stringify(body),
  }),
  judge(res): Verdict {
    const text = res.body.trim();
    // A 2xx whose body is not `ok` (a proxy's page, a captive portal) is no proof of delivery.
    if (res.status >= 200 && res.status < 300) {
      return text === 'ok'
        ? { ok: true }
        : { ok: false, class: 'permanent', message: `unexpected answer: ${text.slice(0, 200)}` };
    }
    if (res.status === 429) return byStatus(res, `HTTP 429: ${text.slice(0, 200) || 'rate limited'}`);
    const word = ERROR_WORD.test(text) ? text : null;
    if (word && (SLACK_ERRORS.retryable as readonly string[]).includes(word))
      return { ok: false, class: 'retryable', code: word, message: `${word} (HTTP ${res.status})` };
    if (word && (SLACK_ERRORS.permanent as readonly string[]).includes(word))
      return { ok: false, class: 'permanent', code: word, message: `${word} (HTTP ${res.status})` };
    // An error word Slack has not documented: its status decides, the word stays the code.
    const v = byStatus(res, `HTTP ${res.status}: ${text.slice(0, 200)}`);
    return !v.ok && word ? { ...v, code: word, message: `${word} (HTTP ${res.status})` } : v;
  },
  secretsOf: (t) => [t.webhookUrl ?? '', ...hookSecretOf(t.webhookUrl)],
};

/** The hook's secret path part (`/services/T…/B…/<secret>`), also masked on its own. */
function hookSecretOf(url: string | null | undefined): string[] {
  if (!url || !URL.canParse(url)) return [];
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
  return last && last.length >= 8 ? [last] : [];
}
