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

export type DetectResult = { ok: true; channel: LegacyChannel } | { ok: false; error: string };

/** The platform a legacy webhook URL belongs to, judged by its exact host. */
export function detectChannel(url: string): DetectResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, error: 'a platform webhook URL must use https' };
  const channel = LEGACY_HOSTS[parsed.hostname.toLowerCase()];
  if (!channel) {
    return {
      ok: false,
      error: `unrecognised platform host ${parsed.hostname}: expected one of ${Object.keys(LEGACY_HOSTS).join(', ')}`,
    };
  }
  return { ok: true, channel };
}
