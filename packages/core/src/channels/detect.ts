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

/** Hosts a webhook URL must reach over https: every legacy platform's (its URL carries the key or token). */
export const HTTPS_ONLY_HOSTS = Object.keys(LEGACY_HOSTS);

/**
 * The one rule for a webhook URL, legacy URLs and targets alike: a full URL, http:// or https://,
 * no user:password@, and https on a platform's own host (HTTPS_ONLY_HOSTS); any other host, e.g. a
 * custom webhook on this machine or the LAN, may use http. Null when the URL passes.
 */
export function webhookUrlProblem(text: string): UrlProblem | null {
  if (!URL.canParse(text)) {
    return {
      ok: false,
      error: 'must be a full URL such as https://example.com/hook',
      issue: 'url.invalid',
      params: {},
    };
  }
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'must be an http:// or https:// URL', issue: 'url.scheme', params: {} };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'must not carry user:password@', issue: 'url.credentials', params: {} };
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:' && HTTPS_ONLY_HOSTS.includes(host)) {
    return { ok: false, error: 'a platform webhook URL must use https', issue: 'url.https_required', params: { host } };
  }
  return null;
}

/** The platform a legacy webhook URL belongs to, judged by its exact host. */
export function detectChannel(url: string): DetectResult {
  const problem = webhookUrlProblem(url);
  if (problem) return problem;
  const host = new URL(url).hostname;
  const channel = LEGACY_HOSTS[host.toLowerCase()];
  if (!channel) {
    return {
      ok: false,
      error: `unrecognised platform host ${host}: expected one of ${Object.keys(LEGACY_HOSTS).join(', ')}`,
      issue: 'url.unknown_platform',
      params: { host },
    };
  }
  return { ok: true, channel };
}
