import { byStatus, jsonOf } from './judge.ts';
import { type HttpChannelSender, requireField, type Verdict } from './sender.ts';

/** The `{ error: { code, message } }` a Workflows (Logic Apps) trigger answers with. */
function workflowsError(body: Record<string, unknown> | null): { code: string; message: string } | null {
  const error = body?.error;
  if (!error || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? { code, message: typeof message === 'string' ? message : '' } : null;
}

/** The trigger URL's signature: what makes the URL a secret. */
const sigOf = (url: string) => (URL.canParse(url) ? (new URL(url).searchParams.get('sig') ?? '') : '');

/**
 * Microsoft Teams through a Workflows webhook: the trigger URL carries its own signature (`sig`),
 * so the request is posted as it is. Workflows answers 202 Accepted (200 too); refusals carry
 * `{ error: { code, message } }` (InvalidRequestContent, DirectApiAuthorizationRequired,
 * WorkflowNotFound…), 429 a `Retry-After`.
 */
export const teamsSender: HttpChannelSender<'teams'> = {
  channel: 'teams',
  prepare(target, body) {
    const url = requireField(target.webhookUrl, 'webhookUrl', 'teams');
    // Without a charset the trigger has been seen to count the body as UTF-16, halving the 28 KB.
    return { url, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
  },
  judge(res): Verdict {
    if (res.status >= 200 && res.status < 300) return { ok: true };
    const error = workflowsError(jsonOf(res));
    const text = error ? `${error.code}: ${error.message}` : `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
    const verdict = byStatus(res, text);
    return !verdict.ok && error ? { ...verdict, code: error.code } : verdict;
  },
  secretsOf: (t) => [t.webhookUrl ?? '', sigOf(t.webhookUrl ?? '')],
};
