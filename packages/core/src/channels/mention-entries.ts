import type { MentionParse } from './mentions.ts';

/**
 * Entry reader WeCom and DingTalk share: a mainland mobile number (what their mobile lists
 * take), a user id of the organisation's directory, or `all`.
 */
export const MOBILE = /^1[3-9]\d{9}$/;
/** WeCom userid / DingTalk userId: letters, digits and `_ - . @`, at most 64. */
const DIRECTORY_USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/** Reads `all`, a mobile number (`+86`, spaces and dashes allowed) or a user id; a leading `@` is allowed. */
export function mobileOrUserId(entry: string, valid: string): MentionParse {
  const e = entry.trim().replace(/^@/, '');
  if (e.toLowerCase() === 'all') return { ok: true, mention: { kind: 'all' } };
  const digits = e.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (MOBILE.test(digits)) return { ok: true, mention: { kind: 'mobile', id: digits } };
  if (e.startsWith('+')) {
    return { ok: false, error: `"${entry}": only mainland mobile numbers can be mentioned; ${valid}` };
  }
  if (DIRECTORY_USER_ID.test(e)) return { ok: true, mention: { kind: 'user', id: e } };
  return { ok: false, error: `"${entry}" is neither a mobile number nor a user id; ${valid}` };
}
