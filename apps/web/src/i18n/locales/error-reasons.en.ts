/**
 * Each reason a service gives for a refusal (core HERALD_REASONS, `data.herald.reason` + `params`),
 * in English; errors.test.ts fails on a reason without a text in any language.
 */
export const errorReasonsEn = {
  target: {
    not_found: 'This target no longer exists; it may have been deleted. Reload the page.',
  },
  delivery: {
    not_found: 'There is no delivery with this ID; it may have left the log. Check the link.',
    notification_gone: 'The notification this delivery carried is no longer stored.',
    in_digest: 'This notification went out in a digest. Resend the digest’s delivery instead.',
    in_progress: 'This delivery is still in progress. Wait until it finishes.',
    target_deleted: 'The target of this delivery was deleted, so it cannot be resent.',
  },
  silence: {
    not_found: 'This silence no longer exists. Reload the page.',
    already_ended: 'This silence has already been ended.',
    expired: 'This silence has already run out.',
  },
  api_key: {
    not_found: 'This API key no longer exists. Reload the page.',
  },
  provider: {
    not_found: 'Herald knows no provider “{{id}}”: your hub has not reported it yet.',
  },
  user: {
    not_found: 'Herald knows no user “{{id}}”: your hub has not reported them yet.',
  },
  legacy: {
    not_migratable: 'A legacy webhook URL cannot be turned into a target. {{detail}}',
  },
  auth: {
    wrong_token: 'Wrong admin token. Check it and try again.',
    admin_required: 'This needs an admin sign-in: your session has ended or was never opened. Sign in again.',
    hub_key_required: 'A valid hub API key is required.',
    too_many_attempts: 'Too many wrong attempts from this address. Try again in {{retryAfterSeconds}} s.',
    cross_origin: 'Refused: the change came from another site ({{origin}}). Open the dashboard at its own address.',
  },
  database: {
    unavailable: 'Herald’s database is unavailable right now. Try again in a few seconds.',
  },
};
