import type { IssueCode, IssueParams } from '../schemas/issue-codes.ts';

/** The platforms legacy (single-URL) mode sends to; newer channels live in multi-target mode. */
export const LEGACY_CHANNELS = ['wechat', 'feishu', 'dingtalk', 'telegram'] as const;
export type LegacyChannel = (typeof LEGACY_CHANNELS)[number];

/** Platform hosts a legacy (single-URL) webhook may point at. */
export const LEGACY_HOSTS: Record<string, LegacyChannel> = {
  'qyapi.weixin.qq.com': 'wechat',
  'open.feishu.cn': 'feishu',
  'open.larksuite.com': 'feishu',
  'oapi.dingtalk.com': 'dingtalk',
  'api.telegram.org': 'telegram',
};

/** Why a URL is refused: the English text, and its stable code for a translated one. */
export type UrlProblem = { ok: false; error: string; issue: IssueCode; params: IssueParams };

export type DetectResult = { ok: true; channel: LegacyChannel } | UrlProblem;

/**
 * The https rule, one for legacy URLs and targets alike: a URL on a platform's own host must use
 * https (it carries the key or token); any other host, e.g. a custom webhook, may use http.
 */
export function platformHttpsProblem(url: URL): UrlProblem | null {
  if (url.protocol === 'https:' || !LEGACY_HOSTS[url.hostname.toLowerCase()]) return null;
  return {
    ok: false,
    error: 'a platform webhook URL must use https',
    issue: 'url.https_required',
    params: { host: url.hostname.toLowerCase() },
  };
}

/** The platform a legacy webhook URL belongs to, judged by its exact host. */
export function detectChannel(url: string): DetectResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'not a valid URL', issue: 'url.invalid', params: {} };
  }
  const channel = LEGACY_HOSTS[parsed.hostname.toLowerCase()];
  if (!channel) {
    return {
      ok: false,
      error: `unrecognised platform host ${parsed.hostname}: expected one of ${Object.keys(LEGACY_HOSTS).join(', ')}`,
      issue: 'url.unknown_platform',
      params: { host: parsed.hostname },
    };
  }
  const insecure = platformHttpsProblem(parsed);
  if (insecure) return insecure;
  return { ok: true, channel };
}
